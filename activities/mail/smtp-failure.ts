import { singleLine } from '../../mail/text-safety';

/**
 * The mail server could not take the message now (down, unreachable, busy, 4xx, authentication
 * or sender refused): nothing about the recipient is wrong. Thrown out of the activity so
 * Temporal retries it with backoff until the server is back; the failure type is this name.
 */
export class MailServerUnavailableError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailServerUnavailable';
  }
}

/** The SMTP verdict on one failed send. */
export type SmtpFailure =
  | { kind: 'recipient-refused'; reason: string }
  | {
      kind: 'server-unavailable';
      error: MailServerUnavailableError;
      /**
       * True when the server may have taken the message before the failure (the connection
       * dropped or timed out without an answer, perhaps after the end of the data): a resend
       * may be a second copy.
       */
      mayHaveArrived: boolean;
    };

interface SmtpErrorShape {
  syscall?: unknown;
  message?: unknown;
  code?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
}

/** Failures that happen before any message data can have left (set-up, login, envelope). */
const BEFORE_DATA_CODES = new Set([
  'EAUTH',
  'EENVELOPE',
  'EMESSAGE',
  'EDNS',
  'ETLS',
  'EREQUIRETLS',
  'ESTREAM',
]);

/**
 * Whether a failed send may still have delivered the message. Only an answer from the server (a
 * reply code), a connection that never opened, or a failure before the envelope proves that it
 * did not; a connection lost or timed out mid-transaction proves nothing.
 */
function mayHaveArrived(shape: SmtpErrorShape, code: string | undefined): boolean {
  if (typeof shape.responseCode === 'number') return false;
  if (shape.syscall === 'connect') return false;
  if (code && BEFORE_DATA_CODES.has(code)) return false;
  if (shape.command === 'API') return false;
  return true;
}

/** Commands whose permanent (5xx) refusal is about this recipient or this message. */
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * Sorts a nodemailer error into a permanent refusal of this recipient (5xx to RCPT TO or to
 * the message data: unknown mailbox, policy refusal) or a server problem worth retrying
 * (connection errors, timeouts, 4xx, 503, a refused sender or login, which are ours to fix,
 * not the invitee's).
 */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const command = typeof shape.command === 'string' ? shape.command : undefined;
  const responseCode = typeof shape.responseCode === 'number' ? shape.responseCode : undefined;
  const permanent =
    shape.permanent === true ||
    (shape.permanent === undefined &&
      responseCode !== undefined &&
      responseCode >= 500 &&
      responseCode !== 503);
  // Kept short: reasons travel in batch results and heartbeats (payload size limits).
  const text = singleLine(
    typeof shape.response === 'string'
      ? shape.response
      : typeof shape.message === 'string'
        ? shape.message
        : String(error),
  ).slice(0, 200);
  if (permanent && command && RECIPIENT_COMMANDS.has(command))
    return { kind: 'recipient-refused', reason: text };
  return {
    kind: 'server-unavailable',
    error: new MailServerUnavailableError(
      `mail server unavailable${code ? ` (${code})` : ''}: ${text}`,
      code,
      responseCode,
    ),
    mayHaveArrived: mayHaveArrived(shape, code),
  };
}
