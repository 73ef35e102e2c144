import { z } from 'zod';
import { SlugSchema } from './common';

/** Where an invited association stands. */
export const INVITEE_STATUSES = [
  'pending',
  'invited',
  'accepted',
  'waitlisted',
  'declined',
  'undeliverable',
  'cancelled',
] as const;
export const InviteeStatusSchema = z.enum(INVITEE_STATUSES);
export type InviteeStatus = z.infer<typeof InviteeStatusSchema>;

export const RSVP_CHANNELS = ['link', 'phone', 'coordinator'] as const;

/** An answer to an invitation: accept with a number of seats, or decline. */
export const RsvpSchema = z.discriminatedUnion('response', [
  z
    .object({
      response: z.literal('accept'),
      associationId: SlugSchema,
      seats: z.number().int().min(1, 'at least one seat').max(50),
      channel: z.enum(RSVP_CHANNELS).default('link'),
    })
    .strict(),
  z
    .object({
      response: z.literal('decline'),
      associationId: SlugSchema,
      channel: z.enum(RSVP_CHANNELS).default('link'),
    })
    .strict(),
]);
export type RsvpInput = z.input<typeof RsvpSchema>;
export type Rsvp = z.infer<typeof RsvpSchema>;

/** What an RSVP led to, as told to the person who answered. */
export interface RsvpOutcome {
  associationId: string;
  status: InviteeStatus;
  seats: number;
  /** 1-based place on the waiting list, when waitlisted. */
  waitlistPosition?: number;
}

/** Counts of a registration, as the status command and dashboard show them. */
export interface RegistrationCounts {
  invited: number;
  pending: number;
  accepted: number;
  declined: number;
  waitlisted: number;
  undeliverable: number;
  seatsTaken: number;
  capacity: number;
}

export function emptyRegistrationCounts(capacity: number): RegistrationCounts {
  return {
    invited: 0,
    pending: 0,
    accepted: 0,
    declined: 0,
    waitlisted: 0,
    undeliverable: 0,
    seatsTaken: 0,
    capacity,
  };
}
