import { CommanderError } from 'commander';
import { ConfigError } from '../../domain/config';
import { ErrorCodes, exitCodeOf, MultaqaError, type ErrorCode } from '../../domain/errors';
import { ValidationError } from '../validation';

import { ExitCode } from './exit-code';

export { ExitCode } from './exit-code';

/** The error table's code of a CLI failure. */
function codeOf(error: unknown): ErrorCode {
  if (error instanceof ValidationError) return ErrorCodes.invalidInput;
  if (error instanceof ConfigError) return ErrorCodes.invalidConfiguration;
  if (error instanceof MultaqaError) return error.code;
  if (error instanceof CommanderError) return ErrorCodes.invalidInput;
  return ErrorCodes.failure;
}

/**
 * Maps an error to its message and its exit code from the error table: 2 for bad input (naming
 * the field) and bad configuration, 1 otherwise.
 */
export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof CommanderError && error.exitCode === 0)
    return { message: '', code: ExitCode.ok };
  const code = exitCodeOf(codeOf(error));
  if (error instanceof ValidationError)
    return { message: `invalid input:\n${error.message}`, code };
  if (error instanceof MultaqaError) {
    // A workflow's refusal already names its field ("answer: must be confirm or decline").
    const named = !error.field || error.message.startsWith(`${error.field}: `);
    return { message: named ? error.message : `${error.field}: ${error.message}`, code };
  }
  if (error instanceof CommanderError) return { message: '', code };
  return { message: error instanceof Error ? error.message : String(error), code };
}

/** A failure as printed under `--json`: the same stable codes and fields as the HTTP API's errors. */
export interface FailureJson {
  error: ErrorCode;
  message: string;
  problems?: Array<{ field: string; message: string }>;
  exitCode: number;
}

/** The `--json` form of a failure whose exit code is `exitCode`. */
export function failureJson(error: unknown, exitCode: number): FailureJson {
  if (error instanceof ValidationError)
    return {
      error: codeOf(error),
      message: 'invalid input',
      problems: error.problems,
      exitCode,
    };
  if (error instanceof ConfigError)
    return {
      error: codeOf(error),
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
      error: codeOf(error),
      message: error.message,
      ...(error.field ? { problems: [{ field: error.field, message: error.message }] } : {}),
      exitCode,
    };
  if (error instanceof CommanderError)
    return {
      error: codeOf(error),
      message: error.message.replace(/^error: /, ''),
      exitCode,
    };
  return {
    error: codeOf(error),
    message: error instanceof Error ? error.message : String(error),
    exitCode,
  };
}
