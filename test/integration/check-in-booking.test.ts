import { userInfo } from 'node:os';
import { listCheckInsOf } from '../../client/use-cases/attendance';
import { recordRsvp } from '../../client/use-cases/registrations';
import { readTrainingDayStatus } from '../../client/use-cases/training-days';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { runCli } from '../support/cli';
import { type TestStack, startTestHttpServer, startTestStack } from '../support/stack';
import { eventually } from '../support/workflow-harness';
import { linkPath, openInvitations } from './open-day-fixture';

const COORDINATOR_KEY = 'coordinator-key-check-in-0123456789';

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
    linkPath('check-in', { eventId, shards, generation }, associationId);
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
    server = await startTestHttpServer(stack);
    const opened = await openInvitations(connections(), 'door');
    ({ eventId, shards } = opened);
    generation = opened.plan.generation;
    const answer = (associationId: string, rsvp: object) =>
      eventually(
        () => recordRsvp(connections(), eventId, { associationId, channel: 'phone', ...rsvp }),
        () => true,
      );
    await answer('potiers-safi', { response: 'accept', seats: 2 });
    await answer('couturiers-youssoufia', { response: 'accept', seats: 1 });
    await answer('bijoutiers-safi', { response: 'accept', seats: 2 });
    // Accepted (and sent the check-in link), then declined.
    await answer('tujjar-souk-safi', { response: 'accept', seats: 2 });
    await answer('tujjar-souk-safi', { response: 'decline' });
    await advanceDay(connections(), eventId, { to: 'in-progress', reason: 'test' });
    // The page reads the phase from the read model: wait until it offers the form.
    await eventually(
      async () => (await fetch(`${server.url}${checkInLink('potiers-safi')}`)).text(),
      (door) => door.includes('<form'),
      'door open',
      30_000,
    );
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
    expect(await tooMany.text()).toContain(
      'Votre association a réservé pour <bdi>2 participants</bdi> : ce lien n&#39;en enregistre pas davantage',
    );
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

  it('counts an association once when its link and door staff check it in twenty times at once', async () => {
    const associationId = 'bijoutiers-safi';
    const link = checkInLink(associationId);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? form(link, 'attendees=2').then((reply) => ({
              via: 'link',
              status: reply.status,
              counted: undefined,
            }))
          : api({ associationId, attendees: 2, method: 'coordinator' }).then(async (reply) => ({
              via: 'api',
              status: reply.status,
              counted: ((await reply.json()) as { counted?: boolean }).counted,
            })),
      ),
    );
    // Every one answered as a check-in (a repeat says "already checked in"), none failed.
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    expect(answers.filter((answer) => answer.counted === true).length).toBeLessThanOrEqual(1);
    const entries = (await listCheckInsOf(connections(), eventId)).filter(
      (entry) => entry.associationId === associationId,
    );
    expect(entries).toEqual([expect.objectContaining({ attendees: 2, seatsHeld: 2 })]);
    // The day's figures are the attendance workflow's records, the race included once.
    const all = await listCheckInsOf(connections(), eventId);
    const attendees = all.reduce((sum, entry) => sum + entry.attendees, 0);
    await eventually(
      () => readTrainingDayStatus({ temporal: stack.temporal.client }, eventId),
      (status) =>
        status.attendance.checkedIn === all.length && status.attendance.attendees === attendees,
      'the day counting each check-in once',
      30_000,
    );
  });
});
