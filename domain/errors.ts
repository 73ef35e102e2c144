/**
 * multaqa's one error table, as Fastify's `lib/errors.js`: every stable error code with its
 * HTTP status, CLI exit code and whether Temporal may retry an activity that failed with it.
 * The code is the `type` of an `ApplicationFailure`, the `error` of an HTTP JSON body and of a
 * CLI `--json` failure. The HTTP error handler, the 404 handler, the CLI's exit codes and every
 * activity's `nonRetryableErrorTypes` read from here (pure data: workflows import it).
 */

/** Exit codes of the CLI: a stable contract for scripts. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One row of the table. */
export interface ErrorRow {
  /** HTTP status of an answer with this code. */
  readonly http: number;
  /** CLI exit code of a command that fails with this code. */
  readonly exit: ExitCodeValue;
  /** Whether an activity that fails with this type may be retried (the same call may work later). */
  readonly retryable: boolean;
  readonly description: string;
}

/**
 * The table. Where several codes share an HTTP status, the first one is what a bare status
 * (one Fastify answers on its own) is named.
 */
export const ERROR_TABLE = {
  InvalidInput: {
    http: 400,
    exit: ExitCode.badInput,
    retryable: false,
    description: 'the input is malformed or not acceptable; `problems` names the fields',
  },
  Unauthorized: {
    http: 401,
    exit: ExitCode.failure,
    retryable: false,
    description: 'no API key, or an unknown one',
  },
  Forbidden: {
    http: 403,
    exit: ExitCode.failure,
    retryable: false,
    description: 'the key is known but its role may not do this',
  },
  NotFound: {
    http: 404,
    exit: ExitCode.failure,
    retryable: false,
    description: 'no such training day, invitee, route or record',
  },
  InvalidLink: {
    http: 404,
    exit: ExitCode.failure,
    retryable: false,
    description: 'a signed link that is not genuine, or links are not enabled',
  },
  WrongPhase: {
    http: 409,
    exit: ExitCode.failure,
    retryable: false,
    description: 'not possible in the current state (phase) of the workflow',
  },
  DeadlinePassed: {
    http: 409,
    exit: ExitCode.failure,
    retryable: false,
    description: 'the deadline for this answer has passed',
  },
  AlreadyAnswered: {
    http: 409,
    exit: ExitCode.failure,
    retryable: false,
    description: 'this answer was already given',
  },
  ExpiredLink: {
    http: 410,
    exit: ExitCode.failure,
    retryable: false,
    description: 'a genuine signed link that expired or belongs to an earlier or cancelled day',
  },
  TooLarge: {
    http: 413,
    exit: ExitCode.failure,
    retryable: false,
    description: 'the body is over its limit',
  },
  RateLimited: {
    http: 429,
    exit: ExitCode.failure,
    retryable: true,
    description: 'too many requests; try again later',
  },
  BadRequest: {
    http: 400,
    exit: ExitCode.badInput,
    retryable: false,
    description: "a request refused by HTTP itself (Fastify's own 4xx, e.g. a URL too long)",
  },
  Internal: {
    http: 500,
    exit: ExitCode.failure,
    retryable: true,
    description: 'an unexpected failure; details are logged, not answered',
  },
  InvalidConfiguration: {
    http: 500,
    exit: ExitCode.badInput,
    retryable: false,
    description:
      'a setting is missing or bad (e.g. no LINK_SECRET for messages with links); no retry mends it',
  },
  Unavailable: {
    http: 503,
    exit: ExitCode.failure,
    retryable: true,
    description: 'a service multaqa needs (Temporal, Redis) does not answer at its address',
  },
  SchedulesUnsupported: {
    http: 501,
    exit: ExitCode.failure,
    retryable: false,
    description: 'the Temporal server has no Schedules, so a coordination digest cannot be planned',
  },
  Failure: {
    http: 500,
    exit: ExitCode.failure,
    retryable: true,
    description: 'an unexpected failure of a CLI command (the CLI name of `Internal`)',
  },
} as const satisfies Record<string, ErrorRow>;

/** A stable error code: only the table's codes compile. */
export type ErrorCode = keyof typeof ERROR_TABLE;

/** The codes by a name for use in code (`ErrorCodes.notFound`). */
export const ErrorCodes = {
  invalidInput: 'InvalidInput',
  notFound: 'NotFound',
  wrongPhase: 'WrongPhase',
  deadlinePassed: 'DeadlinePassed',
  alreadyAnswered: 'AlreadyAnswered',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  invalidLink: 'InvalidLink',
  expiredLink: 'ExpiredLink',
  tooLarge: 'TooLarge',
  rateLimited: 'RateLimited',
  badRequest: 'BadRequest',
  internal: 'Internal',
  invalidConfiguration: 'InvalidConfiguration',
  /** A service multaqa needs (Temporal, Redis) does not answer at its configured address. */
  unavailable: 'Unavailable',
  schedulesUnsupported: 'SchedulesUnsupported',
  failure: 'Failure',
} as const satisfies Record<string, ErrorCode>;

/** Every code, in table order. */
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

/** Whether `value` is one of the table's codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_TABLE, value);
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_TABLE[code].http;
}

export function exitCodeOf(code: ErrorCode): ExitCodeValue {
  return ERROR_TABLE[code].exit;
}

/** The code a bare HTTP status is named by: the first row with it, else `BadRequest` / `Internal`. */
export function codeOfHttpStatus(status: number): ErrorCode {
  return (
    ERROR_CODES.find((code) => ERROR_TABLE[code].http === status) ??
    (status < 500 ? ErrorCodes.badRequest : ErrorCodes.internal)
  );
}

/**
 * The failure types no activity retries: every non-retryable row. Every activity's retry
 * policy uses this list, so a code thrown as a retryable `ApplicationFailure` still stops.
 */
export function nonRetryableErrorTypes(): ErrorCode[] {
  return ERROR_CODES.filter((code) => !ERROR_TABLE[code].retryable);
}

/** An error the edge (CLI, HTTP) turns into a clear message; `field` names the bad input. */
export class MultaqaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MultaqaError';
  }
}
