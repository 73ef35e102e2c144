import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  codeOfHttpStatus,
  ErrorCodes,
  httpStatusOf,
  MultaqaError,
  type ErrorCode,
} from '../../domain/errors';
import { ValidationError } from '../validation';

/** The body of every error answer: a stable code, a message, and the fields at fault. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  problems?: Array<{ field: string; message: string }>;
}

/** An answer of the error table's row `code`. */
function answerOf(
  code: ErrorCode,
  message: string,
  problems?: ErrorBody['problems'],
): { status: number; body: ErrorBody } {
  return {
    status: httpStatusOf(code),
    body: { error: code, message, ...(problems && { problems }) },
  };
}

/** Turns any error into a status and an `ErrorBody`; statuses come from the error table. */
export function errorAnswer(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ValidationError)
    return answerOf(ErrorCodes.invalidInput, error.message, error.problems);
  if (error instanceof MultaqaError)
    return answerOf(
      error.code,
      error.message,
      error.field ? [{ field: error.field, message: error.message }] : undefined,
    );
  // Fastify's own 4xx (rate limit, body too large, URL too long): its status, the table's name.
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500)
    return {
      status: fastifyError.statusCode,
      body: {
        error: codeOfHttpStatus(fastifyError.statusCode),
        message: fastifyError.message ?? 'bad request',
      },
    };
  return answerOf(ErrorCodes.internal, 'internal error');
}

/** The answer to a request no route matches. */
export function notFoundAnswer(method: string, url: string): { status: number; body: ErrorBody } {
  return answerOf(ErrorCodes.notFound, `no route ${method} ${url.split('?')[0]}`);
}

/** Fastify's error handler: clear 4xx answers, and 5xx logged without leaking details. */
export function handleHttpError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorAnswer(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).send(body);
}

/** Fastify's not-found handler, from the same table. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = notFoundAnswer(request.method, request.url);
  return reply.code(status).send(body);
}
