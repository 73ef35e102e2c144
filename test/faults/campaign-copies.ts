import type { Redis } from 'ioredis';
import { listPossibleDuplicates } from '../../stores/possible-duplicates';
import type { Association } from '../../domain/association';
import type { CapturedMessage, SmtpSink } from '../support/smtp-sink';

/** The invitations of one training day the sink has received so far. */
export function invitationsOf(sink: SmtpSink, eventId: string): CapturedMessage[] {
  return sink.messages.filter(
    (message) =>
      message.parsed.headers.get('x-multaqa-event') === eventId &&
      message.parsed.headers.get('x-multaqa-purpose') === 'association-invitation',
  );
}

/** How many associations of `associations` have at least one invitation of the day. */
export function invitedCount(sink: SmtpSink, eventId: string): number {
  return new Set(invitationsOf(sink, eventId).flatMap((message) => message.to)).size;
}

/** What the sink holds for each association: copies counted, second copies checked as flagged. */
export interface CopiesReport {
  /** Associations without any invitation. */
  missing: string[];
  /** Associations with more than two copies. */
  tooMany: string[];
  /** Associations with a second copy the coordinator was not told about. */
  unflaggedSeconds: string[];
  delivered: number;
  secondCopies: number;
  flagged: number;
}

/**
 * Counts each association's invitations and compares second copies with the send ledger's
 * list of possible duplicates (what the coordinator is shown).
 */
export async function copiesOfInvitations(
  sink: SmtpSink,
  redis: Redis,
  prefix: string,
  eventId: string,
  associations: readonly Association[],
): Promise<CopiesReport> {
  const flagged = new Set(
    (await listPossibleDuplicates(redis, prefix, eventId))
      .filter((entry) => entry.purpose === 'association-invitation')
      .map((entry) => entry.recipientId),
  );
  const invitations = invitationsOf(sink, eventId);
  const copies = new Map<string, number>();
  for (const message of invitations)
    for (const to of message.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  const report: CopiesReport = {
    missing: [],
    tooMany: [],
    unflaggedSeconds: [],
    delivered: invitations.length,
    secondCopies: invitations.length - copies.size,
    flagged: flagged.size,
  };
  for (const association of associations) {
    const count = copies.get(association.email) ?? 0;
    if (count === 0) report.missing.push(association.id);
    if (count > 2) report.tooMany.push(association.id);
    if (count === 2 && !flagged.has(association.id)) report.unflaggedSeconds.push(association.id);
  }
  return report;
}
