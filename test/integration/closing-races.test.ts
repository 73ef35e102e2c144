import { advanceDay } from '../../client/use-cases/training-day-changes';
import { readStatus } from '../../client/use-cases/training-days';
import { type TestStack, startTestHttpServer, startTestStack } from '../support/stack';
import { eventually } from '../support/workflow-harness';
import { ASSOCIATIONS_CSV, linkPath, openInvitations } from './open-day-fixture';

const ASSOCIATIONS = ASSOCIATIONS_CSV.split('\n')
  .slice(1)
  .map((line) => line.split(',')[0] ?? '')
  .filter(Boolean);
const COORDINATOR_KEY = 'coordinator-key-closing-races-0123456789';

describe('actions racing a day that is being cancelled (issue 14, point 3)', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  const connections = () => ({
    config: stack.config,
    temporal: stack.temporal.client,
    redis: stack.redis.redis,
  });
  const api = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${COORDINATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    stack = await startTestStack('closing-races', { API_KEYS: `coordinator:${COORDINATOR_KEY}` });
    server = await startTestHttpServer(stack);
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  /** A day with its invitations out; `inProgress` also opens the door. */
  async function openDay(name: string, inProgress: boolean) {
    const { eventId, plan, shards } = await openInvitations(connections(), name);
    if (inProgress) {
      await advanceDay(connections(), eventId, { to: 'in-progress', reason: 'test' });
      await eventually(
        () => readStatus(connections(), eventId, { live: true }),
        ({ status }) => status.phase === 'in-progress',
      );
    }
    return { eventId, shards, generation: plan.generation };
  }

  /** Fires `requests` spread over a second while the day is cancelled; the answers by status. */
  async function raceCancel(eventId: string, requests: Array<() => Promise<Response>>) {
    const answers = await Promise.all([
      ...requests.map(async (request, index) => {
        await new Promise((wake) => setTimeout(wake, index * 25));
        const response = await request();
        return { status: response.status, body: await response.text() };
      }),
      (async () => {
        await new Promise((wake) => setTimeout(wake, 200));
        const response = await api(`/api/events/${eventId}/cancel`, { reason: 'venue closed' });
        return { status: response.status, body: await response.text(), cancel: true };
      })(),
    ]);
    const cancel = answers.find((answer) => 'cancel' in answer);
    expect(cancel?.status).toBe(200);
    return answers.filter((answer) => !('cancel' in answer));
  }

  it('answers RSVPs (API and links) with their outcome or a clear 409/410, never 500 or 404', async () => {
    const { eventId, shards, generation } = await openDay('rsvp-race', false);
    const requests = ASSOCIATIONS.map((associationId, index) =>
      index % 2 === 0
        ? () =>
            api(`/api/events/${eventId}/rsvps`, {
              response: 'accept',
              associationId,
              seats: 1,
              channel: 'phone',
            })
        : () =>
            fetch(
              `${server.url}${linkPath('rsvp', { eventId, shards, generation }, associationId)}`,
              {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  'accept-language': 'en',
                },
                body: 'response=decline',
              },
            ),
    );
    const answers = await raceCancel(eventId, requests);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => ![200, 409, 410].includes(status))).toEqual([]);
    expect(statuses.some((status) => status !== 200)).toBe(true);
    for (const answer of answers.filter((each) => each.status === 409))
      expect(answer.body).toMatch(
        answer.body.startsWith('<!doctype')
          ? // A link page says it in the association's own language.
            /no longer possible|plus possible|لم يعد هذا ممكنا/
          : /cancelled|closing or closed|is over|no longer/i,
      );
  });

  it('answers check-ins at the door with their outcome or a clear 409, never 500 or 404', async () => {
    const { eventId } = await openDay('door-race', true);
    const requests = ASSOCIATIONS.map(
      (associationId) => () =>
        api(`/api/events/${eventId}/check-ins`, {
          associationId,
          method: 'coordinator',
          admitExtra: true,
        }),
    );
    const answers = await raceCancel(eventId, requests);
    // 503 only as a clear "try again" from an overloaded Temporal (a loaded test machine).
    const unexpected = answers.filter(
      (answer) =>
        ![200, 409].includes(answer.status) &&
        !(answer.status === 503 && JSON.parse(answer.body).error === 'Unavailable'),
    );
    expect(unexpected).toEqual([]);
    expect(answers.some((answer) => answer.status === 409)).toBe(true);
    for (const answer of answers.filter((each) => each.status === 409))
      expect(JSON.parse(answer.body)).toMatchObject({
        error: 'WrongPhase',
        message: expect.stringMatching(/cancelled|closing or closed|is over/),
      });
  });
});
