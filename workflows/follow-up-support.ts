import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { ActivityOptions } from '@temporalio/workflow';
import type { z } from 'zod';
import { ErrorCodes, nonRetryableErrorTypes } from '../domain/errors';
import type { EventBrief } from '../domain/event-brief';
import type { MessageRecipient } from '../domain/messages/mail';
import type { PartnerInstitution } from '../domain/partner';

/** Mail: retried for hours (an SMTP server down), never for a refused address or bad input. */
export const FOLLOW_UP_MAIL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 30,
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
};

/** Reads from Redis and Temporal (attendees, directory, schedules): quick, retried briefly. */
export const FOLLOW_UP_LOOKUP_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 10,
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
};

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
  throw ApplicationFailure.create({
    type: ErrorCodes.invalidInput,
    message,
    nonRetryable: true,
    details: fields[0] ? [{ field: fields[0] }] : [],
  });
}

/**
 * Rejects an update that does not fit the workflow's current state (`WrongPhase`), or names
 * the bad field of an input that is well-formed but not acceptable now.
 */
export function refuse(
  message: string,
  type: string = ErrorCodes.wrongPhase,
  field?: string,
): never {
  throw ApplicationFailure.create({
    type,
    message,
    nonRetryable: true,
    details: field ? [{ field }] : [],
  });
}

/** The chamber's coordinator of the day, as a recipient. */
export function coordinatorRecipient(event: EventBrief): MessageRecipient {
  return {
    id: 'coordinator',
    kind: 'coordinator',
    name: event.organiser.coordinatorName,
    email: event.organiser.coordinatorEmail,
    language: event.organiser.language,
  };
}

export function partnerRecipient(partner: PartnerInstitution): MessageRecipient {
  return {
    id: partner.id,
    kind: 'partner',
    name: partner.contactName,
    email: partner.email,
    language: partner.language,
  };
}

export { signalQuietly } from './signal-quietly';

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
