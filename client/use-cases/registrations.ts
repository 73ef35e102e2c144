import { z } from 'zod';
import { SlugSchema } from '../../domain/common';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import {
  getInvitee,
  getSeatLedger,
  listInvitees,
  submitRsvp,
  type InviteeView,
} from '../../domain/messages/registration';
import {
  InviteeStatusSchema,
  RsvpSchema,
  type Rsvp,
  type RsvpOutcome,
} from '../../domain/registration';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { rsvpsCounter } from '../../observability/product-metrics';
import type { Connections } from '../connections';
import { readStatus } from './training-days';
import { parseOrThrow } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

/** The number of invitation shards of a training day; fails while invitations are not out. */
export async function shardCountOf(connections: Connections, eventId: string): Promise<number> {
  let { status } = await readStatus(connections, eventId);
  // The read model may lag the opening of invitations by a moment: ask the workflow then.
  if (status.registration.shards === 0)
    ({ status } = await readStatus(connections, eventId, { live: true }));
  if (status.registration.shards === 0)
    throw new MultaqaError(
      ErrorCodes.wrongPhase,
      `training day "${eventId}" has not sent its invitations yet (phase ${status.phase})`,
    );
  return status.registration.shards;
}

function shardHandle(connections: Connections, eventId: string, shard: number) {
  return connections.temporal.workflow.getHandle(workflowIds.invitationShard(eventId, shard));
}

/**
 * Records an answer to an invitation on the association's invitation shard (by link, or
 * taken by phone by a coordinator). The seat ledger decides between a seat and the waiting list.
 */
export async function recordRsvp(
  connections: Connections,
  eventId: string,
  input: unknown,
  options: { shard?: number } = {},
): Promise<RsvpOutcome> {
  const rsvp: Rsvp = parseOrThrow(RsvpSchema, input);
  const shard =
    options.shard ?? shardOf(rsvp.associationId, await shardCountOf(connections, eventId));
  const outcome = await withWorkflowErrors(
    `invitation of "${rsvp.associationId}" to "${eventId}"`,
    () => shardHandle(connections, eventId, shard).executeUpdate(submitRsvp, { args: [rsvp] }),
  );
  rsvpsCounter.inc({ status: outcome.status, channel: rsvp.channel });
  return outcome;
}

/** One invited association's state, or NotFound when it was not invited. */
export async function findInvitee(
  connections: Connections,
  eventId: string,
  associationId: string,
  options: { shard?: number } = {},
): Promise<InviteeView> {
  parseOrThrow(SlugSchema, associationId, 'associationId');
  const shard = options.shard ?? shardOf(associationId, await shardCountOf(connections, eventId));
  const invitee = await withWorkflowErrors(`invitations of "${eventId}"`, () =>
    shardHandle(connections, eventId, shard).query(getInvitee, associationId),
  );
  if (!invitee)
    throw new MultaqaError(
      ErrorCodes.notFound,
      `association "${associationId}" is not invited to "${eventId}"`,
      'associationId',
    );
  return invitee;
}

export const InviteeQuerySchema = z
  .object({
    status: InviteeStatusSchema.optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** Invited associations across every shard, by name, optionally of one status. */
export async function listInvitedAssociations(
  connections: Connections,
  eventId: string,
  input: unknown = {},
): Promise<InviteeView[]> {
  const query = parseOrThrow(InviteeQuerySchema, input);
  const shards = await shardCountOf(connections, eventId);
  const pages = await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      withWorkflowErrors(`invitations of "${eventId}"`, () =>
        shardHandle(connections, eventId, shard).query(listInvitees, {
          status: query.status,
          offset: 0,
          limit: query.offset + query.limit,
        }),
      ),
    ),
  );
  return pages
    .flat()
    .sort((a, b) => a.name.localeCompare(b.name) || a.associationId.localeCompare(b.associationId))
    .slice(query.offset, query.offset + query.limit);
}

/** Capacity, seats taken and the waiting list in order, from the seat ledger. */
export async function readWaitingList(connections: Connections, eventId: string) {
  return withWorkflowErrors(`seat ledger of "${eventId}"`, () =>
    connections.temporal.workflow.getHandle(workflowIds.seatLedger(eventId)).query(getSeatLedger),
  );
}
