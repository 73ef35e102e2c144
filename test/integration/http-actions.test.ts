import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHttpServer } from '../../client/http/server';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const COORDINATOR_KEY = 'actions-coordinator-key-0123456789';
const VIEWER_KEY = 'actions-viewer-key-0123456789abcd';
const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A coordinator steering a training day over the HTTP API alone. */
describe('coordinator actions over the HTTP API', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };

  const call = async (method: string, path: string, body?: unknown, key = COORDINATOR_KEY) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined
          ? {}
          : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, type: response.headers.get('content-type') };
  };

  /** Repeats a call until it answers `expected` (a child workflow may take a moment to start). */
  const until = async (run: () => ReturnType<typeof call>, expected = 200, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await run();
      if (result.status === expected || Date.now() > deadline) return result;
      await new Promise((wake) => setTimeout(wake, 300));
    }
  };

  beforeAll(async () => {
    stack = await startTestStack('http-actions', {
      API_KEYS: `coordinator:${COORDINATOR_KEY},viewer:${VIEWER_KEY}`,
    });
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      host: '127.0.0.1',
      port: 0,
    });
    expect((await call('POST', '/api/associations/import', CSV)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  it('answers for a partner and a speaker, takes RSVPs, checks in, and prints the report', async () => {
    const eventId = uniqueId('api-life');
    const created = await call('POST', '/api/events', {
      ...SEED,
      id: eventId,
      date: futureDate(35),
      rsvpDeadline: undefined,
    });
    expect(created.status).toBe(201);

    const partner = await until(() =>
      call('POST', `/api/events/${eventId}/partners/ads-marrakech-safi/answer`, {
        answer: 'confirm',
        contributions: ['speaker'],
      }),
    );
    expect(partner.json).toMatchObject({
      status: 'confirmed',
      confirmedContributions: ['speaker'],
    });
    const badAnswer = await call(
      'POST',
      `/api/events/${eventId}/partners/ads-marrakech-safi/answer`,
      {
        answer: 'maybe',
      },
    );
    expect(badAnswer.status).toBe(400);
    expect(badAnswer.json.problems[0].field).toBe('answer');

    const declined = await call(
      'POST',
      `/api/events/${eventId}/partners/province-safi-social-action/answer`,
      { answer: 'decline', note: 'pas disponible' },
    );
    expect(declined.json).toMatchObject({ status: 'declined' });

    const speaker = await until(() =>
      call('POST', `/api/events/${eventId}/speakers/talk-indh-results/answer`, {
        answer: 'confirm',
      }),
    );
    expect(speaker.json).toMatchObject({ agendaItemId: 'talk-indh-results', status: 'confirmed' });

    const viewerAdvance = await call(
      'POST',
      `/api/events/${eventId}/advance`,
      { to: 'invitations-open' },
      VIEWER_KEY,
    );
    expect(viewerAdvance.status).toBe(403);
    const advanced = await call('POST', `/api/events/${eventId}/advance`, {
      to: 'invitations-open',
    });
    expect(advanced.json).toEqual({ eventId, phase: 'invitations-open' });

    const rsvp = await until(() =>
      call('POST', `/api/events/${eventId}/rsvps`, {
        response: 'accept',
        associationId: 'couturiers-youssoufia',
        seats: 3,
        channel: 'phone',
      }),
    );
    expect(rsvp.json).toMatchObject({ status: 'accepted', seats: 3 });
    const tooMany = await call('POST', `/api/events/${eventId}/rsvps`, {
      response: 'accept',
      associationId: 'potiers-safi',
      seats: 4,
    });
    expect(tooMany.status).toBe(400);

    const invitees = await call(
      'GET',
      `/api/events/${eventId}/invitees?status=accepted`,
      undefined,
      VIEWER_KEY,
    );
    expect(invitees.json.invitees).toEqual([
      expect.objectContaining({ associationId: 'couturiers-youssoufia', province: 'Youssoufia' }),
    ]);
    const ledger = await call('GET', `/api/events/${eventId}/waitlist`, undefined, VIEWER_KEY);
    expect(ledger.json).toMatchObject({ seatsTaken: 3, capacity: 120 });

    const preview = await call(
      'GET',
      `/api/events/${eventId}/messages/preview?purpose=rsvp-confirmation&to=association:couturiers-youssoufia&seats=3&format=html`,
    );
    expect(preview.status).toBe(200);
    expect(preview.type).toMatch(/text\/html/);
    expect(preview.text).toContain('/links/check-in/');
    // Issue 9: the reschedule notice a seated association would get, with the reason given.
    const fitted = await call(
      'GET',
      `/api/events/${eventId}/messages/preview?purpose=reschedule-notice&to=association:couturiers-youssoufia&standing=accepted&seats=3&reason=${encodeURIComponent('La salle est prise')}&format=html`,
    );
    expect(fitted.status).toBe(200);
    expect(fitted.text).toContain('La salle est prise');
    expect(fitted.text).toContain('/links/check-in/');
    const unknownRecipient = await call(
      'GET',
      `/api/events/${eventId}/messages/preview?purpose=rsvp-confirmation&to=association:nobody-here`,
    );
    expect(unknownRecipient.status).toBe(404);

    expect(
      (await call('POST', `/api/events/${eventId}/advance`, { to: 'in-progress' })).status,
    ).toBe(200);
    const arrived = await until(() =>
      call('POST', `/api/events/${eventId}/check-ins`, {
        associationId: 'couturiers-youssoufia',
        attendees: 2,
        method: 'coordinator',
      }),
    );
    expect(arrived.json).toMatchObject({ counted: true, attendees: 2 });
    const recommended = await call('POST', `/api/events/${eventId}/recommendations`, {
      id: 'capacity-building',
      kind: 'capacity-building',
      text: { fr: 'Renforcer les capacités des associations', ar: 'تقوية قدرات الجمعيات' },
    });
    expect(recommended.json).toMatchObject({ id: 'capacity-building', owner: 'chamber' });

    // Shards report to the day every few seconds: wait for the acceptance to reach it.
    const deadline = Date.now() + 30_000;
    while ((await call('GET', `/api/events/${eventId}?live=true`)).json.registration.accepted < 1) {
      if (Date.now() > deadline) throw new Error('the acceptance never reached the training day');
      await new Promise((wake) => setTimeout(wake, 300));
    }
    const report = await call(
      'GET',
      `/api/events/${eventId}/report?language=ar`,
      undefined,
      VIEWER_KEY,
    );
    expect(report.status).toBe(200);
    expect(report.type).toMatch(/text\/html/);
    expect(report.text).toContain('dir="rtl"');
    const model = await call(
      'GET',
      `/api/events/${eventId}/report?format=json`,
      undefined,
      VIEWER_KEY,
    );
    expect(model.json).toMatchObject({ eventId, totals: expect.objectContaining({ accepted: 1 }) });
    const programme = await call('GET', '/api/programme?format=json', undefined, VIEWER_KEY);
    expect(programme.status).toBe(200);
  });

  it('reschedules a day, and refuses new hours the agenda cannot move into', async () => {
    const eventId = uniqueId('api-move');
    await call('POST', '/api/events', {
      ...SEED,
      id: eventId,
      date: futureDate(60),
      rsvpDeadline: undefined,
    });
    const moved = await until(() =>
      call('POST', `/api/events/${eventId}/reschedule`, {
        date: futureDate(61),
        start: '14:30',
        end: '18:30',
        reason: 'salle indisponible',
      }),
    );
    expect(moved.json).toMatchObject({ eventId, revision: 1 });
    const misfit = await call('POST', `/api/events/${eventId}/reschedule`, {
      date: futureDate(61),
      start: '15:00',
      end: '18:00',
    });
    // The agenda moves with the day (+30 minutes) and no longer fits a day ending at 18:00.
    expect(misfit.status).toBe(400);
    expect(misfit.json.problems[0].field).toBe('agenda');
    const cancelled = await call('POST', `/api/events/${eventId}/cancel`, {
      reason: 'report à une date ultérieure',
    });
    expect(cancelled.json).toEqual({ eventId, phase: 'cancelled' });
  });

  it('follows up the recommendations of a day already held', async () => {
    const eventId = uniqueId('api-held');
    expect((await call('POST', '/api/events', { ...SEED, id: eventId })).status).toBe(201);
    const deadline = Date.now() + 30_000;
    while ((await call('GET', `/api/events/${eventId}?live=true`)).json.phase !== 'closed') {
      if (Date.now() > deadline) throw new Error('the held day never closed');
      await new Promise((wake) => setTimeout(wake, 300));
    }
    const recommended = await call('POST', `/api/events/${eventId}/recommendations`, {
      id: 'further-training',
      kind: 'further-training',
      text: { fr: 'Organiser d’autres sessions de formation' },
    });
    expect(recommended.status).toBe(200);
    expect(
      (await call('POST', `/api/events/${eventId}/advance`, { to: 'following-up' })).status,
    ).toBe(200);

    const listed = await until(async () => {
      const result = await call('GET', `/api/events/${eventId}/follow-ups`, undefined, VIEWER_KEY);
      return result.json?.followUps?.length === 1 ? result : { ...result, status: 0 };
    });
    expect(listed.json.followUps[0].recommendation.id).toBe('further-training');
    const path = `/api/events/${eventId}/follow-ups/further-training`;
    const bad = await call('POST', `${path}/close`, { status: 'finished', outcome: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.problems[0].field).toBe('status');
    const due = await call('POST', `${path}/due`, { dueDate: '2030-03-31', reason: 'calendrier' });
    expect(due.json.status).not.toBe('overdue');
    const closed = await call('POST', `${path}/close`, {
      status: 'done',
      outcome: 'Session tenue en mars',
    });
    expect(closed.json).toMatchObject({ status: 'done', outcome: 'Session tenue en mars' });
    const viewer = await call('POST', `${path}/progress`, {}, VIEWER_KEY);
    expect(viewer.status).toBe(403);
    expect((await call('GET', path, undefined, VIEWER_KEY)).json.status).toBe('done');
  });
});
