import { shardCountForIds } from '../../activities/registration';
import { advanceProblem, nextPhase, phaseRank } from '../../domain/training-day-phases';
import type { InviteeRecord } from '../../domain/messages/registration';
import type { TrainingDayCarriedState } from '../../domain/messages/training-day';
import { INVITATION_SHARD_SIZE, shardOf } from '../../domain/workflow-ids';
import { shardReportOf } from '../../workflows/invitation-shard-state';
import { ReportThrottle } from '../../workflows/kit';
import {
  closingSummaryOf,
  emptyAttendance,
  registrationOf,
} from '../../workflows/training-day-state';

function invitee(
  id: string,
  status: InviteeRecord['status'],
  province: string,
  seats = 0,
): InviteeRecord {
  return {
    associationId: id,
    name: id,
    email: `${id}@example.org`,
    language: 'fr',
    province,
    sector: 'trade',
    status,
    seats,
    answers: 0,
    promotions: 0,
  };
}

describe('phases of a training day', () => {
  it('moves forward only, never skipping the invitations, following up only once closed', () => {
    expect(advanceProblem('draft', 'coordinating-partners')).toBeUndefined();
    expect(advanceProblem('draft', 'invitations-open')).toBeUndefined();
    expect(advanceProblem('draft', 'in-progress')).toMatch(/invitations first/);
    expect(advanceProblem('invitations-open', 'closed')).toBeUndefined();
    expect(advanceProblem('in-progress', 'following-up')).toMatch(/close the day first/);
    expect(advanceProblem('closed', 'following-up')).toBeUndefined();
    expect(advanceProblem('closed', 'closed')).toMatch(/already closed/);
    expect(advanceProblem('booking-speakers', 'cancelled')).toMatch(/cancel/);
    expect(advanceProblem('following-up', 'completed')).toMatch(/follow-ups/);
    expect(advanceProblem('cancelled', 'closed')).toMatch(/cancelled/);
    expect(nextPhase('closed')).toBe('following-up');
    expect(phaseRank('cancelled')).toBeGreaterThan(phaseRank('completed'));
  });
});

describe('invitation shards', () => {
  it('splits a campaign so that no shard holds more than the shard size', () => {
    const ids = Array.from({ length: 5000 }, (_, index) => `association-${index}`);
    const count = shardCountForIds(ids);
    const sizes = new Array<number>(count).fill(0);
    for (const id of ids) sizes[shardOf(id, count)]! += 1;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(INVITATION_SHARD_SIZE);
    expect(count).toBeGreaterThanOrEqual(10);
    expect(shardCountForIds([])).toBe(1);
  });

  it('reports counts, and accepted and waitlisted associations by province', () => {
    const report = shardReportOf(3, [
      invitee('a', 'accepted', 'Safi', 2),
      invitee('b', 'waitlisted', 'Safi'),
      invitee('c', 'invited', 'Youssoufia'),
      invitee('d', 'declined', 'Youssoufia'),
      invitee('e', 'undeliverable', 'Safi'),
    ]);
    expect(report).toEqual({
      shard: 3,
      counts: { invited: 5, pending: 1, accepted: 1, declined: 1, waitlisted: 1, undeliverable: 1 },
      byProvince: { Safi: 1 },
      bySector: { trade: 1 },
      waitlistedByProvince: { Safi: 1 },
      waitlistedBySector: { trade: 1 },
      seats: 2,
      uninvited: 0,
    });
  });
});

describe('the training day status', () => {
  const state = (): TrainingDayCarriedState => ({
    phase: 'closed',
    phaseHistory: [],
    createdAt: '2026-01-01T00:00:00Z',
    agendaRevision: 0,
    partners: [],
    speakers: [],
    slotsStarted: [],
    partnersStarted: true,
    registration: {
      shardCount: 2,
      invitees: 10,
      invitedByProvince: { Safi: 6, Youssoufia: 4 },
      invitedBySector: { trade: 10 },
      shards: [
        shardReportOf(0, [invitee('a', 'accepted', 'Safi', 3), invitee('b', 'declined', 'Safi')]),
      ],
      ledger: { seatsTaken: 3, accepted: 1, waitlisted: 0 },
    },
    attendance: {
      ...emptyAttendance(),
      checkedIn: 2,
      attendees: 4,
      walkIns: 1,
      byProvince: { Safi: 1, Essaouira: 1 },
    },
    recommendations: [],
    followUps: [],
    followUpsStarted: [],
    nextEventIds: [],
  });

  it('counts invitees of shards that have not reported yet as not having answered', () => {
    expect(registrationOf(state(), 100)).toMatchObject({
      invited: 10,
      accepted: 1,
      declined: 1,
      pending: 8,
      seatsTaken: 3,
      shards: 2,
    });
  });

  it('counts as invited only the invitations that went out (issue 9)', () => {
    const late = state();
    const never = (id: string) => invitee(id, 'pending', 'Youssoufia');
    const sent = { ...invitee('c', 'invited', 'Youssoufia'), invitedAt: '2026-01-10T09:00:00Z' };
    late.registration!.shards.push(shardReportOf(1, [never('d'), never('e'), sent]));
    expect(late.registration!.shards[1]!.uninvited).toBe(2);
    // Five invitees of shard 1 are yet to report; two of its three were never sent anything.
    expect(registrationOf(late, 100)).toMatchObject({ invited: 8, accepted: 1, pending: 6 });
  });

  it('closes a day whose invitations never went out with no one invited in any province (issue 9)', () => {
    const late = state();
    const never = (id: string, province: string) => invitee(id, 'pending', province);
    late.registration = {
      ...late.registration!,
      shardCount: 1,
      invitees: 3,
      invitedByProvince: { Safi: 2, Youssoufia: 1 },
      invitedBySector: { trade: 3 },
      shards: [
        shardReportOf(0, [never('a', 'Safi'), never('b', 'Safi'), never('c', 'Youssoufia')]),
      ],
      ledger: { seatsTaken: 0, accepted: 0, waitlisted: 0 },
    };
    late.attendance = emptyAttendance();
    const summary = closingSummaryOf(late, 100, '2026-02-01T18:00:00Z');
    expect(summary).toMatchObject({ invited: 0, noAnswer: 0, byProvince: {}, bySector: {} });
  });

  it('sums the closing figures by province, walk-ins from elsewhere included', () => {
    const summary = closingSummaryOf(state(), 100, '2026-02-01T18:00:00Z');
    expect(summary).toMatchObject({
      invited: 10,
      accepted: 1,
      attended: 2,
      walkIns: 1,
      noAnswer: 8,
    });
    expect(summary.byProvince).toEqual({
      Essaouira: { invited: 0, accepted: 0, waitlisted: 0, attended: 1 },
      Safi: { invited: 6, accepted: 1, waitlisted: 0, attended: 1 },
      Youssoufia: { invited: 4, accepted: 0, waitlisted: 0, attended: 0 },
    });
  });
});

describe('report throttle', () => {
  it('reports at most once per interval, and never loses a change made while reporting', () => {
    const throttle = new ReportThrottle(1000);
    expect(throttle.pending).toBe(false);
    throttle.markChanged();
    expect(throttle.isDue(0)).toBe(true);
    const version = throttle.begin();
    throttle.markChanged();
    throttle.reported(version, 0);
    expect(throttle.pending).toBe(true);
    expect(throttle.isDue(500)).toBe(false);
    expect(throttle.dueAt()).toBe(1000);
    expect(throttle.isDue(1000)).toBe(true);
  });
});
