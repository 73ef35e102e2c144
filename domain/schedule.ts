import { DateTime } from 'luxon';
import type { TrainingDayDefinition, TrainingDaySchedule } from './training-day';

/** The instant at which `time` (HH:MM) on `date` (YYYY-MM-DD) falls in `timeZone`, as ISO UTC. */
export function localToInstant(date: string, time: string, timeZone: string): string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid)
    throw new RangeError(
      `invalid local time ${date} ${time} in ${timeZone}: ${local.invalidExplanation}`,
    );
  return local.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of `instant` in `timeZone`. */
export function instantToLocal(instant: string, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  if (!local.isValid)
    throw new RangeError(`invalid instant ${instant}: ${local.invalidExplanation}`);
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

/**
 * Resolves a definition's wall-clock times into instants. The RSVP deadline is the end of
 * its day (23:59 local); by default two days before the event.
 */
export function resolveSchedule(
  day: Pick<
    TrainingDayDefinition,
    'date' | 'start' | 'end' | 'timeZone' | 'rsvpDeadline' | 'agenda'
  >,
): TrainingDaySchedule {
  const deadlineDate =
    day.rsvpDeadline ??
    DateTime.fromISO(day.date, { zone: day.timeZone }).minus({ days: 2 }).toISODate()!;
  const agenda: TrainingDaySchedule['agenda'] = {};
  for (const item of day.agenda) {
    agenda[item.id] = {
      startsAt: localToInstant(day.date, item.start, day.timeZone),
      endsAt: localToInstant(day.date, item.end, day.timeZone),
    };
  }
  return {
    startsAt: localToInstant(day.date, day.start, day.timeZone),
    endsAt: localToInstant(day.date, day.end, day.timeZone),
    rsvpDeadlineAt: localToInstant(deadlineDate, '23:59', day.timeZone),
    agenda,
  };
}
