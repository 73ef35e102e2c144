import { ApplicationFailure } from '@temporalio/activity';
import { ZodError } from 'zod';
import { ErrorCodes } from '../../domain/errors';
import type { NextTrainingDayRequest } from '../../domain/follow-up-commands';
import { planNextTrainingDay as planNext } from '../../domain/further-training';
import type { TrainingDayPlan } from '../../domain/training-day';
import type { ActivityDependencies } from '../dependencies';

/**
 * Plans the next training day (a draft) from the current one. Done in an activity because
 * resolving wall-clock times in a time zone needs the time-zone database, which workflow code
 * must not use. A plan that does not validate fails for good, naming the field.
 */
export async function planNextTrainingDay(
  deps: ActivityDependencies,
  input: {
    previousEventId: string;
    definition: TrainingDayPlan['definition'];
    recommendationId: string;
    ordinal: number;
    request: NextTrainingDayRequest;
  },
): Promise<TrainingDayPlan> {
  const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  try {
    return planNext(
      { eventId: input.previousEventId, definition: input.definition },
      input.request,
      { recommendationId: input.recommendationId, ordinal: input.ordinal, today },
    );
  } catch (error) {
    if (error instanceof ZodError || error instanceof RangeError)
      throw ApplicationFailure.create({
        type: ErrorCodes.invalidInput,
        message:
          error instanceof ZodError
            ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
            : error.message,
        nonRetryable: true,
      });
    throw error;
  }
}
