import type { AttendanceFigures, CheckInOutcome } from '../domain/attendance';
import type {
  AttendanceRecord,
  AttendanceState,
  SurveyResults,
} from '../domain/messages/attendance';

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Attendance figures: associations checked in (walk-ins included), people, by province and sector. */
export function attendanceFiguresOf(records: readonly AttendanceRecord[]): AttendanceFigures {
  const figures: AttendanceFigures = {
    checkedIn: 0,
    attendees: 0,
    walkIns: 0,
    byProvince: {},
    bySector: {},
  };
  for (const record of records) {
    figures.checkedIn += 1;
    figures.attendees += record.attendees;
    if (record.walkIn) figures.walkIns += 1;
    bump(figures.byProvince, record.province);
    bump(figures.bySector, record.sector);
  }
  return figures;
}

export function checkInOutcomeOf(record: AttendanceRecord, counted: boolean): CheckInOutcome {
  return {
    associationId: record.associationId,
    counted,
    checkedInAt: record.checkedInAt,
    attendees: record.attendees,
    ...(record.seatsHeld === undefined ? {} : { seatsHeld: record.seatsHeld }),
    ...(record.checkedInBy ? { checkedInBy: record.checkedInBy } : {}),
  };
}

export function surveyResultsOf(survey: AttendanceState['survey']): SurveyResults {
  const ratings: SurveyResults['ratings'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  const comments: SurveyResults['comments'] = [];
  for (const response of survey) {
    const key = String(response.rating) as keyof SurveyResults['ratings'];
    ratings[key] += 1;
    total += response.rating;
    if (response.comments)
      comments.push({
        associationId: response.associationId,
        comments: response.comments,
        rating: response.rating,
      });
  }
  return {
    responses: survey.length,
    averageRating: survey.length === 0 ? null : Math.round((total / survey.length) * 100) / 100,
    ratings,
    comments,
  };
}
