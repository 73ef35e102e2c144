import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from '../client/logging';

const PINO_LEVEL = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const;

/**
 * The Temporal SDK's logger interface on top of pino, for `Runtime.install({ logger })`: the
 * SDK's own lines and those of workflows and activities (which carry workflowId, runId,
 * activityType, …) go to the process's logger, at the level LOG_LEVEL allows.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const { error, ...fields } = (meta ?? {}) as Record<string, unknown>;
    logger[PINO_LEVEL[level]](
      { ...fields, ...(error === undefined ? {} : { err: error }) },
      message,
    );
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
