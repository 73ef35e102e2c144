import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SlugSchema } from '../domain/common';
import type { Config } from '../domain/config';
import { ErrorCodes, MultaqaError } from '../domain/errors';
import type { EventBrief } from '../domain/event-brief';

/**
 * What a public link lets its holder do: answer the invitation, check in at the door, rate the
 * day, stop receiving invitations (campaign mail only).
 */
export const LINK_PURPOSES = ['rsvp', 'check-in', 'survey', 'unsubscribe'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** What a signed link vouches for: one purpose, for one invitee of one training day, until a moment. */
export interface LinkClaims {
  version: 1;
  purpose: LinkPurpose;
  eventId: string;
  associationId: string;
  /** The invitee's invitation shard, so the page reaches the right workflow without a lookup. */
  shard: number;
  /**
   * The day's generation (`EventBrief.generation`): the link acts only on that creation of the
   * id. Absent from links of days created before generations (and from the days themselves).
   */
  generation?: number;
  /** When the link stops working, seconds since the epoch. */
  expiresAt: number;
}

/** The token's payload as carried in the URL: short keys keep links (and their QR codes) small. */
const PayloadSchema = z
  .object({
    v: z.literal(1),
    p: z.enum(LINK_PURPOSES),
    e: SlugSchema,
    a: SlugSchema,
    s: z.number().int().min(0).max(1_000_000),
    g: z.number().int().positive().optional(),
    x: z.number().int().positive(),
  })
  .strict();

const MAX_TOKEN_LENGTH = 1024;
const SIGNATURE_CONTEXT = 'multaqa-link:v1:';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The token was not made with our secret, was altered, or is not a token at all. */
export class LinkInvalidError extends MultaqaError {
  constructor(reason: string) {
    super(ErrorCodes.invalidLink, `invalid link: ${reason}`, 'token');
    this.name = 'LinkInvalidError';
  }
}

/** The token is genuine but past its expiry; `claims` says which day and invitee it was for. */
export class LinkExpiredError extends MultaqaError {
  constructor(
    readonly claims: LinkClaims,
    readonly expiredAt: Date,
  ) {
    super(ErrorCodes.expiredLink, `link expired on ${expiredAt.toISOString()}`, 'token');
    this.name = 'LinkExpiredError';
  }
}

/** A genuine link of an earlier day that had the same event id (cancelled or over). */
export class LinkOfEarlierDayError extends MultaqaError {
  constructor(readonly claims: LinkClaims) {
    super(
      ErrorCodes.expiredLink,
      'this link belongs to an earlier training day with this id',
      'token',
    );
    this.name = 'LinkOfEarlierDayError';
  }
}

/** A genuine link of this day, which was cancelled: it no longer does anything. */
export class LinkOfCancelledDayError extends MultaqaError {
  constructor(readonly claims: LinkClaims) {
    super(ErrorCodes.expiredLink, 'this invitation belongs to a cancelled training day', 'token');
    this.name = 'LinkOfCancelledDayError';
  }
}

/**
 * Checks that a verified link was issued by the day now holding its event id: same generation,
 * both possibly absent (a day created before generations signs tokens without one, and they
 * keep working for it). A day with a generation never issued a token without one, so such a
 * token, or one of another generation, is from an earlier day. Throws `LinkOfEarlierDayError`,
 * or `LinkOfCancelledDayError` when the link's own day was cancelled.
 */
export function ensureLinkOfDay(
  claims: LinkClaims,
  day: { generation?: number; cancelled: boolean },
): void {
  if (claims.generation !== day.generation) throw new LinkOfEarlierDayError(claims);
  if (day.cancelled) throw new LinkOfCancelledDayError(claims);
}

function signature(payloadPart: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(SIGNATURE_CONTEXT).update(payloadPart).digest();
}

/**
 * Signs `claims` with HMAC-SHA256: the token is `base64url(payload).base64url(signature)`.
 * Throws if the claims themselves are malformed (a programming error, not user input).
 */
export function signLink(claims: Omit<LinkClaims, 'version'>, secret: string): string {
  const payload = PayloadSchema.parse({
    v: 1,
    p: claims.purpose,
    e: claims.eventId,
    a: claims.associationId,
    s: claims.shard,
    // Left out when absent: a day without a generation signs exactly the tokens it always did.
    ...(claims.generation === undefined ? {} : { g: claims.generation }),
    x: claims.expiresAt,
  });
  const payloadPart = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${payloadPart}.${signature(payloadPart, secret).toString('base64url')}`;
}

/**
 * Checks a token from a URL: signature first (constant-time), then shape, then expiry, then, if
 * given, that it was made for `expectedPurpose`. Throws `LinkInvalidError` for anything forged,
 * altered or malformed, `LinkExpiredError` for a genuine token past its time.
 */
export function verifyLinkToken(
  token: string,
  secret: string,
  now: Date,
  expectedPurpose?: LinkPurpose,
): LinkClaims {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH)
    throw new LinkInvalidError('malformed token');
  const parts = token.split('.');
  const [payloadPart, signaturePart] = parts;
  if (
    parts.length !== 2 ||
    !payloadPart ||
    !signaturePart ||
    !BASE64URL.test(payloadPart) ||
    !BASE64URL.test(signaturePart)
  )
    throw new LinkInvalidError('malformed token');
  const expected = signature(payloadPart, secret);
  const given = Buffer.from(signaturePart, 'base64url');
  // Non-canonical base64 (different unused bits) would decode to the same bytes: refuse it,
  // so that any change to the token's text is a rejected token.
  if (
    given.length !== expected.length ||
    given.toString('base64url') !== signaturePart ||
    !timingSafeEqual(given, expected)
  )
    throw new LinkInvalidError('bad signature');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    throw new LinkInvalidError('unreadable payload');
  }
  const parsed = PayloadSchema.safeParse(decoded);
  if (!parsed.success) throw new LinkInvalidError('unexpected payload');
  const claims: LinkClaims = {
    version: parsed.data.v,
    purpose: parsed.data.p,
    eventId: parsed.data.e,
    associationId: parsed.data.a,
    shard: parsed.data.s,
    ...(parsed.data.g === undefined ? {} : { generation: parsed.data.g }),
    expiresAt: parsed.data.x,
  };
  if (expectedPurpose && claims.purpose !== expectedPurpose)
    throw new LinkInvalidError(`made for ${claims.purpose}, not ${expectedPurpose}`);
  if (now.getTime() >= claims.expiresAt * 1000)
    throw new LinkExpiredError(claims, new Date(claims.expiresAt * 1000));
  return claims;
}

/** Where public pages are served: `PUBLIC_BASE_URL`, else the HTTP server's own address. */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>): string {
  const base = config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`;
  return base.replace(/\/+$/, '');
}

/** `${base}/links/<purpose>/<token>`: GET shows a page whose button confirms (POST acts). */
export function linkUrl(purpose: LinkPurpose, token: string, baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/links/${purpose}/${encodeURIComponent(token)}`;
}

/** How long survey links stay open after the day ends. */
export const SURVEY_OPEN_DAYS = 30;

/** An opt-out link keeps working long after its day: people unsubscribe from old mail. */
export const UNSUBSCRIBE_OPEN_DAYS = 365;

/**
 * When a link issued `now` expires. RSVP: `ttlDays` after issue, but never before the RSVP
 * deadline and never after the day ends. Check-in: through the end of the day's last date in
 * its time zone. Survey: thirty days after the day ends.
 */
export function linkExpiry(
  purpose: LinkPurpose,
  event: Pick<EventBrief, 'endsAt' | 'rsvpDeadlineAt' | 'timeZone'>,
  now: Date,
  ttlDays: number,
): Date {
  const endsAt = DateTime.fromISO(event.endsAt, { setZone: true });
  switch (purpose) {
    case 'rsvp': {
      const byTtl = now.getTime() + ttlDays * 86_400_000;
      const deadline = Date.parse(event.rsvpDeadlineAt);
      return new Date(Math.min(endsAt.toMillis(), Math.max(byTtl, deadline)));
    }
    case 'check-in':
      return endsAt.setZone(event.timeZone).endOf('day').toJSDate();
    case 'survey':
      return endsAt.plus({ days: SURVEY_OPEN_DAYS }).toJSDate();
    case 'unsubscribe':
      return new Date(now.getTime() + UNSUBSCRIBE_OPEN_DAYS * 86_400_000);
  }
}

export interface IssuedLink {
  url: string;
  token: string;
  expiresAt: Date;
}

export interface LinkIssuer {
  secret: string;
  baseUrl: string;
  now: Date;
  ttlDays: number;
}

/** Signs a link of `purpose` for one association of `event`, with the expiry its purpose calls for. */
export function issueLink(
  purpose: LinkPurpose,
  event: Pick<EventBrief, 'eventId' | 'generation' | 'endsAt' | 'rsvpDeadlineAt' | 'timeZone'>,
  invitee: { associationId: string; shard: number },
  issuer: LinkIssuer,
): IssuedLink {
  const expiresAt = linkExpiry(purpose, event, issuer.now, issuer.ttlDays);
  const token = signLink(
    {
      purpose,
      eventId: event.eventId,
      associationId: invitee.associationId,
      shard: invitee.shard,
      generation: event.generation,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    },
    issuer.secret,
  );
  return { url: linkUrl(purpose, token, issuer.baseUrl), token, expiresAt };
}
