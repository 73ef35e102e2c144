import { DateTime } from 'luxon';
import {
  TrainingDayDefinitionSchema,
  TrainingDayPlanSchema,
  type TrainingDayPlan,
} from '../domain/training-day';
import { resolveSchedule } from '../domain/schedule';
import { LocalDateSchema, pickText, SlugSchema } from '../domain/common';
import { parseOrThrow, ValidationError } from './validation';

export interface PlanOptions {
  previousEventId?: string;
  /** Hold the day on another date (YYYY-MM-DD): the RSVP deadline moves by the same number of days. */
  date?: string;
  /** Another id for the event (e.g. a rehearsal of the same day). */
  id?: string;
}

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The event file's content with the options' date and id applied (before validation). */
function applyOverrides(input: unknown, options: PlanOptions): unknown {
  if (!options.date && !options.id) return input;
  if (typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (options.id) copy.id = parseOrThrow(SlugSchema, options.id, 'id');
  if (options.date) {
    const date = parseOrThrow(LocalDateSchema, options.date, 'date');
    if (typeof copy.date === 'string' && typeof copy.rsvpDeadline === 'string') {
      const offset = Math.round((Date.parse(date) - Date.parse(copy.date)) / DAY_MS);
      if (Number.isFinite(offset)) copy.rsvpDeadline = shiftDate(copy.rsvpDeadline, offset);
    }
    copy.date = date;
  }
  return copy;
}

/** A slug for an event: its id if given, else the title (latin text) and date. */
export function eventIdFor(definition: {
  id?: string;
  title: { en?: string; fr?: string; ar?: string };
  date: string;
}): string {
  if (definition.id) return definition.id;
  const base = pickText(definition.title, 'en', ['fr', 'en'])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return base ? `${base}-${definition.date}` : `training-day-${definition.date}`;
}

/**
 * Validates an event file's content and resolves it into what the workflow starts with.
 * Throws `ValidationError` naming every bad field.
 */
export function planTrainingDay(input: unknown, options: PlanOptions = {}): TrainingDayPlan {
  const definition = parseOrThrow(
    TrainingDayDefinitionSchema,
    applyOverrides(input, options),
    'event',
  );
  const eventId = eventIdFor(definition);
  return TrainingDayPlanSchema.parse({
    eventId,
    definition: { ...definition, id: eventId },
    schedule: resolveSchedule(definition),
    revision: 0,
    previousEventId: options.previousEventId,
  });
}

/**
 * Refuses a plan that could never send an invitation anyone could answer: the day is still to
 * come but its RSVP deadline has passed. (A day that is already over is recorded as held, which
 * sends nothing.) Throws `ValidationError` naming `rsvpDeadline`.
 */
export function refuseLapsedDeadline(plan: TrainingDayPlan, nowMs: number): void {
  const { schedule, definition } = plan;
  if (nowMs >= Date.parse(schedule.endsAt) || nowMs <= Date.parse(schedule.rsvpDeadlineAt)) return;
  const deadline = DateTime.fromISO(schedule.rsvpDeadlineAt, {
    zone: definition.timeZone,
  }).toISODate();
  throw new ValidationError([
    {
      field: 'rsvpDeadline',
      message: `the RSVP deadline (${definition.rsvpDeadline ?? `by default two days before, ${deadline}`}) has already passed, so no invitation could be answered; set a later rsvpDeadline (on or before ${definition.date}) or hold the day later with --date`,
    },
  ]);
}
