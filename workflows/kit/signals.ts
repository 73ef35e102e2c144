import { getExternalWorkflowHandle, log, type SignalDefinition } from '@temporalio/workflow';

/**
 * Signals another workflow by id. One that has already closed (a parent that was cancelled,
 * a child whose day is over, a visit that ended) is not an error: returns false and logs.
 */
export async function signalQuietly<Args extends unknown[]>(
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
    return true;
  } catch (error) {
    log.info('signal not delivered', {
      workflowId,
      signal: signal.name,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
