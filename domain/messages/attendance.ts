import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AttendanceFigures, CheckedInBy, CheckIn, CheckInOutcome } from '../attendance';
import type { EventBrief } from '../event-brief';
import type { Language } from '../common';
import type { LifecycleTuning } from './training-day';

export interface AttendanceInput {
  event: EventBrief;
  shardCount: number;
  /** Carried over continue-as-new; absent on the first run. */
  state?: AttendanceState;
  tuning?: LifecycleTuning;
}

/** One association at the door, as the attendance workflow keeps it. */
export interface AttendanceRecord {
  associationId: string;
  name: string;
  province: string;
  sector: string;
  method: string;
  attendees: number;
  checkedInAt: string;
  walkIn: boolean;
  /** Seats the association held then; people beyond them were let in by door staff. */
  seatsHeld?: number;
  /** Channel and actor of the check-in (absent on records made before they were kept). */
  checkedInBy?: CheckedInBy;
  email?: string;
  language?: Language;
}

/** What the attendance workflow remembers across runs. */
export interface AttendanceState {
  records: AttendanceRecord[];
  survey: Array<SurveyResponse & { at: string }>;
  /** Associations sent the thank-you message. */
  thanked: string[];
  checkInOpen: boolean;
  closed: boolean;
  closedAt?: string;
  cancelled: boolean;
}

export const checkIn = defineUpdate<CheckInOutcome, [CheckIn]>('checkIn');
export const getAttendance = defineQuery<AttendanceFigures>('getAttendance');
export const listCheckIns =
  defineQuery<Array<CheckInOutcome & { province: string; sector: string; method: string }>>(
    'listCheckIns',
  );
/** From the parent: new schedule, cancellation, check-in opened early, or the day closed. */
export const attendanceEventChanged =
  defineSignal<
    [{ event: EventBrief; cancelled?: boolean; closed?: boolean; checkInOpen?: boolean }]
  >('attendanceEventChanged');

/** A survey answer from an attendee's signed link (thank-you message after the day). */
export interface SurveyResponse {
  associationId: string;
  /** 1 (poor) to 5 (excellent). */
  rating: number;
  comments?: string;
}
export interface SurveyResults {
  responses: number;
  averageRating: number | null;
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  comments: Array<{ associationId: string; comments: string; rating: number }>;
}
export const submitSurveyResponse = defineUpdate<SurveyResults, [SurveyResponse]>(
  'submitSurveyResponse',
);
export const getSurveyResults = defineQuery<SurveyResults>('getSurveyResults');
