import { z } from 'zod';
import { AgendaSchema, findAgendaProblems } from './agenda';
import {
  EmailSchema,
  InstantSchema,
  LanguageSchema,
  LocalDateSchema,
  LocalTimeSchema,
  LocalizedTextSchema,
  ProvinceSchema,
  SectorSchema,
  SingleLineTextSchema,
  SlugSchema,
  TimeZoneSchema,
} from './common';
import { PartnerInstitutionSchema } from './partner';
import { SpeakerSchema } from './speaker';

export const OrganiserSchema = z
  .object({
    name: LocalizedTextSchema,
    /** The coordinator who receives escalations and replacement requests. */
    coordinatorName: SingleLineTextSchema,
    coordinatorEmail: EmailSchema,
    /**
     * The address the day's messages come from: the chamber's own, which inboxes trust more
     * than a service's. Unset: the address of SMTP_FROM. Either way the name is the organiser's.
     */
    email: EmailSchema.optional(),
    language: LanguageSchema,
  })
  .strict();
export type Organiser = z.infer<typeof OrganiserSchema>;

export const VenueSchema = z
  .object({
    name: LocalizedTextSchema,
    address: SingleLineTextSchema.optional(),
    city: SingleLineTextSchema,
  })
  .strict();
export type Venue = z.infer<typeof VenueSchema>;

/** Who the day is for: associations of these provinces and sectors. */
export const AudienceSchema = z
  .object({
    provinces: z.array(ProvinceSchema).min(1, 'name at least one province').max(200),
    sectors: z.array(SectorSchema).min(1, 'name at least one sector').max(200),
  })
  .strict();
export type Audience = z.infer<typeof AudienceSchema>;

/** Delays that shape reminders; every value in hours. Defaults suit a day planned weeks ahead. */
export const ReminderPolicySchema = z
  .object({
    partnerReminderHours: z.number().positive().default(72),
    partnerReminders: z.number().int().min(0).max(10).default(2),
    speakerAnswerHours: z.number().positive().default(120),
    speakerReminderHoursBefore: z.number().positive().default(48),
    rsvpReminderHoursBefore: z.number().positive().default(72),
    attendeeReminderHoursBefore: z.number().positive().default(24),
    agendaChangeQuietMinutes: z.number().positive().default(10),
  })
  .strict();
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

const TrainingDayFields = z
  .object({
    id: SlugSchema.optional(),
    title: LocalizedTextSchema,
    theme: LocalizedTextSchema,
    organiser: OrganiserSchema,
    venue: VenueSchema,
    timeZone: TimeZoneSchema,
    date: LocalDateSchema,
    start: LocalTimeSchema,
    end: LocalTimeSchema,
    /** Last day to answer the invitation (inclusive, event time zone); default: two days before. */
    rsvpDeadline: LocalDateSchema.optional(),
    languages: z.array(LanguageSchema).min(1).max(3).default(['ar', 'fr']),
    capacity: z.number().int().positive().max(100_000),
    seatsPerAssociation: z.number().int().positive().max(50).default(3),
    audience: AudienceSchema,
    // Bounds a real day never reaches, so an oversized file is refused naming its field.
    partners: z.array(PartnerInstitutionSchema).max(50).default([]),
    speakers: z.array(SpeakerSchema).max(200).default([]),
    agenda: AgendaSchema,
    reminders: ReminderPolicySchema.default(ReminderPolicySchema.parse({})),
  })
  .strict();

/** Flags every id already used earlier in `list`; returns the ids seen. */
function flagDuplicateIds(
  list: ReadonlyArray<{ id: string }>,
  field: 'partners' | 'speakers',
  ctx: z.RefinementCtx,
): Set<string> {
  const ids = new Set<string>();
  list.forEach((entry, index) => {
    if (ids.has(entry.id))
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `duplicate ${field === 'partners' ? 'partner' : 'speaker'} id "${entry.id}"`,
      });
    ids.add(entry.id);
  });
  return ids;
}

/**
 * A training day as a coordinator writes it (the event file): wall-clock times in the
 * event's own time zone. Checked as a whole: agenda inside the day, ordered, no overlaps.
 */
export const TrainingDayDefinitionSchema = TrainingDayFields.superRefine((day, ctx) => {
  if (day.end <= day.start)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  if (day.rsvpDeadline && day.rsvpDeadline > day.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['rsvpDeadline'],
      message: 'must not be after the day itself',
    });
  }
  const speakerIds = new Set(day.speakers.map((speaker) => speaker.id));
  for (const problem of findAgendaProblems(day.agenda, day, speakerIds)) {
    ctx.addIssue({ code: 'custom', path: ['agenda', ...problem.path], message: problem.message });
  }
  const partnerIds = flagDuplicateIds(day.partners, 'partners', ctx);
  flagDuplicateIds(day.speakers, 'speakers', ctx);
  day.speakers.forEach((speaker, index) => {
    if (speaker.partnerId && !partnerIds.has(speaker.partnerId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['speakers', index, 'partnerId'],
        message: `unknown partner "${speaker.partnerId}"`,
      });
    }
  });
});
export type TrainingDayDefinitionInput = z.input<typeof TrainingDayDefinitionSchema>;
export type TrainingDayDefinition = z.infer<typeof TrainingDayDefinitionSchema>;

/** The instants a definition resolves to, computed at the edge (see `schedule.ts`). */
export const TrainingDayScheduleSchema = z
  .object({
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    rsvpDeadlineAt: InstantSchema,
    /** Per agenda item id: its start and end as instants. */
    agenda: z.record(z.string(), z.object({ startsAt: InstantSchema, endsAt: InstantSchema })),
  })
  .strict();
export type TrainingDaySchedule = z.infer<typeof TrainingDayScheduleSchema>;

/** What the training-day workflow is started with: the definition plus its resolved instants. */
export const TrainingDayPlanSchema = z
  .object({
    eventId: SlugSchema,
    definition: TrainingDayFields.extend({ id: SlugSchema }),
    schedule: TrainingDayScheduleSchema,
    /** Bumped on every reschedule; becomes the calendar SEQUENCE. */
    revision: z.number().int().min(0).default(0),
    /** Why the day was last moved or called off, in the coordinator's words (said in the notices). */
    changeReason: SingleLineTextSchema.optional(),
    /** The training day this one follows from, for further training. */
    previousEventId: SlugSchema.optional(),
    /** Wait in `draft` for the coordinator (`advancePhase`) instead of starting partner coordination. */
    startAsDraft: z.boolean().default(false),
    /**
     * This creation of the event id (see `client/event-id-registry.ts`): links and ledger keys
     * carry it, so nothing of an earlier day with the same id acts on this one. Absent on days
     * created before ids were bound to their run.
     */
    generation: z.number().int().positive().optional(),
  })
  .strict();
export type TrainingDayPlan = z.infer<typeof TrainingDayPlanSchema>;

/** The phases of a training day, in order; `cancelled` can follow any phase before `closed`. */
export const TRAINING_DAY_PHASES = [
  'draft',
  'coordinating-partners',
  'booking-speakers',
  'invitations-open',
  'registration-closed',
  'in-progress',
  'closed',
  'following-up',
  'completed',
  'cancelled',
] as const;
export const TrainingDayPhaseSchema = z.enum(TRAINING_DAY_PHASES);
export type TrainingDayPhase = z.infer<typeof TrainingDayPhaseSchema>;
