import { z } from 'zod';
import { ApiKeys } from '../../client/http/api-keys';
import { errorAnswer } from '../../client/http/http-errors';
import { rsvpPage, noticePage, escapeHtml } from '../../client/http/link-pages/link-pages';
import { LINK_PAGE_TEXT, text } from '../../client/http/link-pages/link-page-text';
import { withLocalTimes } from '../../client/http/local-times';
import { buildOpenApiDocument } from '../../client/http/openapi';
import { temporalUiUrl } from '../../client/http/temporal-ui-links';
import { ValidationError } from '../../client/validation';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import type { TrainingDayStatus } from '../../domain/messages/training-day';

describe('API keys', () => {
  const keys = new ApiKeys('coordinator:coord-0123456789abcdef,viewer:view-0123456789abcdef');

  it('knows the role of each configured key, and nothing of others', () => {
    expect(keys.roleOf('coord-0123456789abcdef')).toBe('coordinator');
    expect(keys.roleOf('view-0123456789abcdef')).toBe('viewer');
    expect(keys.roleOf('view-0123456789abcdeF')).toBeUndefined();
    expect(keys.roleOf('')).toBeUndefined();
    expect(keys.configured).toBe(true);
  });

  it('has no keys when none are configured', () => {
    const none = new ApiKeys(undefined);
    expect(none.configured).toBe(false);
    expect(none.roleOf('anything')).toBeUndefined();
  });
});

describe('errors as HTTP answers', () => {
  it('answers 400 naming every field of a validation error', () => {
    const answer = errorAnswer(
      new ValidationError([
        { field: 'seats', message: 'at least one seat' },
        { field: 'associationId', message: 'must be a lower-case slug' },
      ]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.problems?.map((problem) => problem.field)).toEqual([
      'seats',
      'associationId',
    ]);
  });

  it.each([
    [ErrorCodes.notFound, 404],
    [ErrorCodes.wrongPhase, 409],
    [ErrorCodes.deadlinePassed, 409],
    [ErrorCodes.unauthorized, 401],
    [ErrorCodes.forbidden, 403],
    [ErrorCodes.expiredLink, 410],
  ] as const)('maps %s to %i', (code, status) => {
    expect(errorAnswer(new MultaqaError(code, 'x')).status).toBe(status);
  });

  it('hides the details of unexpected failures behind a 500', () => {
    const answer = errorAnswer(new Error('connection string redis://secret@host'));
    expect(answer).toEqual({ status: 500, body: { error: 'Internal', message: 'internal error' } });
  });
});

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(
    [
      {
        method: 'POST',
        url: '/api/events/:eventId/rsvps',
        summary: 'Record an RSVP',
        tag: 'registration',
        access: 'coordinator',
        params: z.object({ eventId: z.string() }),
        body: z.object({ associationId: z.string(), seats: z.number().int().min(1).default(1) }),
        responses: { 200: { description: 'outcome' } },
      },
      {
        method: 'GET',
        url: '/links/rsvp/:token',
        summary: 'RSVP page',
        tag: 'public links',
        access: 'public',
        params: z.object({ token: z.string() }),
        responses: { 200: { description: 'page', mediaType: 'text/html' } },
      },
      {
        method: 'GET',
        url: '/dashboard',
        summary: 'hidden',
        tag: 'dashboard',
        access: 'public',
        hidden: true,
        responses: { 200: { description: 'page' } },
      },
    ],
    { title: 'multaqa', version: '1' },
  ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('writes OpenAPI paths, parameters and request schemas from the routes', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/api/events/{eventId}/rsvps',
      '/links/rsvp/{token}',
    ]);
    const rsvp = document.paths['/api/events/{eventId}/rsvps'].post;
    expect(rsvp.parameters).toEqual([
      expect.objectContaining({ name: 'eventId', in: 'path', required: true }),
    ]);
    const schema = rsvp.requestBody.content['application/json'].schema;
    expect(schema.properties.seats).toMatchObject({ type: 'integer', minimum: 1 });
    expect(schema.required).toEqual(['associationId']);
    expect(Object.keys(rsvp.responses).sort()).toEqual(['200', '400', '401', '403']);
  });

  it('marks public routes as needing no key', () => {
    const page = document.paths['/links/rsvp/{token}'].get;
    expect(page.security).toEqual([]);
    expect(page.responses['200'].content).toHaveProperty('text/html');
    expect(page.responses).not.toHaveProperty('401');
  });

  it('serialises to JSON', () => {
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });
});

describe('public link pages', () => {
  const event = {
    title: 'يوم تكويني <script>',
    startsAt: '2026-12-18T14:00:00Z',
    endsAt: '2026-12-18T17:30:00Z',
    timeZone: 'Africa/Casablanca',
    associationName: 'Association "A&B"',
  };

  it('writes Arabic pages right to left, escaping what comes from data', () => {
    const html = rsvpPage('ar', event, { action: '/links/rsvp/abc', maxSeats: 3 });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('يوم تكويني &lt;script&gt;');
    expect(html).toContain('Association &quot;A&amp;B&quot;');
    expect(html).toContain('max="3"');
    expect(html).toContain('method="post"');
    expect(html).not.toContain('<script>');
  });

  it('writes French and English pages left to right', () => {
    expect(noticePage('fr', 'Invitation', 'Merci')).toContain('<html lang="fr" dir="ltr">');
    expect(noticePage('en', 'Invitation', 'Thanks', { error: true })).toContain('notice error');
  });

  it('gives the day in the event time zone, in the reader language, as the emails write it', () => {
    const html = rsvpPage('fr', event, { action: '/links/rsvp/abc', maxSeats: 3 });
    expect(html).toContain('vendredi 18 décembre 2026');
    expect(html).toContain('<bdi>15:00–18:30</bdi> (<bdi>UTC+1</bdi>)');
  });

  it('has every text in Arabic, French and English, and fills placeholders', () => {
    for (const [key, translations] of Object.entries(LINK_PAGE_TEXT))
      for (const language of ['ar', 'fr', 'en'] as const)
        expect({ key, language, text: translations[language].trim().length > 0 }).toEqual({
          key,
          language,
          text: true,
        });
    expect(text('en', 'waitlisted', { position: 4 })).toContain('number 4');
    expect(escapeHtml(`<a href="x">'`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;');
  });
});

describe('times shown on the dashboard', () => {
  it('are wall-clock times of the event zone, computed on the server', () => {
    const status = {
      timeZone: 'Africa/Casablanca',
      startsAt: '2026-12-18T14:00:00Z',
      endsAt: '2026-12-18T17:30:00Z',
      rsvpDeadlineAt: '2026-12-16T22:59:00Z',
      phaseHistory: [{ phase: 'draft', at: '2026-11-01T09:00:00Z' }],
      followUps: [{ recommendationId: 'r1', dueAt: '2027-01-31T23:00:00Z' }],
    } as unknown as TrainingDayStatus;
    expect(withLocalTimes(status).local).toEqual({
      startsAt: '2026-12-18T15:00',
      endsAt: '2026-12-18T18:30',
      rsvpDeadlineAt: '2026-12-16T23:59',
      phases: { draft: '2026-11-01T10:00' },
      followUpsDue: { r1: '2027-02-01T00:00' },
    });
  });

  it('link to workflows in the Temporal Web UI with the id escaped', () => {
    expect(
      temporalUiUrl(
        { TEMPORAL_UI_URL: 'http://127.0.0.1:8233/', TEMPORAL_NAMESPACE: 'default' },
        'training-day/safi-2018-11-23/partner/ads',
      ),
    ).toBe(
      'http://127.0.0.1:8233/namespaces/default/workflows/training-day%2Fsafi-2018-11-23%2Fpartner%2Fads',
    );
  });
});
