import {
  ensureLinkOfDay,
  issueLink,
  linkExpiry,
  linkUrl,
  LinkExpiredError,
  LinkInvalidError,
  LinkOfCancelledDayError,
  LinkOfEarlierDayError,
  publicBaseUrl,
  signLink,
  verifyLinkToken,
  type LinkClaims,
} from '../../mail/signed-links';
import { ErrorCodes } from '../../domain/errors';
import { SEND_TIME, TEST_SECRET, seedEventBrief } from './mail-fixtures';

const claims: Omit<LinkClaims, 'version'> = {
  purpose: 'rsvp',
  eventId: 'safi-2018-11-23',
  associationId: 'potiers-safi',
  shard: 3,
  expiresAt: Math.floor(Date.parse('2018-11-23T17:30:00Z') / 1000),
};
const before = new Date('2018-11-01T10:00:00Z');

function flipCharacter(text: string, index: number): string {
  const character = text[index] === 'A' ? 'B' : 'A';
  return `${text.slice(0, index)}${character}${text.slice(index + 1)}`;
}

describe('signed links', () => {
  it('verifies a token it signed and returns the claims bound to the event and the invitee', () => {
    const token = signLink(claims, TEST_SECRET);
    expect(verifyLinkToken(token, TEST_SECRET, before)).toEqual({ version: 1, ...claims });
    expect(verifyLinkToken(token, TEST_SECRET, before, 'rsvp').associationId).toBe('potiers-safi');
  });

  it('is URL-safe: base64url payload and signature, nothing to escape', () => {
    const token = signLink(claims, TEST_SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(linkUrl('rsvp', token, 'https://multaqa.example.org/')).toBe(
      `https://multaqa.example.org/links/rsvp/${token}`,
    );
  });

  it('rejects a token whose payload was altered to point at another association', () => {
    const token = signLink(claims, TEST_SECRET);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    forged.a = 'another-association';
    const forgedToken = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(() => verifyLinkToken(forgedToken, TEST_SECRET, before)).toThrow(LinkInvalidError);
  });

  it('rejects a token with any single character of its signature changed', () => {
    const token = signLink(claims, TEST_SECRET);
    const dot = token.indexOf('.');
    for (const index of [dot + 1, dot + 10, token.length - 2, token.length - 1]) {
      expect(() => verifyLinkToken(flipCharacter(token, index), TEST_SECRET, before)).toThrow(
        LinkInvalidError,
      );
    }
  });

  it('rejects a token signed with another secret, truncated, or not a token at all', () => {
    const token = signLink(claims, TEST_SECRET);
    const other = signLink(claims, 'another-secret-0123456789abcdef0123456789');
    for (const bad of [
      other,
      token.slice(0, -3),
      token.split('.')[0] ?? '',
      '',
      'a.b.c',
      '%%%.x',
    ]) {
      expect(() => verifyLinkToken(bad, TEST_SECRET, before)).toThrow(LinkInvalidError);
    }
    expect(() => verifyLinkToken('x'.repeat(5000), TEST_SECRET, before)).toThrow(LinkInvalidError);
  });

  it('rejects a signature re-encoded with different unused bits (same bytes, other text)', () => {
    const token = signLink(claims, TEST_SECRET);
    const last = token.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte signature ends in a character whose two low bits are padding.
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    const variant = `${token.slice(0, -1)}${twin}`;
    expect(Buffer.from(variant.split('.')[1] ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.')[1] ?? '', 'base64url'),
    );
    expect(() => verifyLinkToken(variant, TEST_SECRET, before)).toThrow(LinkInvalidError);
  });

  it('rejects a genuine token used for another purpose (an RSVP link cannot check in)', () => {
    const token = signLink(claims, TEST_SECRET);
    expect(() => verifyLinkToken(token, TEST_SECRET, before, 'check-in')).toThrow(LinkInvalidError);
  });

  it('tells an expired link apart from a forged one, with the claims it carried', () => {
    const token = signLink(claims, TEST_SECRET);
    const after = new Date(claims.expiresAt * 1000);
    let caught: unknown;
    try {
      verifyLinkToken(token, TEST_SECRET, after);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LinkExpiredError);
    const expired = caught as LinkExpiredError;
    expect(expired.code).toBe(ErrorCodes.expiredLink);
    expect(expired.claims.associationId).toBe('potiers-safi');
    expect(expired.expiredAt.toISOString()).toBe('2018-11-23T17:30:00.000Z');
    expect(() =>
      verifyLinkToken(token, TEST_SECRET, new Date(after.getTime() - 1000)),
    ).not.toThrow();
  });

  it('checks the signature before the expiry: a forged expired token is invalid, not expired', () => {
    const token = signLink(claims, TEST_SECRET);
    const forged = flipCharacter(token, token.length - 1);
    expect(() => verifyLinkToken(forged, TEST_SECRET, new Date('2030-01-01T00:00:00Z'))).toThrow(
      LinkInvalidError,
    );
  });

  it('has an invalid-link error code distinct from the expired-link one', () => {
    expect(() => verifyLinkToken('nope', TEST_SECRET, before)).toThrow(
      expect.objectContaining({ code: ErrorCodes.invalidLink, field: 'token' }),
    );
  });
});

describe('link lifetimes', () => {
  const event = seedEventBrief();

  it('ends an RSVP link with the day, even when the TTL would run longer', () => {
    expect(linkExpiry('rsvp', event, SEND_TIME, 60).toISOString()).toBe(
      event.endsAt.replace('Z', '.000Z'),
    );
  });

  it('keeps an RSVP link sent long before the day alive until the RSVP deadline', () => {
    const early = new Date('2018-06-01T09:00:00Z');
    expect(linkExpiry('rsvp', event, early, 30).getTime()).toBe(Date.parse(event.rsvpDeadlineAt));
  });

  it('lets an RSVP link run its TTL when that ends between the deadline and the day', () => {
    const late = new Date('2018-11-19T09:00:00Z');
    expect(linkExpiry('rsvp', event, late, 2).toISOString()).toBe('2018-11-21T09:00:00.000Z');
  });

  it('keeps a check-in link valid through the whole day in the day’s own time zone', () => {
    // 23:59:59.999 in Casablanca (UTC+1 since October 2018) is 22:59:59.999 UTC.
    expect(linkExpiry('check-in', event, SEND_TIME, 60).toISOString()).toBe(
      '2018-11-23T22:59:59.999Z',
    );
  });

  it('opens a survey link for thirty days after the day', () => {
    expect(linkExpiry('survey', event, SEND_TIME, 60).toISOString()).toBe(
      '2018-12-23T17:30:00.000Z',
    );
  });

  it('issues a link whose token verifies to the invitee and expires when its purpose says', () => {
    const link = issueLink(
      'check-in',
      event,
      { associationId: 'potiers-safi', shard: 1 },
      { secret: TEST_SECRET, baseUrl: 'https://multaqa.example.org', now: SEND_TIME, ttlDays: 60 },
    );
    expect(link.url).toBe(`https://multaqa.example.org/links/check-in/${link.token}`);
    const verified = verifyLinkToken(link.token, TEST_SECRET, new Date('2018-11-23T18:00:00Z'));
    expect(verified).toMatchObject({ purpose: 'check-in', eventId: event.eventId, shard: 1 });
    expect(() =>
      verifyLinkToken(link.token, TEST_SECRET, new Date('2018-11-24T00:00:00Z')),
    ).toThrow(LinkExpiredError);
  });

  it('serves links from PUBLIC_BASE_URL, else from the HTTP server’s own address', () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: 'https://x.example.org/', HOST: 'h', PORT: 1 })).toBe(
      'https://x.example.org',
    );
    expect(publicBaseUrl({ HOST: '127.0.0.1', PORT: 3000 })).toBe('http://127.0.0.1:3000');
  });
});

describe('links bound to the day’s run (issue 14)', () => {
  /** `claims` as signed by the version before generations (recorded from it, unchanged since). */
  const TOKEN_WITHOUT_GENERATION =
    'eyJ2IjoxLCJwIjoicnN2cCIsImUiOiJzYWZpLTIwMTgtMTEtMjMiLCJhIjoicG90aWVycy1zYWZpIiwicyI6MywieCI6MTU0Mjk5NDIwMH0.KUHQzADvUN0AGCVQe_Axd3we7JFRElakpYXeLV_pu3M';
  const generation = 1_764_570_000_000;

  it('still verifies a token sent before generations, and signs the same token for a day without one', () => {
    expect(verifyLinkToken(TOKEN_WITHOUT_GENERATION, TEST_SECRET, before)).toEqual({
      version: 1,
      ...claims,
    });
    expect(signLink(claims, TEST_SECRET)).toBe(TOKEN_WITHOUT_GENERATION);
  });

  it('carries the day’s generation in the signed payload: it cannot be removed or changed', () => {
    const token = signLink({ ...claims, generation }, TEST_SECRET);
    expect(verifyLinkToken(token, TEST_SECRET, before).generation).toBe(generation);
    const [payloadPart, signaturePart] = token.split('.');
    const payload = JSON.parse(Buffer.from(payloadPart!, 'base64url').toString('utf8'));
    for (const altered of [
      { ...payload, g: undefined },
      { ...payload, g: generation + 1 },
    ]) {
      const forged = `${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signaturePart}`;
      expect(() => verifyLinkToken(forged, TEST_SECRET, before)).toThrow(LinkInvalidError);
    }
  });

  it('issues links carrying the generation of the day they are sent for', () => {
    const link = issueLink(
      'rsvp',
      { ...seedEventBrief(), generation },
      { associationId: 'potiers-safi', shard: 1 },
      { secret: TEST_SECRET, baseUrl: 'https://multaqa.example.org', now: SEND_TIME, ttlDays: 60 },
    );
    expect(verifyLinkToken(link.token, TEST_SECRET, SEND_TIME).generation).toBe(generation);
  });

  it('lets a link act only on the day that issued it, and says when that day was cancelled', () => {
    const old = verifyLinkToken(TOKEN_WITHOUT_GENERATION, TEST_SECRET, before);
    const current = verifyLinkToken(
      signLink({ ...claims, generation }, TEST_SECRET),
      TEST_SECRET,
      before,
    );
    // Days created before generations keep honouring the links they sent.
    expect(() => ensureLinkOfDay(old, { cancelled: false })).not.toThrow();
    expect(() => ensureLinkOfDay(current, { generation, cancelled: false })).not.toThrow();
    // A day created again with the same id: links of the earlier one do nothing.
    expect(() => ensureLinkOfDay(old, { generation, cancelled: false })).toThrow(
      LinkOfEarlierDayError,
    );
    expect(() =>
      ensureLinkOfDay(current, { generation: generation + 1, cancelled: false }),
    ).toThrow(LinkOfEarlierDayError);
    expect(() => ensureLinkOfDay(current, { cancelled: false })).toThrow(LinkOfEarlierDayError);
    expect(() => ensureLinkOfDay(current, { generation, cancelled: true })).toThrow(
      LinkOfCancelledDayError,
    );
  });
});
