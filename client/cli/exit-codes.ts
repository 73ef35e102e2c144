import { CommanderError } from 'commander';
import { ConfigError } from '../../domain/config';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import { ValidationError } from '../validation';

import { ExitCode } from './exit-code';

export { ExitCode } from './exit-code';

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

/** A failure as printed under `--json`: the same stable codes and fields as the HTTP API's errors. */
export interface FailureJson {
  error: string;
  message: string;
  problems?: Array<{ field: string; message: string }>;
  exitCode: number;
}

/** The `--json` form of a failure whose exit code is `exitCode`. */
export function failureJson(error: unknown, exitCode: number): FailureJson {
  if (error instanceof ValidationError)
    return {
      error: ErrorCodes.invalidInput,
      message: 'invalid input',
      problems: error.problems,
      exitCode,
    };
  if (error instanceof ConfigError)
    return {
      error: 'InvalidConfiguration',
      message: 'invalid configuration',
      problems: error.problems.map((problem) => {
        const colon = problem.indexOf(': ');
        return colon < 0
          ? { field: '(configuration)', message: problem }
          : { field: problem.slice(0, colon), message: problem.slice(colon + 2) };
      }),
      exitCode,
    };
  if (error instanceof MultaqaError)
    return {
      error: error.code,
      message: error.message,
      ...(error.field ? { problems: [{ field: error.field, message: error.message }] } : {}),
      exitCode,
    };
  if (error instanceof CommanderError)
    return {
      error: ErrorCodes.invalidInput,
      message: error.message.replace(/^error: /, ''),
      exitCode,
    };
  return {
    error: 'Failure',
    message: error instanceof Error ? error.message : String(error),
    exitCode,
  };
}
