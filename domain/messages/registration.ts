import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EventBrief } from '../event-brief';
import type { InviteeStatus, Rsvp, RsvpOutcome } from '../registration';
import type { Language, Sector } from '../common';
import type { LifecycleTuning, ShardReport } from './training-day';

/** One invited association as an invitation shard holds it. */
export interface Invitee {
  associationId: string;
  name: string;
  email: string;
  language: Language;
  province: string;
  sector: Sector;
}

export interface InvitationShardInput {
  event: EventBrief;
  shard: number;
  shardCount: number;
  /** Redis key of the shard's invitee page, written by `planInvitations`. */
  inviteesKey: string;
  /** Carried over continue-as-new; absent on the first run. */
  state?: InvitationShardState;
  tuning?: LifecycleTuning;
}

/** An invitee as a shard keeps it between runs. */
export interface InviteeRecord extends InviteeView {
  /** Answers given so far: the ordinal of the next acknowledgement message. */
  answers: number;
  /** Promotions from the waiting list so far: the promotion message's ordinal. */
  promotions: number;
  invitedAt?: string;
}

/** What an invitation shard remembers across runs. */
export interface InvitationShardState {
  invitees: InviteeRecord[];
  invitationsSent: boolean;
  /** The event revision invitees were last told about (reschedules). */
  toldRevision: number;
  /** Event revisions the RSVP and attendance reminders went out for. */
  rsvpRemindedRevision?: number;
  attendanceRemindedRevision?: number;
  /** The event revision the still-waitlisted were told no seat came free for (day start). */
  waitlistClosedRevision?: number;
  /** The programme (agenda) registered associations were last told of, as `programmeKey`. */
  toldProgramme?: string;
  /** When the programme last changed, while a notice of it waits for a quiet period. */
  programmeChangedAt?: string;
  /** Programme-change notices sent so far: the next notice's ordinal. */
  programmeNoticesSent?: number;
  registrationClosed: boolean;
  cancelled: boolean;
  cancellationSent: boolean;
  dayOver: boolean;
  outbox: ShardMessage[];
  lastReport?: ShardReport;
}

/** A message a shard still has to send to one of its associations. */
export interface ShardMessage {
  purpose:
    'rsvp-confirmation' | 'rsvp-decline-acknowledgement' | 'waitlist-notice' | 'waitlist-promotion';
  associationId: string;
  revision: number;
  seats?: number;
  waitlistPosition?: number;
}

/** What `planInvitations` returns: how the campaign is split, never the invitees themselves. */
export interface InvitationPlan {
  shardCount: number;
  invitees: number;
  /** Shard `n`'s invitee page is the Redis list `${inviteesKeyPrefix}${n}`. */
  inviteesKeyPrefix: string;
  /** Invited associations by province and by sector. */
  byProvince: Record<string, number>;
  bySector: Record<string, number>;
}

export interface InviteeView extends Invitee {
  status: InviteeStatus;
  seats: number;
  waitlistPosition?: number;
  failure?: string;
  answeredAt?: string;
}

export const submitRsvp = defineUpdate<RsvpOutcome, [Rsvp]>('submitRsvp');
export const getInvitee = defineQuery<InviteeView | undefined, [string]>('getInvitee');
export const listInvitees = defineQuery<
  InviteeView[],
  [{ status?: InviteeStatus; offset?: number; limit?: number }]
>('listInvitees');
/** From the seat ledger: the association got seats (now or by promotion) or is waitlisted. */
export const seatDecision = defineSignal<
  [
    {
      associationId: string;
      status: 'accepted' | 'waitlisted' | 'released';
      seats: number;
      waitlistPosition?: number;
      promoted?: boolean;
    },
  ]
>('seatDecision');
export const shardEventChanged =
  defineSignal<
    [{ event: EventBrief; cancelled?: boolean; registrationClosed?: boolean; dayOver?: boolean }]
  >('shardEventChanged');

/** Seat ledger: the single authority on capacity and the waiting list of one training day. */
export interface SeatLedgerInput {
  event: EventBrief;
  shardCount: number;
  /** Carried over continue-as-new. */
  state?: SeatLedgerState;
  tuning?: LifecycleTuning;
}
export interface SeatLedgerState {
  holders: Array<[string, number]>;
  waitlist: Array<[string, number]>;
  closed: boolean;
  /** Decisions not yet sent back to their shards when the run handed over. */
  outbox?: Array<SeatDecisionNotice & { shard: number }>;
  /** The parent said the day is over or cancelled. */
  dayOver?: boolean;
  cancelled?: boolean;
}
/** What the seat ledger tells a shard about one association (`seatDecision`). */
export interface SeatDecisionNotice {
  associationId: string;
  status: 'accepted' | 'waitlisted' | 'released';
  seats: number;
  waitlistPosition?: number;
  promoted?: boolean;
}
export const requestSeats =
  defineSignal<[{ associationId: string; seats: number; shard: number }]>('requestSeats');
export const releaseSeats =
  defineSignal<[{ associationId: string; shard: number }]>('releaseSeats');
export const ledgerEventChanged =
  defineSignal<[{ event: EventBrief; cancelled?: boolean; dayOver?: boolean }]>(
    'ledgerEventChanged',
  );
export const getSeatLedger = defineQuery<{
  capacity: number;
  seatsTaken: number;
  holders: number;
  waitlist: Array<{ associationId: string; seats: number }>;
}>('getSeatLedger');
