import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { signLink } from '../../activities/mail/signed-links';
import { importAssociations } from '../../client/associations/import-associations';
import { listCheckInsOf } from '../../client/attendance';
import { startHttpServer } from '../../client/http/server';
import { recordRsvp } from '../../client/registrations';
import { advanceDay } from '../../client/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/training-days';
import { shardOf } from '../../domain/workflow-ids';
import { runCli } from '../support/cli';
import { startTestStack, TEST_LINK_SECRET, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
const COORDINATOR_KEY = 'coordinator-key-check-in-0123456789';

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

describe('check-in is tied to the booking (issue 14, point 2)', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  let eventId: string;
  let shards: number;
  let generation: number | undefined;
  const connections = () => ({
    config: stack.config,
    temporal: stack.temporal.client,
    redis: stack.redis.redis,
  });
  const checkInLink = (associationId: string) =>
    `/links/check-in/${signLink(
      {
        purpose: 'check-in',
        eventId,
        associationId,
        shard: shardOf(associationId, shards),
        generation,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      },
      TEST_LINK_SECRET,
    )}`;
  const form = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body,
    });
  const api = (body: unknown) =>
    fetch(`${server.url}/api/events/${eventId}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${COORDINATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const recorded = async (associationId: string) =>
    (await listCheckInsOf(connections(), eventId)).find(
      (entry) => entry.associationId === associationId,
    );

  beforeAll(async () => {
    stack = await startTestStack('check-in-booking', {
      API_KEYS: `coordinator:${COORDINATOR_KEY}`,
    });
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      host: '127.0.0.1',
      port: 0,
    });
    await importAssociations(stack.redis.redis, stack.config.REDIS_PREFIX, CSV);
    eventId = uniqueId('door');
    ({
      plan: { generation },
    } = await createTrainingDay(connections(), { ...SEED, id: eventId }, { date: futureDate(30) }));
    await eventually(async () => {
      await advanceDay(connections(), eventId, { to: 'invitations-open', reason: 'test' });
      return true;
    });
    shards = await eventually(async () => {
      const { status } = await readStatus(connections(), eventId, { live: true });
      return status.registration.shards > 0 && status.registration.invited > 0
        ? status.registration.shards
        : undefined;
    });
    const answer = (associationId: string, rsvp: object) =>
      eventually(() =>
        recordRsvp(connections(), eventId, { associationId, channel: 'phone', ...rsvp }),
      );
    await answer('potiers-safi', { response: 'accept', seats: 2 });
    await answer('couturiers-youssoufia', { response: 'accept', seats: 1 });
    // Accepted (and sent the check-in link), then declined.
    await answer('tujjar-souk-safi', { response: 'accept', seats: 2 });
    await answer('tujjar-souk-safi', { response: 'decline' });
    await advanceDay(connections(), eventId, { to: 'in-progress', reason: 'test' });
    await eventually(async () => {
      const door = await fetch(`${server.url}${checkInLink('potiers-safi')}`);
      return door.status === 200 ? true : undefined;
    });
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  it('lets a check-in link bring in at most the seats booked, and records it as the link holder’s', async () => {
    const link = checkInLink('potiers-safi');
    expect(await (await fetch(`${server.url}${link}`)).text()).toContain('max="2"');
    const tooMany = await form(link, 'attendees=5');
    expect(tooMany.status).toBe(400);
    // In the association's own language (French here), not the API's words.
    expect(await tooMany.text()).toContain('ce lien enregistre au plus 2 personne(s)');
    expect(await recorded('potiers-safi')).toBeUndefined();

    expect((await form(link, 'attendees=2')).status).toBe(200);
    expect(await recorded('potiers-safi')).toMatchObject({
      attendees: 2,
      seatsHeld: 2,
      method: 'token',
      checkedInBy: { channel: 'link', actor: 'link holder' },
    });
  });

  it('refuses the check-in link of an association that declined, on opening it and on posting it', async () => {
    const link = checkInLink('tujjar-souk-safi');
    const page = await fetch(`${server.url}${link}`, { headers: { 'accept-language': 'en' } });
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('اعتذرت جمعيتكم عن الدعوة');
    const posted = await form(link, 'attendees=1');
    expect(posted.status).toBe(409);
    expect(await posted.text()).toContain('اعتذرت جمعيتكم عن الدعوة');
    expect(await recorded('tujjar-souk-safi')).toBeUndefined();
  });

  it('lets door staff admit people beyond the booking only when they say so, and records the key', async () => {
    const overBooked = await api({
      associationId: 'couturiers-youssoufia',
      attendees: 3,
      method: 'coordinator',
    });
    expect(overBooked.status).toBe(400);
    expect(await overBooked.json()).toMatchObject({
      problems: [{ field: 'attendees' }],
    });
    const asToken = await api({ associationId: 'couturiers-youssoufia', method: 'token' });
    expect(asToken.status).toBe(400);
    expect(await asToken.json()).toMatchObject({ problems: [{ field: 'method' }] });

    const admitted = await api({
      associationId: 'couturiers-youssoufia',
      attendees: 3,
      method: 'coordinator',
      admitExtra: true,
    });
    expect(admitted.status).toBe(200);
    expect(await admitted.json()).toMatchObject({ counted: true, attendees: 3, seatsHeld: 1 });
    const list = await fetch(`${server.url}/api/events/${eventId}/check-ins`, {
      headers: { authorization: `Bearer ${COORDINATOR_KEY}` },
    });
    expect(await list.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          associationId: 'couturiers-youssoufia',
          attendees: 3,
          seatsHeld: 1,
          checkedInBy: { channel: 'api', actor: 'coordinator key' },
        }),
      ]),
    );
  });

  it('refuses a declined association at the CLI unless door staff admit it, then lists who let it in', async () => {
    const refused = await runCli(['check-in', eventId, 'tujjar-souk-safi', '--json'], stack.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('declined the invitation');
    const admitted = await runCli(
      ['check-in', eventId, 'tujjar-souk-safi', '--attendees', '2', '--admit-extra', '--json'],
      stack.env,
    );
    expect(admitted.code).toBe(0);
    expect(JSON.parse(admitted.stdout)).toMatchObject({ counted: true, seatsHeld: 0 });
    const listed = await runCli(['check-ins', eventId, '--json'], stack.env);
    expect(JSON.parse(listed.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          associationId: 'tujjar-souk-safi',
          checkedInBy: { channel: 'cli', actor: userInfo().username },
        }),
      ]),
    );
    const human = await runCli(['check-ins', eventId], stack.env);
    expect(human.stdout).toMatch(/tujjar-souk-safi.*2.*0.*cli/);
  });
});
