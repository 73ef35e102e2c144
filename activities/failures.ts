import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TABLE, MultaqaError, type ErrorCode } from '../domain/errors';

/**
 * An activity's failure of the error table's row `code`: the code is its type, and it is
 * non-retryable when the table says so. `field` names the bad input, as updates report it.
 */
export function tableFailure(
  code: ErrorCode,
  message: string,
  options: { field?: string; cause?: Error } = {},
): ApplicationFailure {
  return ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: !ERROR_TABLE[code].retryable,
    details: options.field ? [{ field: options.field }] : [],
    cause: options.cause,
  });
}

/**
 * The failure an activity throws for `error`: a `MultaqaError` becomes its `tableFailure`;
 * anything else is thrown as it is (retryable, typed by its name).
 */
export function activityFailureOf(error: unknown): unknown {
  if (!(error instanceof MultaqaError)) return error;
  return tableFailure(error.code, error.message, { field: error.field, cause: error });
}

/** Runs an activity's body, throwing its failure as `activityFailureOf` names it. */
export async function withTableFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw activityFailureOf(error);
  }
}
