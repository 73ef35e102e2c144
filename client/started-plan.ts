import { defaultPayloadConverter } from '@temporalio/common';
import { ErrorCodes, MultaqaError } from '../domain/errors';
import { TrainingDayPlanSchema, type TrainingDayPlan } from '../domain/training-day';
import { workflowIds } from '../domain/workflow-ids';
import type { Connections } from './connections';
import { withWorkflowErrors } from './workflow-errors';

/**
 * The plan a training day's current run was started with (or continued as new with): its
 * first history event, read alone, so a long history is not fetched. The plan holds what the
 * status does not (organiser, venue, partners' and speakers' contacts, seats per association);
 * times may since have moved: take those from the status.
 */
export async function readStartedPlan(
  connections: Connections,
  eventId: string,
): Promise<TrainingDayPlan> {
  const { temporal } = connections;
  const response = await withWorkflowErrors(`training day "${eventId}"`, async () => {
    const execution = await temporal.workflow
      .getHandle(workflowIds.trainingDay(eventId))
      .describe();
    return temporal.workflowService.getWorkflowExecutionHistory({
      namespace: temporal.options.namespace,
      execution: { workflowId: execution.workflowId, runId: execution.runId },
      maximumPageSize: 1,
    });
  });
  const payload =
    response.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload)
    throw new MultaqaError(ErrorCodes.notFound, `training day "${eventId}" has no plan`);
  return TrainingDayPlanSchema.parse(defaultPayloadConverter.fromPayload(payload));
}

/** Plans by event id, kept for a while: public pages need the seats per association often. */
export class StartedPlanCache {
  private readonly entries = new Map<string, { plan: TrainingDayPlan; until: number }>();

  constructor(
    private readonly connections: Connections,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
  ) {}

  async get(eventId: string): Promise<TrainingDayPlan> {
    const cached = this.entries.get(eventId);
    if (cached && cached.until > Date.now()) return cached.plan;
    const plan = await readStartedPlan(this.connections, eventId);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(eventId, { plan, until: Date.now() + this.ttlMs });
    return plan;
  }
}
