import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import { CheckInCommandSchema, type CheckIn } from '../domain/attendance';
import { ErrorCodes } from '../domain/errors';
import { SurveyResponseCommandSchema } from '../domain/lifecycle-commands';
import type { EventBrief } from '../domain/event-brief';
import {
  attendanceEventChanged,
  checkIn,
  getAttendance,
  getSurveyResults,
  listCheckIns,
  submitSurveyResponse,
  type AttendanceInput,
  type AttendanceRecord,
  type AttendanceState,
  type SurveyResponse,
} from '../domain/messages/attendance';
import { attendanceReport } from '../domain/messages/training-day';
import { workflowIds } from '../domain/workflow-ids';
import { ATTENDANCE_LIMITS } from '../domain/workflow-tuning';
import {
  Alarm,
  directory,
  earliest,
  HOUR_MS,
  isoNow,
  mailBatch,
  MINUTE_MS,
  now,
  refuse,
  refuseInput,
  ReportThrottle,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  type ResolvedTuning,
  parseCommand,
} from './kit';
import { attendanceFiguresOf, checkInOutcomeOf, surveyResultsOf } from './attendance-state';

const { maxUpdatesPerRun: MAX_UPDATES_PER_RUN, thankYouBatch: THANK_YOU_BATCH } = ATTENDANCE_LIMITS;

function validateCheckIn(
  entry: CheckIn,
  state: AttendanceState,
  event: EventBrief,
  tuning: ResolvedTuning,
): void {
  const { attendees, method, seatsHeld } = parseCommand(CheckInCommandSchema, entry);
  // The booking is read by the client; a link may never let in more than it holds.
  if (method === 'token' && seatsHeld !== undefined && attendees > seatsHeld)
    refuseInput(`at most ${seatsHeld}: the seats booked`, 'attendees');
  if (state.cancelled) refuse(ErrorCodes.wrongPhase, 'the training day was cancelled');
  const opensAt = Date.parse(event.startsAt) - tuning.checkInOpensMinutesBefore * MINUTE_MS;
  if (!state.checkInOpen && now() < opensAt)
    refuse(ErrorCodes.wrongPhase, `check-in opens at ${new Date(opensAt).toISOString()}`);
  // At the door until the day closes; a coordinator may still enter the sign-in sheets later.
  if (isClosed(state, event) && entry.method !== 'coordinator')
    refuse(ErrorCodes.deadlinePassed, 'the training day is over: check-in is closed');
}

function isClosed(state: AttendanceState, event: EventBrief): boolean {
  return state.closed || now() >= Date.parse(event.endsAt);
}

function validateSurveyResponse(
  response: SurveyResponse,
  state: AttendanceState,
  event: EventBrief,
  surveyEndsAt: number | undefined,
): void {
  parseCommand(SurveyResponseCommandSchema, response);
  if (state.cancelled) refuse(ErrorCodes.wrongPhase, 'the training day was cancelled');
  if (!isClosed(state, event)) refuse(ErrorCodes.wrongPhase, 'the survey opens after the day');
  if (surveyEndsAt !== undefined && now() > surveyEndsAt)
    refuse(ErrorCodes.deadlinePassed, 'the survey is closed');
  if (!state.records.some((record) => record.associationId === response.associationId))
    refuse(
      ErrorCodes.notFound,
      `association "${response.associationId}" did not attend this training day`,
      'associationId',
    );
  if (state.survey.some((answer) => answer.associationId === response.associationId))
    refuse(ErrorCodes.alreadyAnswered, 'this association already answered the survey');
}

/**
 * The door of a training day: check-ins by signed token, by a coordinator, or of walk-ins,
 * each association counted once; figures by province and sector. After the day, thanks the
 * attendees with a survey link and takes their answers for the survey window, then ends.
 */
export async function attendanceWorkflow(input: AttendanceInput): Promise<void> {
  const tuning = resolveTuning(input.tuning);
  const parentId = workflowIds.trainingDay(input.event.eventId);
  let event: EventBrief = input.event;
  const state: AttendanceState = input.state ?? {
    records: [],
    survey: [],
    thanked: [],
    checkInOpen: false,
    closed: false,
    cancelled: false,
  };
  const byId = new Map(state.records.map((record) => [record.associationId, record]));
  const thanked = new Set(state.thanked);
  const arriving = new Set<string>();
  const reports = new ReportThrottle(tuning.reportIntervalMs);
  // Every run reports once: the parent hears of the state it starts from.
  reports.markChanged();
  let updatesHandled = 0;
  let poked = false;
  const alarm = new Alarm();
  const surveyEndsAt = () =>
    state.closedAt ? Date.parse(state.closedAt) + tuning.surveyWindowHours * HOUR_MS : undefined;

  setHandler(getAttendance, () => attendanceFiguresOf(state.records));
  setHandler(listCheckIns, () =>
    state.records.map((record) => ({
      ...checkInOutcomeOf(record, true),
      province: record.province,
      sector: record.sector,
      method: record.method,
    })),
  );
  setHandler(getSurveyResults, () => surveyResultsOf(state.survey));
  setHandler(attendanceEventChanged, (change) => {
    event = change.event;
    if (change.cancelled) state.cancelled = true;
    if (change.checkInOpen) state.checkInOpen = true;
    if (change.closed) state.closed = true;
    poked = true;
  });
  setHandler(
    checkIn,
    async (entry) => {
      updatesHandled += 1;
      const { associationId } = entry;
      // Re-checked after each wake: another check-in of the same association may win the race.
      while (arriving.has(associationId)) await condition(() => !arriving.has(associationId));
      const existing = byId.get(associationId);
      if (existing) return checkInOutcomeOf(existing, false);
      arriving.add(associationId);
      try {
        const association = await directory.getAssociation(associationId);
        const walkIn = entry.method === 'walk-in' ? entry.walkIn : undefined;
        if (!association && !walkIn)
          refuse(
            ErrorCodes.notFound,
            `association "${associationId}" is not in the directory; check it in as a walk-in`,
            'associationId',
          );
        const record: AttendanceRecord = {
          associationId,
          name: walkIn?.name ?? association!.name,
          province: walkIn?.province ?? association!.province,
          sector: walkIn?.sector ?? association!.sector,
          method: entry.method,
          attendees: entry.attendees ?? 1,
          checkedInAt: isoNow(),
          walkIn: entry.method === 'walk-in',
          email: association?.email,
          language: association?.preferredLanguage,
          // Only when given: records of check-ins that carry neither stay as they always were.
          ...(entry.seatsHeld === undefined ? {} : { seatsHeld: entry.seatsHeld }),
          ...(entry.checkedInBy ? { checkedInBy: entry.checkedInBy } : {}),
        };
        state.records.push(record);
        byId.set(associationId, record);
        reports.markChanged();
        poked = true;
        return checkInOutcomeOf(record, true);
      } finally {
        arriving.delete(associationId);
      }
    },
    { validator: (entry) => validateCheckIn(entry, state, event, tuning) },
  );
  setHandler(
    submitSurveyResponse,
    (response) => {
      updatesHandled += 1;
      state.survey.push({
        associationId: response.associationId,
        rating: response.rating,
        comments: response.comments?.trim() || undefined,
        at: isoNow(),
      });
      return surveyResultsOf(state.survey);
    },
    { validator: (response) => validateSurveyResponse(response, state, event, surveyEndsAt()) },
  );

  const report = async () => {
    const version = reports.begin();
    await signalQuietly(parentId, attendanceReport, attendanceFiguresOf(state.records));
    reports.reported(version, now());
  };

  for (;;) {
    if (state.cancelled) {
      await condition(allHandlersFinished);
      return;
    }
    // First thing on waking, so that a busy door still hands over at its first quiet moment.
    const handOver = runIsLarge(tuning) || updatesHandled >= MAX_UPDATES_PER_RUN;
    if (handOver && allHandlersFinished())
      return continueAsNew<typeof attendanceWorkflow>({ ...input, event, state });
    if (!state.closed && now() >= Date.parse(event.endsAt)) state.closed = true;
    if (state.closed) {
      state.closedAt ??= isoNow();
      const toThank = state.records.filter(
        (record) => record.email && record.language && !thanked.has(record.associationId),
      );
      for (let start = 0; start < toThank.length; start += THANK_YOU_BATCH) {
        const batch = toThank.slice(start, start + THANK_YOU_BATCH);
        await mailBatch.sendMessageBatch({
          purpose: 'thank-you-survey',
          event,
          revision: 0,
          recipients: batch.map((record) => ({
            id: record.associationId,
            kind: 'association',
            name: record.name,
            email: record.email!,
            language: record.language!,
          })),
        });
        for (const record of batch) thanked.add(record.associationId);
        state.thanked = [...thanked];
      }
    }
    if (reports.isDue(now())) await report();
    const surveyEnd = surveyEndsAt();
    if (surveyEnd !== undefined && now() >= surveyEnd) {
      await condition(allHandlersFinished);
      if (reports.pending) await report();
      return;
    }
    await alarm.wait(
      () => poked || (handOver && allHandlersFinished()),
      earliest(reports.dueAt(), state.closed ? surveyEnd : Date.parse(event.endsAt)),
    );
    poked = false;
  }
}
