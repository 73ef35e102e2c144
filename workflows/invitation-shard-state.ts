import type { RecipientStanding } from '../domain/messages/mail';
import type { Invitee, InviteeRecord, InviteeView } from '../domain/messages/registration';
import type { ShardReport } from '../domain/messages/training-day';
import type { InviteeStatus } from '../domain/registration';

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** A new invitee, not yet invited. */
export function newInviteeRecord(invitee: Invitee): InviteeRecord {
  return { ...invitee, status: 'pending', seats: 0, answers: 0, promotions: 0 };
}

/** Whether an invitee has had an invitation (and so must hear of changes to the day). */
export function wasInvited(record: InviteeRecord): boolean {
  return record.invitedAt !== undefined && record.status !== 'undeliverable';
}

/** Where an invitee stands, for a notice: no answer yet, seated, waiting or declined. */
export function standingOf(status: InviteeStatus): RecipientStanding {
  switch (status) {
    case 'accepted':
    case 'waitlisted':
    case 'declined':
      return status;
    default:
      return 'pending';
  }
}

/** Whether an invitee has not answered yet. */
export function awaitsAnswer(status: InviteeStatus): boolean {
  return status === 'pending' || status === 'invited';
}

/** A shard's registration figures (see `ShardReport`), computed from its invitees. */
export function shardReportOf(shard: number, invitees: readonly InviteeRecord[]): ShardReport {
  const report: Required<ShardReport> = {
    shard,
    counts: { invited: 0, pending: 0, accepted: 0, declined: 0, waitlisted: 0, undeliverable: 0 },
    byProvince: {},
    bySector: {},
    waitlistedByProvince: {},
    waitlistedBySector: {},
    seats: 0,
    uninvited: 0,
  };
  for (const invitee of invitees) {
    report.counts.invited += 1;
    if (invitee.invitedAt === undefined && invitee.status === 'pending') report.uninvited += 1;
    switch (invitee.status) {
      case 'pending':
      case 'invited':
        report.counts.pending += 1;
        break;
      case 'accepted':
        report.counts.accepted += 1;
        report.seats += invitee.seats;
        bump(report.byProvince, invitee.province);
        bump(report.bySector, invitee.sector);
        break;
      case 'waitlisted':
        report.counts.waitlisted += 1;
        bump(report.waitlistedByProvince, invitee.province);
        bump(report.waitlistedBySector, invitee.sector);
        break;
      case 'declined':
        report.counts.declined += 1;
        break;
      case 'undeliverable':
        report.counts.undeliverable += 1;
        break;
      case 'cancelled':
        break;
    }
  }
  return report;
}

/** Invitees of one status (or all), by name, one page of them. */
export function pageOfInvitees(
  invitees: readonly InviteeRecord[],
  query: { status?: InviteeStatus; offset?: number; limit?: number } = {},
): InviteeView[] {
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(1000, Math.max(1, query.limit ?? 100));
  return invitees
    .filter((invitee) => !query.status || invitee.status === query.status)
    .sort((a, b) => a.name.localeCompare(b.name) || a.associationId.localeCompare(b.associationId))
    .slice(offset, offset + limit)
    .map((invitee) => toInviteeView(invitee));
}

export function toInviteeView(record: InviteeRecord): InviteeView {
  const { answers: _answers, promotions: _promotions, invitedAt: _invitedAt, ...view } = record;
  return view;
}
