import type { NativeConnection } from '@temporalio/worker';
import { Worker, type WorkerOptions, type WorkerPlugin } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';

export interface MultaqaWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dependencies: ActivityDependencies;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles `workflows/`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** E.g. OpenTelemetry tracing (observability/tracing.ts); its workflow modules are bundled. */
  plugins?: WorkerPlugin[];
}

/**
 * The multaqa worker: every workflow and activity on one task queue, with its cache and
 * concurrency bounded by the configuration (WORKER_MAX_*), which bounds its memory.
 */
export async function createMultaqaWorker(options: MultaqaWorkerOptions): Promise<Worker> {
  const { config } = options.dependencies;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    // Without a grace time, shutdown() cancels running batches at once and another worker
    // retries them; with it, a stopping worker finishes what it started.
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    activities: createActivities(options.dependencies),
    ...(options.plugins?.length ? { plugins: options.plugins } : {}),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
  });
}
