import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AttendanceFigures, CheckIn, CheckInOutcome } from '../attendance';
import type { EventBrief } from '../event-brief';

export interface AttendanceInput {
  event: EventBrief;
  shardCount: number;
}

export const checkIn = defineUpdate<CheckInOutcome, [CheckIn]>('checkIn');
export const getAttendance = defineQuery<AttendanceFigures>('getAttendance');
export const listCheckIns =
  defineQuery<Array<CheckInOutcome & { province: string; sector: string; method: string }>>(
    'listCheckIns',
  );
export const attendanceEventChanged =
  defineSignal<[{ event: EventBrief; cancelled?: boolean; closed?: boolean }]>(
    'attendanceEventChanged',
  );

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
