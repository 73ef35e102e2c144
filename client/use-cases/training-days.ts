import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { getTrainingDayStatus, type TrainingDayStatus } from '../../domain/messages/training-day';
import {
  MultaqaEventIdKey,
  TrainingDayDateKey,
  TrainingDayOrganiserKey,
  TrainingDayPhaseKey,
} from '../../domain/search-attributes';
import { workflowIds } from '../../domain/workflow-ids';
import { pickText } from '../../domain/common';
import type { TrainingDayPlan } from '../../domain/training-day';
import { MultaqaError, ErrorCodes } from '../../domain/errors';
import { planTrainingDay, refuseLapsedDeadline, type PlanOptions } from '../training-day-plan';
// Type only: the client starts the workflow by name, so it never loads workflow code.
import type { trainingDayWorkflow } from '../../workflows';
import type { Connections } from '../connections';
import { EventIdRegistry } from '../../stores/event-id-registry';
import { TrainingDayReadModel } from '../../stores/read-model';
import { withWorkflowErrors } from '../workflow-errors';

/**
 * Starts the workflow of a training day described by an event file's content (see
 * `startTrainingDay`).
 */
export async function createTrainingDay(
  connections: Connections,
  input: unknown,
  options: PlanOptions = {},
): Promise<{ eventId: string; workflowId: string; plan: TrainingDayPlan }> {
  return startTrainingDay(connections, planTrainingDay(input, options));
}

/**
 * Starts the workflow of an already validated plan (`planTrainingDay`; callers may check the
 * input before they connect). A day still to come whose RSVP deadline has passed is refused
 * (`rsvpDeadline`). An event id is used once, ever: an id of a day that runs, ran or was
 * cancelled is refused (`InvalidInput` on `id`), checked in our own registry (which outlives
 * Temporal's retention), in the read model (days from before the registry) and by Temporal
 * (`REJECT_DUPLICATE`). The day carries the generation of its claim, which binds its links and
 * its send ledger to it.
 */
export async function startTrainingDay(
  connections: Connections,
  planned: TrainingDayPlan,
): Promise<{ eventId: string; workflowId: string; plan: TrainingDayPlan }> {
  refuseLapsedDeadline(planned, Date.now());
  const { redis, config } = connections;
  // A day from before the registry that Temporal has forgotten is still in the read model.
  if (await new TrainingDayReadModel(redis, config.REDIS_PREFIX).get(planned.eventId))
    throw idAlreadyUsed(planned.eventId);
  const registry = new EventIdRegistry(redis, config.REDIS_PREFIX);
  const outcome = await registry.claim(planned.eventId);
  if (!outcome.claimed) throw idAlreadyUsed(planned.eventId, outcome.existing.claimedAt);
  const plan: TrainingDayPlan = { ...planned, generation: outcome.claim.generation };
  const workflowId = workflowIds.trainingDay(plan.eventId);
  try {
    await connections.temporal.workflow.start<typeof trainingDayWorkflow>('trainingDayWorkflow', {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      args: [plan],
      typedSearchAttributes: [
        { key: TrainingDayPhaseKey, value: 'draft' },
        { key: TrainingDayDateKey, value: new Date(plan.schedule.startsAt) },
        { key: TrainingDayOrganiserKey, value: pickText(plan.definition.organiser.name, 'fr') },
        { key: MultaqaEventIdKey, value: plan.eventId },
      ],
    });
  } catch (error) {
    // A day older than the registry holds the id in Temporal: the claim stays, the id is used.
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw idAlreadyUsed(plan.eventId);
    // Nothing was started: give the id back so the coordinator can simply try again.
    await registry.release(outcome.claim);
    throw error;
  }
  return { eventId: plan.eventId, workflowId, plan };
}

function idAlreadyUsed(eventId: string, claimedAt?: string): MultaqaError {
  const since = claimedAt ? ` (created ${claimedAt})` : '';
  return new MultaqaError(
    ErrorCodes.invalidInput,
    `the id "${eventId}" was already used by a training day${since}; ids are never reused, even after a cancellation: choose another id`,
    'id',
  );
}

/** The live status of a training day, queried from its workflow. */
export async function readTrainingDayStatus(
  { temporal: client }: Pick<Connections, 'temporal'>,
  eventId: string,
): Promise<TrainingDayStatus> {
  return withWorkflowErrors(`training day "${eventId}"`, () =>
    client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus),
  );
}

/** A status and where it was read from. */
export interface StatusReading {
  status: TrainingDayStatus;
  source: 'read-model' | 'workflow';
  /** When the read model stored it (read-model readings only). */
  publishedAt?: string;
}

/**
 * A training day's status from the read model in Redis (fast, no load on Temporal), or
 * from the workflow itself when nothing was projected yet or `live` is asked for.
 */
export async function readStatus(
  connections: Connections,
  eventId: string,
  options: { live?: boolean } = {},
): Promise<StatusReading> {
  if (!options.live) {
    const readModel = new TrainingDayReadModel(connections.redis, connections.config.REDIS_PREFIX);
    const projection = await readModel.get(eventId);
    if (projection)
      return {
        status: projection.status,
        source: 'read-model',
        publishedAt: projection.publishedAt,
      };
  }
  return {
    status: await readTrainingDayStatus(connections, eventId),
    source: 'workflow',
  };
}
