import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TABLE, MultaqaError } from '../domain/errors';

/**
 * The failure an activity throws for `error`: a `MultaqaError` becomes an `ApplicationFailure`
 * whose type is its code, non-retryable when the error table says so; anything else is thrown
 * as it is (retryable, typed by its name).
 */
export function activityFailureOf(error: unknown): unknown {
  if (!(error instanceof MultaqaError)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: !ERROR_TABLE[error.code].retryable,
    details: error.field ? [{ field: error.field }] : [],
    cause: error,
  });
}

/** Runs an activity's body, throwing its failure as `activityFailureOf` names it. */
export async function withTableFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw activityFailureOf(error);
  }
}
