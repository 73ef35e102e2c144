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
