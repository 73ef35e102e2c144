/**
 * Workflow ids of a training day's workflows. Fixed ids make starts idempotent and let
 * any process address a child (signals, updates) without asking the parent.
 */
export const workflowIds = {
  trainingDay: (eventId: string) => `training-day/${eventId}`,
  partner: (eventId: string, partnerId: string) => `training-day/${eventId}/partner/${partnerId}`,
  speakerSlot: (eventId: string, agendaItemId: string) =>
    `training-day/${eventId}/speaker-slot/${agendaItemId}`,
  invitationShard: (eventId: string, shard: number) =>
    `training-day/${eventId}/invitations/${shard}`,
  seatLedger: (eventId: string) => `training-day/${eventId}/seats`,
  attendance: (eventId: string) => `training-day/${eventId}/attendance`,
  followUp: (eventId: string, recommendationId: string) =>
    `training-day/${eventId}/follow-up/${recommendationId}`,
  networkingVisit: (eventId: string, visitId: string) => `training-day/${eventId}/visit/${visitId}`,
  coordinationDigest: (eventId: string, recommendationId: string) =>
    `training-day/${eventId}/digest/${recommendationId}`,
} as const;

/** Largest number of invitees one invitation shard workflow holds. */
export const INVITATION_SHARD_SIZE = 500;

/** Number of shards for a campaign of `invitees` associations (at least one). */
export function shardCountFor(invitees: number): number {
  return Math.max(1, Math.ceil(invitees / INVITATION_SHARD_SIZE));
}

/**
 * The shard an association belongs to, given the campaign's shard count: a stable hash
 * (FNV-1a), so the CLI, the HTTP API and the workflows agree without a lookup.
 */
export function shardOf(associationId: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < associationId.length; index += 1) {
    hash ^= associationId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}
