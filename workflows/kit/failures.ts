import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { ErrorCodes, type ErrorCode } from '../../domain/errors';

/**
 * Rejects an update (from its validator) or fails it (from its handler) with one of the
 * project's error codes; `field` names the bad input for the CLI and HTTP edges.
 */
export function refuse(code: ErrorCode, message: string, field?: string): never {
  throw ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    details: field ? [{ field }] : undefined,
  });
}

/** `refuse` with `InvalidInput`: the input itself is wrong, whatever the workflow's state. */
export function refuseInput(message: string, field?: string): never {
  return refuse(ErrorCodes.invalidInput, message, field);
}

/**
 * Validates an update's argument in its validator: rejects it, naming the field, before it
 * enters history. Returns the parsed value (defaults and trimming applied) for the handler.
 */
export function parseCommand<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.map(String).join('.'));
  const message = result.error.issues
    .map((issue, index) => `${fields[index] || '(input)'}: ${issue.message}`)
    .join('; ');
  return refuseInput(message, fields[0] || undefined);
}

/**
 * Runs an update's activity call; a failure the activity raised on purpose (`NotFound`,
 * `InvalidInput`) is passed on to the caller as the update's own failure, with its message.
 */
export async function asUpdateFailure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure)
      throw ApplicationFailure.create({
        type: error.cause.type ?? undefined,
        message: error.cause.message,
        nonRetryable: true,
        details: error.cause.details ? [...error.cause.details] : [],
      });
    throw error;
  }
}
