import { SlugSchema } from '../../domain/common';
import { findAgendaProblems, type AgendaItem, type AgendaProblem } from '../../domain/agenda';
import { AgendaEditProblem, AgendaEditSchema, applyAgendaEdit } from '../../domain/agenda-edits';
import { changeAgenda, type TrainingDayStatus } from '../../domain/messages/training-day';
import { instantToLocal, localToInstant } from '../../domain/schedule';
import type { SpeakerStatus } from '../../domain/speaker';
import { workflowIds } from '../../domain/workflow-ids';
import type { Connections } from '../connections';
import { readStatus } from './training-days';
import { parseOrThrow, ValidationError } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

/** One agenda item with who speaks in its slot now (a replacement, once one is invited). */
export interface AgendaLineView extends AgendaItem {
  speakerName?: string;
  speakerStatus?: SpeakerStatus;
}

/** A training day's agenda as a coordinator edits it, in the day's wall-clock time. */
export interface AgendaView {
  eventId: string;
  timeZone: string;
  date: string;
  start: string;
  end: string;
  /** What an edit names as `basedOnRevision` to be refused if another edit came first. */
  agendaRevision: number;
  items: AgendaLineView[];
}

function viewOf(status: TrainingDayStatus): AgendaView {
  const start = instantToLocal(status.startsAt, status.timeZone);
  const slots = new Map(status.speakers.map((slot) => [slot.agendaItemId, slot]));
  return {
    eventId: status.eventId,
    timeZone: status.timeZone,
    date: start.date,
    start: start.time,
    end: instantToLocal(status.endsAt, status.timeZone).time,
    agendaRevision: status.agendaRevision ?? 0,
    items: status.agenda.map((item) => {
      const slot = item.speakerId ? slots.get(item.id) : undefined;
      return slot
        ? {
            ...item,
            speakerId: slot.speakerId,
            speakerName: slot.speakerName,
            speakerStatus: slot.status,
          }
        : item;
    }),
  };
}

/** Problems of an agenda as fields of the request that made it. */
export function agendaProblemsError(
  agenda: readonly AgendaItem[],
  problems: AgendaProblem[],
  root = 'agenda',
): ValidationError {
  return new ValidationError(
    problems.map((problem) => {
      const item = agenda[Number(problem.path[0])];
      return {
        field: [root, ...problem.path.map(String)].join('.'),
        message: item ? `"${item.id}" ${problem.message}` : problem.message,
      };
    }),
  );
}

/** The agenda of a training day as its workflow holds it now, with each slot's speaker. */
export async function showAgenda(connections: Connections, eventId: string): Promise<AgendaView> {
  parseOrThrow(SlugSchema, eventId, 'eventId');
  const { status } = await readStatus(connections, eventId, { live: true });
  return viewOf(status);
}

/**
 * Applies one edit (replace, move, edit, add, remove) to a training day's agenda, checked as
 * the event file is: every item inside the day's hours, in order, without overlaps, a speaker
 * on every talk. The workflow checks the speakers and the slots, and tells speakers and
 * registered associations of the new programme after a quiet period.
 */
export async function editAgenda(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<AgendaView> {
  parseOrThrow(SlugSchema, eventId, 'eventId');
  const edit = parseOrThrow(AgendaEditSchema, input);
  const { status } = await readStatus(connections, eventId, { live: true });
  const current = viewOf(status);
  let agenda: AgendaItem[];
  try {
    // The status's agenda names the file's speaker of each slot: a replacement is the slot's.
    agenda = applyAgendaEdit(status.agenda, edit);
  } catch (error) {
    if (error instanceof AgendaEditProblem)
      throw new ValidationError([{ field: error.field, message: error.message }]);
    throw error;
  }
  const problems = findAgendaProblems(agenda, current);
  if (problems.length > 0) throw agendaProblemsError(agenda, problems);
  const schedule = Object.fromEntries(
    agenda.map((item) => [
      item.id,
      {
        startsAt: localToInstant(current.date, item.start, current.timeZone),
        endsAt: localToInstant(current.date, item.end, current.timeZone),
      },
    ]),
  );
  await withWorkflowErrors(`training day "${eventId}"`, () =>
    connections.temporal.workflow
      .getHandle(workflowIds.trainingDay(eventId))
      .executeUpdate(changeAgenda, {
        args: [{ agenda, schedule, basedOnRevision: edit.basedOnRevision }],
      }),
  );
  return showAgenda(connections, eventId);
}
