import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EventBrief } from '../event-brief';
import type { InviteeStatus, Rsvp, RsvpOutcome } from '../registration';
import type { Language, Sector } from '../common';

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
  defineSignal<[{ event: EventBrief; cancelled?: boolean; registrationClosed?: boolean }]>(
    'shardEventChanged',
  );

/** Seat ledger: the single authority on capacity and the waiting list of one training day. */
export interface SeatLedgerInput {
  event: EventBrief;
  shardCount: number;
  /** Carried over continue-as-new. */
  state?: SeatLedgerState;
}
export interface SeatLedgerState {
  holders: Array<[string, number]>;
  waitlist: Array<[string, number]>;
  closed: boolean;
}
export const requestSeats =
  defineSignal<[{ associationId: string; seats: number; shard: number }]>('requestSeats');
export const releaseSeats =
  defineSignal<[{ associationId: string; shard: number }]>('releaseSeats');
export const ledgerEventChanged =
  defineSignal<[{ event: EventBrief; cancelled?: boolean }]>('ledgerEventChanged');
export const getSeatLedger = defineQuery<{
  capacity: number;
  seatsTaken: number;
  holders: number;
  waitlist: Array<{ associationId: string; seats: number }>;
}>('getSeatLedger');
