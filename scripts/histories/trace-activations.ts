import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/**
 * Workflow interceptors for `scripts/trace-replay.ts`: each activation's jobs, time and history
 * length, and the commands it gave, told to the `trace` sink (called during replay too).
 */
export interface TraceSinks extends Sinks {
  trace: { line(text: string): void };
}

const { trace } = proxySinks<TraceSinks>();

type Variant = Record<string, unknown>;

/** The one field set on a protobuf oneof-like object, with its value. */
function variantOf(message: object): [string, Variant] {
  for (const [key, value] of Object.entries(message))
    if (
      value !== null &&
      value !== undefined &&
      typeof value === 'object' &&
      key !== 'userMetadata'
    )
      return [key, value as Variant];
  return ['?', {}];
}

const shortId = (value: unknown) => String(value).slice(0, 8);

function jobText(job: object): string {
  const [kind, job_] = variantOf(job);
  switch (kind) {
    case 'doUpdate':
      return `doUpdate ${shortId(job_.protocolInstanceId)}`;
    case 'signalWorkflow':
      return `signal ${String(job_.signalName)}`;
    case 'resolveActivity':
    case 'fireTimer':
    case 'resolveSignalExternalWorkflow':
      return `${kind} ${String(job_.seq)}`;
    default:
      return kind;
  }
}

function commandText(command: object): string {
  const [kind, command_] = variantOf(command);
  switch (kind) {
    case 'updateResponse':
      return `update ${shortId(command_.protocolInstanceId)} ${
        command_.accepted ? 'accepted' : command_.completed ? 'completed' : 'rejected'
      }`;
    case 'startTimer': {
      const timeout = command_.startToFireTimeout as { seconds?: unknown; nanos?: number };
      return `timer ${String(command_.seq)} ${String(timeout?.seconds)}s+${Math.round((timeout?.nanos ?? 0) / 1e6)}ms`;
    }
    case 'scheduleActivity':
      return `activity ${String(command_.seq)} ${String(command_.activityType)}`;
    case 'signalExternalWorkflowExecution':
      return `signal ${String(command_.seq)} ${String(command_.signalName)}`;
    default:
      return kind;
  }
}

function timeOf(timestamp: { seconds?: unknown; nanos?: number | null } | null | undefined) {
  if (!timestamp) return '?';
  const ms = Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  internals: [
    {
      activate(input, next) {
        const { activation } = input;
        trace.line(
          `activation history=${String(activation.historyLength)} at ${timeOf(activation.timestamp)}` +
            ` replaying=${String(activation.isReplaying)} jobs: ${(activation.jobs ?? []).map(jobText).join(', ')}`,
        );
        return next(input);
      },
      concludeActivation(input, next) {
        const output = next(input);
        trace.line(`  commands: ${output.commands.map(commandText).join(' | ')}`);
        return output;
      },
    },
  ],
});
