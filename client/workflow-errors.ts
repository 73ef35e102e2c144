import {
  isGrpcServiceError,
  QueryNotRegisteredError,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ErrorCodes, isErrorCode, MultaqaError } from '../domain/errors';

/** gRPC's FAILED_PRECONDITION, as the server answers an update reaching a run that is closing. */
const FAILED_PRECONDITION = 9;
/** gRPC codes of a server that is there but could not answer in time (busy, restarting). */
const BUSY_CODES = new Set([
  4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */,
]);
/** Tries of a call refused because its run was closing: a run continuing as new takes the next. */
const CLOSING_TRIES = 3;

/**
 * True when the server refused or dropped a call because the workflow's run was closing:
 * FAILED_PRECONDITION, or an update "aborted by closing workflow" (sent as NOT_FOUND, which
 * read as a false "not found").
 */
export function isClosingRejection(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError)
    return /aborted by closing workflow/i.test(error.message);
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === FAILED_PRECONDITION;
}

/** The `field` a workflow named in its failure details, if any. */
function fieldOf(failure: ApplicationFailure): string | undefined {
  const first: unknown = failure.details?.[0];
  if (first && typeof first === 'object' && 'field' in first) {
    const field = (first as { field: unknown }).field;
    if (typeof field === 'string') return field;
  }
  return undefined;
}

/**
 * Turns what Temporal throws at a client (a workflow that does not exist, an update its
 * validator refused, a failure with one of our codes) into a `MultaqaError` the CLI and HTTP
 * edges know how to report. Other errors pass through unchanged.
 */
export function translateWorkflowError(error: unknown, what: string): unknown {
  if (isClosingRejection(error))
    return new MultaqaError(
      ErrorCodes.wrongPhase,
      `${what} is closing or closed: nothing more can change`,
    );
  const cause = error instanceof ServiceError ? error.cause : error;
  if (
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    (isGrpcServiceError(cause) && BUSY_CODES.has(cause.code))
  )
    // An overloaded or restarting Temporal: nothing was decided, the caller may try again.
    return new MultaqaError(
      ErrorCodes.unavailable,
      `${what} did not answer in time (Temporal is busy or restarting): try again`,
    );
  if (error instanceof WorkflowNotFoundError) {
    // The server answers "not found" too for a workflow that has run to its end.
    if (/already completed/i.test(error.message))
      return new MultaqaError(ErrorCodes.wrongPhase, `${what} is over: nothing more can change`);
    return new MultaqaError(ErrorCodes.notFound, `${what} not found`);
  }
  if (error instanceof QueryNotRegisteredError)
    return new MultaqaError(ErrorCodes.notFound, `${what} does not answer this query (yet)`);
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      const code = isErrorCode(cause.type) ? cause.type : ErrorCodes.invalidInput;
      return new MultaqaError(code, cause.message, fieldOf(cause));
    }
    return new MultaqaError(ErrorCodes.invalidInput, cause?.message ?? error.message);
  }
  if (error instanceof ApplicationFailure && isErrorCode(error.type))
    return new MultaqaError(error.type, error.message, fieldOf(error));
  return error;
}

/**
 * Runs `call`, translating Temporal's errors about `what` (see `translateWorkflowError`). A call
 * the server refused because the run was closing is tried again, twice, shortly after: when the
 * run continued as new, the next one answers; when the workflow is ending, the last refusal
 * becomes a clear "closing or closed" (`WrongPhase`, HTTP 409) instead of an internal error.
 */
export async function withWorkflowErrors<T>(what: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt < CLOSING_TRIES && isClosingRejection(error)) {
        await new Promise((wake) => setTimeout(wake, 200 * attempt));
        continue;
      }
      throw translateWorkflowError(error, what);
    }
  }
}
