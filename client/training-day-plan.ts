import {
  TrainingDayDefinitionSchema,
  TrainingDayPlanSchema,
  type TrainingDayPlan,
} from '../domain/training-day';
import { resolveSchedule } from '../domain/schedule';
import { pickText } from '../domain/common';
import { parseOrThrow } from './validation';

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
export function planTrainingDay(
  input: unknown,
  options: { previousEventId?: string } = {},
): TrainingDayPlan {
  const definition = parseOrThrow(TrainingDayDefinitionSchema, input, 'event');
  const eventId = eventIdFor(definition);
  return TrainingDayPlanSchema.parse({
    eventId,
    definition: { ...definition, id: eventId },
    schedule: resolveSchedule(definition),
    revision: 0,
    previousEventId: options.previousEventId,
  });
}
