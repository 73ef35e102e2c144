import { ZodError } from 'zod';
import { ErrorCodes } from '../../domain/errors';
import { tableFailure } from '../failures';
import type { NextTrainingDayRequest } from '../../domain/follow-up-commands';
import { planNextTrainingDay as planNext } from '../../domain/further-training';
import type { TrainingDayPlan } from '../../domain/training-day';
import type { ActivityDependencies } from '../dependencies';
import { EventIdRegistry } from '../../stores/event-id-registry';

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
  let plan: TrainingDayPlan;
  try {
    plan = planNext(
      { eventId: input.previousEventId, definition: input.definition },
      input.request,
      { recommendationId: input.recommendationId, ordinal: input.ordinal, today },
    );
  } catch (error) {
    if (error instanceof ZodError || error instanceof RangeError)
      throw tableFailure(
        ErrorCodes.invalidInput,
        error instanceof ZodError
          ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
          : error.message,
      );
    throw error;
  }
  // Ids are used once, ever (see EventIdRegistry); the owner makes a retried attempt find its own.
  const registry = new EventIdRegistry(deps.redis, deps.config.REDIS_PREFIX);
  const outcome = await registry.claim(plan.eventId, {
    owner: `next-day:${input.previousEventId}:${input.recommendationId}:${input.ordinal}`,
  });
  if (!outcome.claimed)
    throw tableFailure(
      ErrorCodes.invalidInput,
      `the id "${plan.eventId}" was already used by a training day (created ${outcome.existing.claimedAt}); ids are never reused`,
      { field: 'id' },
    );
  return { ...plan, generation: outcome.claim.generation };
}
