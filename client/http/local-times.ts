import { DateTime } from 'luxon';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import type { TrainingDaySummary } from '../../stores/read-model';

/**
 * Wall-clock times in the event's time zone (`yyyy-MM-ddTHH:mm`), computed on the server:
 * browsers carry time-zone data of varying age, and Morocco's rules (UTC+1 except during
 * Ramadan) are often wrong in old copies, so the dashboard shows these instead of converting.
 */
export interface LocalTimes {
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string;
  /** When each phase was entered. */
  phases: Record<string, string>;
  /** Due dates of follow-ups, by recommendation id. */
  followUpsDue: Record<string, string>;
}

export function localTime(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm") : instant;
}

/** The status with `local` times added for display. */
export function withLocalTimes(
  status: TrainingDayStatus,
): TrainingDayStatus & { local: LocalTimes } {
  const zone = status.timeZone;
  return {
    ...status,
    local: {
      startsAt: localTime(status.startsAt, zone),
      endsAt: localTime(status.endsAt, zone),
      rsvpDeadlineAt: localTime(status.rsvpDeadlineAt, zone),
      phases: Object.fromEntries(
        status.phaseHistory.map((change) => [change.phase, localTime(change.at, zone)]),
      ),
      followUpsDue: Object.fromEntries(
        status.followUps
          .filter((followUp) => followUp.dueAt)
          .map((followUp) => [followUp.recommendationId, localTime(followUp.dueAt!, zone)]),
      ),
    },
  };
}

/** A summary with its local start time added for display. */
export function summaryWithLocalTime(
  summary: TrainingDaySummary,
): TrainingDaySummary & { localStartsAt: string } {
  return { ...summary, localStartsAt: localTime(summary.startsAt, summary.timeZone) };
}
