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
import type { TrainingDayPlan } from '../domain/training-day';
import { MultaqaError, ErrorCodes } from '../domain/errors';
import { planTrainingDay } from './training-day-plan';
import { trainingDayWorkflow } from '../workflows';

/**
 * Starts the workflow of a training day described by an event file's content. Starting the
 * same event twice is refused: the id is fixed by the event.
 */
export async function createTrainingDay(
  client: Client,
  taskQueue: string,
  input: unknown,
  options: { previousEventId?: string } = {},
): Promise<{ eventId: string; workflowId: string; plan: TrainingDayPlan }> {
  const plan = planTrainingDay(input, options);
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
  return client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus);
}
