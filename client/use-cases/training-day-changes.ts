import { z } from 'zod';
import { AgendaSchema, findAgendaProblems } from '../../domain/agenda';
import { moveAgendaWithDay } from '../../domain/agenda-edits';
import { LocalDateSchema, LocalTimeSchema, SingleLineTextSchema } from '../../domain/common';
import { AdvanceRequestSchema, CancelRequestSchema } from '../../domain/lifecycle-commands';
import { RecommendationSchema, type Recommendation } from '../../domain/follow-up';
import {
  addRecommendation,
  advancePhase,
  cancelTrainingDay,
  rescheduleTrainingDay,
  type RescheduleCommand,
} from '../../domain/messages/training-day';
import { instantToLocal, resolveSchedule } from '../../domain/schedule';
import type { TrainingDayPhase } from '../../domain/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import { agendaProblemsError } from './agenda-changes';
import type { Connections } from '../connections';
import { readStatus } from './training-days';
import { parseOrThrow, ValidationError } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

/** A coordinator's request to move a training day: new date and hours, wall clock. */
export const RescheduleRequestSchema = z
  .object({
    date: LocalDateSchema,
    start: LocalTimeSchema,
    end: LocalTimeSchema,
    rsvpDeadline: LocalDateSchema.optional(),
    reason: SingleLineTextSchema.optional(),
    /** The agenda in the new hours; by default the agenda moves with the day. */
    agenda: AgendaSchema.optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.end <= request.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    if (request.rsvpDeadline && request.rsvpDeadline > request.date)
      ctx.addIssue({
        code: 'custom',
        path: ['rsvpDeadline'],
        message: 'must not be after the day itself',
      });
  });

export { AdvanceRequestSchema, CancelRequestSchema };

function trainingDay(connections: Connections, eventId: string) {
  return connections.temporal.workflow.getHandle(workflowIds.trainingDay(eventId));
}

/**
 * Moves a training day. The instants are resolved here, in the event's time zone. The agenda
 * moves with the day (each item keeps its offset from the start) unless a new one is given;
 * either way it must fit the new hours.
 */
export async function rescheduleDay(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<{ revision: number; command: RescheduleCommand }> {
  const { agenda: newAgenda, ...request } = parseOrThrow(RescheduleRequestSchema, input);
  const { status } = await readStatus(connections, eventId, { live: true });
  let agenda = newAgenda;
  if (agenda) {
    const problems = findAgendaProblems(agenda, request);
    if (problems.length > 0) throw agendaProblemsError(agenda, problems);
  } else {
    const from = { start: instantToLocal(status.startsAt, status.timeZone).time };
    const moved = moveAgendaWithDay(status.agenda, from, request);
    if (moved.problems.length > 0)
      throw new ValidationError(
        moved.problems.map((problem) => ({
          field: 'agenda',
          message: `moved with the day, "${moved.agenda[Number(problem.path[0])]?.id}" ${problem.message}: give the agenda for the new hours`,
        })),
      );
    agenda = moved.agenda;
  }
  const schedule = resolveSchedule({ ...request, timeZone: status.timeZone, agenda });
  const command: RescheduleCommand = {
    ...request,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    rsvpDeadlineAt: schedule.rsvpDeadlineAt,
    agenda: schedule.agenda,
    agendaItems: agenda,
  };
  const result = await withWorkflowErrors(`training day "${eventId}"`, () =>
    trainingDay(connections, eventId).executeUpdate(rescheduleTrainingDay, { args: [command] }),
  );
  return { revision: result.revision, command };
}

/** Cancels a training day; everyone involved is told by the workflow. */
export async function cancelDay(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<{ phase: TrainingDayPhase }> {
  const request = parseOrThrow(CancelRequestSchema, input);
  const phase = await withWorkflowErrors(`training day "${eventId}"`, () =>
    trainingDay(connections, eventId).executeUpdate(cancelTrainingDay, { args: [request] }),
  );
  return { phase };
}

/** Moves a training day on to a later phase without waiting for the current one to finish. */
export async function advanceDay(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<{ phase: TrainingDayPhase }> {
  const request = parseOrThrow(AdvanceRequestSchema, input);
  const phase = await withWorkflowErrors(`training day "${eventId}"`, () =>
    trainingDay(connections, eventId).executeUpdate(advancePhase, { args: [request] }),
  );
  return { phase };
}

/** Adds a recommendation to a training day; it becomes a tracked follow-up. */
export async function recommend(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<Recommendation> {
  const recommendation = parseOrThrow(RecommendationSchema, input);
  return withWorkflowErrors(`training day "${eventId}"`, () =>
    trainingDay(connections, eventId).executeUpdate(addRecommendation, {
      args: [recommendation],
    }),
  );
}
