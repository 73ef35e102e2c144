import { z } from 'zod';
import type { Language, Sector } from './common';
import {
  FreeTextSchema,
  InstantSchema,
  LocalDateSchema,
  LocalTimeSchema,
  SingleLineTextSchema,
  SlugSchema,
} from './common';

/** Where a networking visit stands, from the proposed pairing to the visit report. */
export const VISIT_STATUSES = [
  'proposed',
  'inviting',
  'needs-new-pairing',
  'confirmed',
  'scheduled',
  'held',
  'reported',
  'cancelled',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Why a host and visitors were put together. */
export const PAIRING_REASONS = [
  'same-sector-other-province',
  'host-experience',
  'coordinator',
] as const;
export type PairingReason = (typeof PAIRING_REASONS)[number];

/** A host association and the associations that visit it. */
export interface VisitPairing {
  hostId: string;
  visitorIds: string[];
  reason: PairingReason;
}

/** An association as a visit needs it: who it is and how to reach it. */
export interface VisitAssociation {
  associationId: string;
  name: string;
  email: string;
  language: Language;
  province: string;
  sector: Sector;
}

export type VisitRole = 'host' | 'visitor';
export type VisitAnswer = 'pending' | 'confirmed' | 'declined';

export interface VisitParticipant extends VisitAssociation {
  role: VisitRole;
  answer: VisitAnswer;
  answeredAt?: string;
  note?: string;
}

/** Coordinator: replace the proposed host and visitors. */
export const VisitPairingOverrideSchema = z
  .object({
    hostId: SlugSchema,
    visitorIds: z
      .array(SlugSchema)
      .min(1, 'name at least one visitor')
      .max(10, 'at most 10 visitors'),
    reason: FreeTextSchema.optional(),
  })
  .strict()
  .superRefine((pairing, ctx) => {
    if (pairing.visitorIds.includes(pairing.hostId))
      ctx.addIssue({
        code: 'custom',
        path: ['visitorIds'],
        message: 'the host cannot also be a visitor',
      });
    if (new Set(pairing.visitorIds).size !== pairing.visitorIds.length)
      ctx.addIssue({ code: 'custom', path: ['visitorIds'], message: 'a visitor is named twice' });
  });
export type VisitPairingOverride = z.infer<typeof VisitPairingOverrideSchema>;

/** An association's answer to a visit invitation, as the coordinator records it. */
export const VisitInvitationAnswerSchema = z
  .object({
    associationId: SlugSchema,
    answer: z.enum(['confirm', 'decline']),
    note: FreeTextSchema.optional(),
  })
  .strict();
export type VisitInvitationAnswer = z.infer<typeof VisitInvitationAnswerSchema>;

/**
 * Coordinator: when and where the visit takes place. `startsAt` is resolved at the edge from
 * the date and time in the event's time zone.
 */
export const VisitScheduleSchema = z
  .object({
    date: LocalDateSchema,
    time: LocalTimeSchema,
    startsAt: InstantSchema,
    place: SingleLineTextSchema,
    note: FreeTextSchema.optional(),
  })
  .strict();
export type VisitSchedule = z.infer<typeof VisitScheduleSchema>;

/** What the edge accepts before resolving `startsAt`. */
export const VisitScheduleRequestSchema = VisitScheduleSchema.omit({ startsAt: true });
export type VisitScheduleRequest = z.infer<typeof VisitScheduleRequestSchema>;

/** The short report written after the visit. */
export const VisitReportSchema = z
  .object({
    summary: FreeTextSchema,
    /** People who took part, all associations together. */
    participants: z.number().int().min(1).max(1000).optional(),
    /** What the associations agreed to do next. */
    nextSteps: FreeTextSchema.optional(),
  })
  .strict();
export type VisitReport = z.infer<typeof VisitReportSchema>;

export const VisitCancellationSchema = z.object({ reason: FreeTextSchema }).strict();
export type VisitCancellation = z.infer<typeof VisitCancellationSchema>;

/** What the follow-up knows of each of its visits (reported by the visit on every change). */
export interface VisitSummary {
  visitId: string;
  workflowId: string;
  status: VisitStatus;
  hostName: string;
  visitorNames: string[];
  sector: Sector;
  reason: PairingReason;
  startsAt?: string;
  place?: string;
  reportSummary?: string;
}
