import { CommanderError } from 'commander';
import { ConfigError } from '../../domain/config';
import { MultaqaError } from '../../domain/errors';
import { ValidationError } from '../validation';

/** Exit codes of the CLI: a stable contract for scripts. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;

/** Maps an error to its message and exit code: 2 for bad input (naming the field), 1 otherwise. */
export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof ValidationError)
    return { message: `invalid input:\n${error.message}`, code: ExitCode.badInput };
  if (error instanceof ConfigError) return { message: error.message, code: ExitCode.badInput };
  if (error instanceof MultaqaError) {
    return {
      message: error.field ? `${error.field}: ${error.message}` : error.message,
      code: error.code === 'InvalidInput' ? ExitCode.badInput : ExitCode.failure,
    };
  }
  if (error instanceof CommanderError)
    return { message: '', code: error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput };
  return {
    message: error instanceof Error ? error.message : String(error),
    code: ExitCode.failure,
  };
}
