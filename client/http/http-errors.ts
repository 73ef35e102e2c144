import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, MultaqaError, type ErrorCode } from '../../domain/errors';
import { ValidationError } from '../validation';

/** The HTTP status of each stable error code. */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  [ErrorCodes.invalidInput]: 400,
  [ErrorCodes.notFound]: 404,
  [ErrorCodes.wrongPhase]: 409,
  [ErrorCodes.deadlinePassed]: 409,
  [ErrorCodes.alreadyAnswered]: 409,
  [ErrorCodes.permanentDelivery]: 502,
  [ErrorCodes.unauthorized]: 401,
  [ErrorCodes.forbidden]: 403,
  [ErrorCodes.invalidLink]: 404,
  [ErrorCodes.expiredLink]: 410,
  [ErrorCodes.tooLarge]: 413,
};

/** The body of every error answer: a stable code, a message, and the fields at fault. */
export interface ErrorBody {
  error: string;
  message: string;
  problems?: Array<{ field: string; message: string }>;
}

/** Turns any error into a status and an `ErrorBody`. */
export function errorAnswer(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ValidationError)
    return {
      status: 400,
      body: { error: ErrorCodes.invalidInput, message: error.message, problems: error.problems },
    };
  if (error instanceof MultaqaError)
    return {
      status: STATUS_OF_CODE[error.code] ?? 500,
      body: {
        error: error.code,
        message: error.message,
        ...(error.field ? { problems: [{ field: error.field, message: error.message }] } : {}),
      },
    };
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500)
    return {
      status: fastifyError.statusCode,
      body: {
        error:
          fastifyError.statusCode === 429 ? 'RateLimited' : (fastifyError.code ?? 'BadRequest'),
        message: fastifyError.message ?? 'bad request',
      },
    };
  return { status: 500, body: { error: 'Internal', message: 'internal error' } };
}

/** Fastify's error handler: clear 4xx answers, and 5xx logged without leaking details. */
export function handleHttpError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorAnswer(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).send(body);
}
