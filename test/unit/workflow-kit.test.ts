import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { ErrorCodes } from '../../domain/errors';
import { coordinatorRecipient, parseCommand, refuse } from '../../workflows/kit';

function failureOf(run: () => unknown): ApplicationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ApplicationFailure) return error;
    throw error;
  }
  throw new Error('did not fail');
}

describe('the workflow kit', () => {
  it('refuses with a code, a message and the field at fault', () => {
    const failure = failureOf(() => refuse(ErrorCodes.wrongPhase, 'too late', 'date'));
    expect(failure).toMatchObject({ type: 'WrongPhase', message: 'too late', nonRetryable: true });
    expect(failure.details).toEqual([{ field: 'date' }]);
    expect(failureOf(() => refuse(ErrorCodes.notFound, 'gone')).details).toBeUndefined();
  });

  it('parses a command or refuses it as InvalidInput naming the first field', () => {
    const schema = z.object({ when: z.string().min(1, 'must not be empty') }).strict();
    expect(parseCommand(schema, { when: 'now' })).toEqual({ when: 'now' });
    const failure = failureOf(() => parseCommand(schema, { when: '' }));
    expect(failure).toMatchObject({ type: 'InvalidInput', message: 'when: must not be empty' });
    expect(failure.details).toEqual([{ field: 'when' }]);
  });

  it('addresses the coordinator once per subject, or once per purpose without one', () => {
    const event = {
      organiser: {
        coordinatorName: 'Amina',
        coordinatorEmail: 'amina@example.org',
        language: 'fr',
      },
    } as Parameters<typeof coordinatorRecipient>[0];
    expect(coordinatorRecipient(event, 'partner-ads')).toMatchObject({
      id: 'coordinator-partner-ads',
      kind: 'coordinator',
      email: 'amina@example.org',
    });
    expect(coordinatorRecipient(event).id).toBe('coordinator');
  });
});
