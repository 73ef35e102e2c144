/**
 * Error types with stable codes. Workflows fail on purpose with `ApplicationFailure` whose
 * `type` is one of these codes, and callers branch on that type.
 */
export const ErrorCodes = {
  invalidInput: 'InvalidInput',
  notFound: 'NotFound',
  wrongPhase: 'WrongPhase',
  deadlinePassed: 'DeadlinePassed',
  alreadyAnswered: 'AlreadyAnswered',
  permanentDelivery: 'PermanentDeliveryFailure',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  invalidLink: 'InvalidLink',
  expiredLink: 'ExpiredLink',
  tooLarge: 'TooLarge',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

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
