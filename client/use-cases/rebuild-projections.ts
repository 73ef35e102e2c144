import type { WorkflowExecutionInfo } from '@temporalio/client';
import { storeTrainingDayProjection } from '../../stores/read-model';
import { MultaqaEventIdKey } from '../../domain/search-attributes';
import type { Connections } from '../connections';
import { readTrainingDayStatus } from './training-days';

/** What a rebuild did, per training day. */
export interface RebuildReport {
  rebuilt: string[];
  failed: Array<{ eventId: string; error: string }>;
}

/** The visibility query for the training days this deployment's worker runs. */
export function trainingDayListQuery(taskQueue: string): string {
  return `WorkflowType = "trainingDayWorkflow" AND TaskQueue = "${taskQueue.replace(/"/g, '')}"`;
}

function eventIdOf(execution: WorkflowExecutionInfo): string {
  const fromAttribute = execution.typedSearchAttributes.get(MultaqaEventIdKey);
  return fromAttribute ?? execution.workflowId.replace(/^training-day\//, '');
}

/**
 * Restores the read model from the workflows when Redis has lost it: lists the training-day
 * workflows of the configured task queue (running and closed), queries each one's status and
 * stores it unconditionally. A few queries at a time, so Temporal is not flooded.
 */
export async function rebuildProjections(
  connections: Connections,
  options: { concurrency?: number; onProgress?: (eventId: string) => void } = {},
): Promise<RebuildReport> {
  const report: RebuildReport = { rebuilt: [], failed: [] };
  const pending = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? 8;
  const rebuild = async (eventId: string) => {
    try {
      const status = await readTrainingDayStatus(connections, eventId);
      await storeTrainingDayProjection(connections.redis, connections.config.REDIS_PREFIX, status, {
        version: 0,
        force: true,
      });
      report.rebuilt.push(eventId);
      options.onProgress?.(eventId);
    } catch (error) {
      report.failed.push({
        eventId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const executions = connections.temporal.workflow.list({
    query: trainingDayListQuery(connections.config.TEMPORAL_TASK_QUEUE),
  });
  for await (const execution of executions) {
    const task = rebuild(eventIdOf(execution)).finally(() => pending.delete(task));
    pending.add(task);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  await Promise.all(pending);
  report.rebuilt.sort();
  return report;
}
