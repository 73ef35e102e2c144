import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { errorAnswer } from '../../client/http/http-errors';
import { translateWorkflowError, withWorkflowErrors } from '../../client/workflow-errors';
import { ErrorCodes, MultaqaError } from '../../domain/errors';

/**
 * What the Temporal client throws when the server refuses an update because the run is
 * closing: a `ServiceError` ("Workflow Update failed") around the gRPC error, as
 * `WorkflowClient.rethrowGrpcError` builds it (gRPC status 9, FAILED_PRECONDITION).
 */
function closingRefusal(): ServiceError {
  const grpc = Object.assign(new Error('9 FAILED_PRECONDITION: workflow is closing'), {
    code: 9,
    details: 'workflow is closing',
    metadata: {},
  });
  return new ServiceError('Workflow Update failed', { cause: grpc });
}

describe('a call racing a day that is closing (issue 14, point 3)', () => {
  it('answers 409 "closing or closed" instead of an internal error', () => {
    const translated = translateWorkflowError(closingRefusal(), 'attendance of training day "x"');
    expect(translated).toBeInstanceOf(MultaqaError);
    expect(translated).toMatchObject({
      code: ErrorCodes.wrongPhase,
      message: 'attendance of training day "x" is closing or closed: nothing more can change',
    });
    expect(errorAnswer(translated).status).toBe(409);
    // Other service errors stay internal (500), not disguised as a phase problem.
    const other = new ServiceError('Workflow Update failed', {
      cause: Object.assign(new Error('13 INTERNAL'), { code: 13, details: 'boom', metadata: {} }),
    });
    expect(translateWorkflowError(other, 'x')).toBe(other);
  });

  it('does not call an update dropped by a closing workflow "not found"', () => {
    // As the client builds it from the server's NOT_FOUND (seen racing a cancellation).
    const aborted = new WorkflowNotFoundError(
      'workflow update was aborted by closing workflow',
      'training-day/x/attendance',
      undefined,
    );
    const translated = translateWorkflowError(aborted, 'attendance of training day "x"');
    expect(translated).toMatchObject({ code: ErrorCodes.wrongPhase });
    expect(errorAnswer(translated).status).toBe(409);
    const missing = new WorkflowNotFoundError('workflow not found', 'training-day/y', undefined);
    expect(translateWorkflowError(missing, 'y')).toMatchObject({ code: ErrorCodes.notFound });
  });

  it('tries again when the run was continuing as new, and gives the next run’s answer', async () => {
    let calls = 0;
    const answer = await withWorkflowErrors('day', async () => {
      calls += 1;
      if (calls < 3) throw closingRefusal();
      return 'recorded';
    });
    expect(answer).toBe('recorded');
    expect(calls).toBe(3);
  });

  it('stops after three tries with the clear refusal', async () => {
    let calls = 0;
    await expect(
      withWorkflowErrors('training day "x"', async () => {
        calls += 1;
        throw closingRefusal();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.wrongPhase });
    expect(calls).toBe(3);
  });
});
