import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiCaller, startServedStack, type ServedStack } from '../support/http';
import { uniqueId } from '../support/temporal';

const COORDINATOR_KEY = 'agenda-api-coordinator-key-012345';
const VIEWER_KEY = 'agenda-api-viewer-key-0123456789ab';
const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The agenda routes as an integrator calls them, with keys. */
describe('GET and POST /api/events/:eventId/agenda', () => {
  let served: ServedStack;
  const call = apiCaller(() => served.server.url, COORDINATOR_KEY);
  beforeAll(async () => {
    served = await startServedStack('http-agenda', {
      coordinator: COORDINATOR_KEY,
      viewer: VIEWER_KEY,
    });
  });
  afterAll(async () => {
    await served?.stop();
  });

  it('reads the agenda, takes a coordinator edit, and refuses viewers, bad and stale edits', async () => {
    const eventId = uniqueId('api-agenda');
    const created = await call('POST', '/api/events', {
      ...SEED,
      id: eventId,
      date: futureDate(50),
      rsvpDeadline: undefined,
    });
    expect(created.status).toBe(201);
    const path = `/api/events/${eventId}/agenda`;

    const read = await call('GET', path, undefined, VIEWER_KEY);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ eventId, start: '15:00', end: '18:30', agendaRevision: 0 });
    expect(read.json.items[1]).toMatchObject({
      id: 'talk-roles-under-new-laws',
      speakerId: 'professor-constitutional-law',
      speakerName: 'Pr. Hassan Alaoui',
    });

    const edit = { action: 'move', itemId: 'open-discussion', start: '17:20', end: '17:50' };
    expect((await call('POST', path, edit, VIEWER_KEY)).status).toBe(403);

    const moved = await call('POST', path, { ...edit, basedOnRevision: 0 });
    expect(moved.status).toBe(200);
    expect(moved.json.agendaRevision).toBe(1);
    expect(moved.json.items[4]).toMatchObject({ id: 'open-discussion', end: '17:50' });

    const unknownAction = await call('POST', path, { action: 'shuffle' });
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.json.problems[0].field).toBe('action');
    const overlap = await call('POST', path, {
      action: 'add',
      item: { id: 'lunch', kind: 'break', title: { fr: 'Déjeuner' }, start: '17:40', end: '18:00' },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.json.problems).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^agenda\.\d\.start$/) }),
    ]);
    const stale = await call('POST', path, { ...edit, end: '18:00', basedOnRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toMatch(/changed meanwhile/);
    expect((await call('GET', path)).json.agendaRevision).toBe(1);

    const openapi = (await call('GET', '/openapi.json')).json;
    expect(Object.keys(openapi.paths['/api/events/{eventId}/agenda'])).toEqual(['get', 'post']);
  });
});
