import type { Language, LocalizedText } from './common';
import type { AgendaItem } from './agenda';
import type { Organiser, ReminderPolicy, Venue } from './training-day';

/**
 * What child workflows and email activities need to know of a training day: small enough to
 * pass in every payload, and re-sent to children after a reschedule.
 */
export interface EventBrief {
  eventId: string;
  title: LocalizedText;
  theme: LocalizedText;
  organiser: Organiser;
  venue: Venue;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string;
  /** Bumped on every reschedule; the calendar SEQUENCE. */
  revision: number;
  /** Why the day was last moved or called off, as the coordinator said it; every notice quotes it. */
  changeReason?: string;
  /** The creation of the id this day is (`TrainingDayPlan.generation`); absent on older days. */
  generation?: number;
  languages: Language[];
  capacity: number;
  seatsPerAssociation: number;
  reminders: ReminderPolicy;
  agenda: AgendaItem[];
  agendaSchedule: Record<string, { startsAt: string; endsAt: string }>;
}
