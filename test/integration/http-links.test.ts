import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signLink } from '../../mail/signed-links';
import { importAssociations } from '../../client/use-cases/import-associations';
import { startHttpServer } from '../../client/http/server';
import { findInvitee } from '../../client/use-cases/registrations';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/use-cases/training-days';
import { shardOf } from '../../domain/workflow-ids';
import { startTestStack, TEST_LINK_SECRET, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');

/** A date some weeks ahead, so the day is still to come and invitations go out. */
function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in time (${String(last)})`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

describe('public link pages behind signed links', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    stack = await startTestStack('http-links');
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  it('shows a page saying the link is invalid (404) for a forged or altered token', async () => {
    const token = signLink(
      {
        purpose: 'rsvp',
        eventId: 'some-day',
        associationId: 'potiers-safi',
        shard: 0,
        expiresAt: inAnHour(),
      },
      'another-secret-0123456789abcdef0123456789',
    );
    const response = await fetch(`${server.url}/links/rsvp/${token}`, {
      headers: { 'accept-language': 'ar-MA,ar;q=0.9' },
    });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('هذا الرابط غير صالح');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a genuine token used for another purpose, and an expired one (410)', async () => {
    const checkIn = signLink(
      {
        purpose: 'check-in',
        eventId: 'some-day',
        associationId: 'potiers-safi',
        shard: 0,
        expiresAt: inAnHour(),
      },
      TEST_LINK_SECRET,
    );
    expect((await fetch(`${server.url}/links/rsvp/${checkIn}`)).status).toBe(404);
    const expired = signLink(
      {
        purpose: 'rsvp',
        eventId: 'some-day',
        associationId: 'potiers-safi',
        shard: 0,
        expiresAt: 1_000_000,
      },
      TEST_LINK_SECRET,
    );
    const response = await fetch(`${server.url}/links/rsvp/${expired}`, {
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('This link has expired');
    const posted = await fetch(`${server.url}/links/rsvp/${expired}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'response=accept&seats=1',
    });
    expect(posted.status).toBe(410);
  });

  it('limits the requests of one address to the public pages (429)', async () => {
    const limited = await startHttpServer({
      config: { ...stack.config, REDIS_PREFIX: `${stack.config.REDIS_PREFIX}limited:` },
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      host: '127.0.0.1',
      port: 0,
      publicRateLimit: { max: 3, timeWindowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        statuses.push((await fetch(`${limited.url}/links/survey/not-a-token`)).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      // The API itself is not limited by the public pages' budget.
      expect((await fetch(`${limited.url}/healthz`)).status).not.toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('opening an RSVP link only shows a form; posting it records the answer', async () => {
    await importAssociations({ redis: stack.redis.redis, config: stack.config }, CSV);
    const eventId = uniqueId('links-day');
    const connections = {
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
    };
    const { plan } = await createTrainingDay(
      connections,
      { ...SEED, id: eventId },
      { date: futureDate(30) },
    );
    await eventually(async () => {
      await advanceDay(connections, eventId, { to: 'invitations-open', reason: 'test' });
      return true;
    });
    const status = await eventually(async () => {
      const { status: live } = await readStatus(connections, eventId, { live: true });
      return live.registration.shards > 0 && live.registration.invited > 0 ? live : undefined;
    });
    const associationId = 'potiers-safi';
    const shard = shardOf(associationId, status.registration.shards);
    await eventually(async () => {
      const invitee = await findInvitee(connections, eventId, associationId, { shard });
      return invitee.status === 'invited' ? invitee : undefined;
    });
    const token = signLink(
      {
        purpose: 'rsvp',
        eventId,
        associationId,
        shard,
        expiresAt: inAnHour(),
        generation: plan.generation,
      },
      TEST_LINK_SECRET,
    );

    const page = await fetch(`${server.url}/links/rsvp/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain('Association des artisans potiers de Safi');
    expect(html).toContain('method="post"');
    expect(html).toContain('max="3"');
    // The email's "decline" button opens the same page with decline first; still nothing acts.
    const declineFirst = await (
      await fetch(`${server.url}/links/rsvp/${token}?answer=decline`)
    ).text();
    expect(declineFirst.indexOf('value="decline"')).toBeLessThan(
      declineFirst.indexOf('value="accept"'),
    );
    expect(html.indexOf('value="accept"')).toBeLessThan(html.indexOf('value="decline"'));
    expect((await fetch(`${server.url}/links/rsvp/${token}?answer=bogus`)).status).toBe(200);
    // A mail scanner opening the link (even twice) changes nothing.
    await fetch(`${server.url}/links/rsvp/${token}`);
    expect((await findInvitee(connections, eventId, associationId, { shard })).status).toBe(
      'invited',
    );

    const posted = await fetch(`${server.url}/links/rsvp/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'response=accept&seats=2',
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('2 participants');
    const invitee = await findInvitee(connections, eventId, associationId, { shard });
    expect(invitee).toMatchObject({ status: 'accepted', seats: 2 });

    const tooMany = await fetch(`${server.url}/links/rsvp/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'response=accept&seats=0',
    });
    expect(tooMany.status).toBe(400);

    const arabic = 'tujjar-souk-safi';
    const arabicShard = shardOf(arabic, status.registration.shards);
    const arabicToken = signLink(
      {
        purpose: 'rsvp',
        eventId,
        generation: plan.generation,
        associationId: arabic,
        shard: arabicShard,
        expiresAt: inAnHour(),
      },
      TEST_LINK_SECRET,
    );
    const arabicPage = await (await fetch(`${server.url}/links/rsvp/${arabicToken}`)).text();
    expect(arabicPage).toContain('dir="rtl"');
    expect(arabicPage).toContain('هل ستحضر جمعيتكم');

    // At the door: the check-in link's page shows a button; only its POST checks in.
    await advanceDay(connections, eventId, { to: 'in-progress', reason: 'test' });
    const checkInToken = signLink(
      {
        purpose: 'check-in',
        eventId,
        associationId,
        shard,
        expiresAt: inAnHour(),
        generation: plan.generation,
      },
      TEST_LINK_SECRET,
    );
    const form = async (path: string, body: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    await eventually(async () => {
      const door = await fetch(`${server.url}/links/check-in/${checkInToken}`);
      return door.status === 200 ? door : undefined;
    });
    expect(
      (await readStatus(connections, eventId, { live: true })).status.attendance.checkedIn,
    ).toBe(0);
    const arrived = await eventually(async () => {
      const response = await form(`/links/check-in/${checkInToken}`, 'attendees=2');
      return response.status === 200 ? response.text() : undefined;
    });
    expect(arrived).toContain('Bienvenue');
    expect(await (await form(`/links/check-in/${checkInToken}`, 'attendees=2')).text()).toContain(
      'déjà enregistrée',
    );

    // After the day: the survey link records a rating and comments.
    await advanceDay(connections, eventId, { to: 'closed', reason: 'test' });
    const surveyToken = signLink(
      {
        purpose: 'survey',
        eventId,
        associationId,
        shard,
        expiresAt: inAnHour(),
        generation: plan.generation,
      },
      TEST_LINK_SECRET,
    );
    // The page offers the form once the read model has the day closed.
    const survey = await eventually(async () => {
      const html = await (await fetch(`${server.url}/links/survey/${surveyToken}`)).text();
      return html.includes('name="rating"') ? html : undefined;
    });
    expect(survey).toContain('name="rating"');
    const badRating = await form(`/links/survey/${surveyToken}`, 'rating=9');
    expect(badRating.status).toBe(400);
    const thanks = await eventually(async () => {
      const response = await form(
        `/links/survey/${surveyToken}`,
        `rating=5&comments=${encodeURIComponent('Très utile, merci')}`,
      );
      return response.status === 200 ? response.text() : undefined;
    });
    expect(thanks).toContain('avoir partagé votre avis');
  });
});
