import { DateTime } from 'luxon';
import type { NextTrainingDayRequest } from './follow-up-commands';
import { resolveSchedule } from './schedule';
import {
  TrainingDayDefinitionSchema,
  TrainingDayPlanSchema,
  type TrainingDayPlan,
} from './training-day';

/** The id of the `ordinal`-th training day that follows `previousEventId` from a recommendation. */
export function nextEventIdFor(
  previousEventId: string,
  recommendationId: string,
  ordinal: number,
): string {
  const suffix = `-${ordinal}`;
  const base = `${previousEventId}-${recommendationId}`
    .slice(0, 63 - suffix.length)
    .replace(/-+$/, '');
  return `${base}${suffix}`;
}

/**
 * The date of a further training day when the coordinator gives none: three months after the
 * previous day, and never sooner than four weeks from today (a draft needs time to prepare).
 */
export function defaultNextDate(previousDate: string, today: string): string {
  const threeMonthsOn = DateTime.fromISO(previousDate).plus({ months: 3 });
  const fourWeeksFromToday = DateTime.fromISO(today).plus({ weeks: 4 });
  return (threeMonthsOn > fourWeeksFromToday ? threeMonthsOn : fourWeeksFromToday).toISODate()!;
}

/**
 * Plans the next training day from the current one, for further training or capacity
 * building: same organiser, partners, speakers, audience, venue and agenda outline (the
 * coordinator edits the draft), a new date, and a link back. It starts as a draft.
 * Throws a `ZodError` if the result is not a valid training day (e.g. a date in the wrong form).
 */
export function planNextTrainingDay(
  previous: { eventId: string; definition: TrainingDayPlan['definition'] },
  request: NextTrainingDayRequest,
  context: { recommendationId: string; ordinal: number; today: string },
): TrainingDayPlan {
  const eventId = nextEventIdFor(previous.eventId, context.recommendationId, context.ordinal);
  const { rsvpDeadline: _previousDeadline, ...carried } = previous.definition;
  const definition = TrainingDayDefinitionSchema.parse({
    ...carried,
    id: eventId,
    title: request.title ?? previous.definition.title,
    theme: request.theme ?? previous.definition.theme,
    date: request.date ?? defaultNextDate(previous.definition.date, context.today),
  });
  return TrainingDayPlanSchema.parse({
    eventId,
    definition: { ...definition, id: eventId },
    schedule: resolveSchedule(definition),
    revision: 0,
    previousEventId: previous.eventId,
    startAsDraft: true,
  });
}
