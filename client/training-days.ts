import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { getTrainingDayStatus, type TrainingDayStatus } from '../domain/messages/training-day';
import {
  MultaqaEventIdKey,
  TrainingDayDateKey,
  TrainingDayOrganiserKey,
  TrainingDayPhaseKey,
} from '../domain/search-attributes';
import { workflowIds } from '../domain/workflow-ids';
import { pickText } from '../domain/common';
import type { TrainingDayPhase, TrainingDayPlan } from '../domain/training-day';
import { MultaqaError, ErrorCodes } from '../domain/errors';
import { planTrainingDay, refuseLapsedDeadline, type PlanOptions } from './training-day-plan';
import { trainingDayWorkflow } from '../workflows';
import type { Connections } from './connections';
import {
  TrainingDayReadModel,
  type TrainingDaySummary,
} from './read-model/training-day-read-model';
import { withWorkflowErrors } from './workflow-errors';

/**
 * Starts the workflow of a training day described by an event file's content. Starting the
 * same event twice is refused: the id is fixed by the event.
 */
export async function createTrainingDay(
  client: Client,
  taskQueue: string,
  input: unknown,
  options: PlanOptions = {},
): Promise<{ eventId: string; workflowId: string; plan: TrainingDayPlan }> {
  const plan = planTrainingDay(input, options);
  refuseLapsedDeadline(plan, Date.now());
  const workflowId = workflowIds.trainingDay(plan.eventId);
  try {
    await client.workflow.start(trainingDayWorkflow, {
      taskQueue,
      workflowId,
      args: [plan],
      typedSearchAttributes: [
        { key: TrainingDayPhaseKey, value: 'draft' },
        { key: TrainingDayDateKey, value: new Date(plan.schedule.startsAt) },
        { key: TrainingDayOrganiserKey, value: pickText(plan.definition.organiser.name, 'fr') },
        { key: MultaqaEventIdKey, value: plan.eventId },
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new MultaqaError(
        ErrorCodes.invalidInput,
        `a training day with id "${plan.eventId}" already exists`,
        'id',
      );
    }
    throw error;
  }
  return { eventId: plan.eventId, workflowId, plan };
}

/** The live status of a training day, queried from its workflow. */
export async function readTrainingDayStatus(
  client: Client,
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
    status: await readTrainingDayStatus(connections.temporal, eventId),
    source: 'workflow',
  };
}

/** Training days known to the read model, by date, optionally of one phase. */
export async function listTrainingDays(
  connections: Connections,
  options: { phase?: TrainingDayPhase } = {},
): Promise<TrainingDaySummary[]> {
  return new TrainingDayReadModel(connections.redis, connections.config.REDIS_PREFIX).list(options);
}
