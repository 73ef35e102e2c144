import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signLink, type LinkPurpose } from '../../mail/signed-links';
import { importAssociations } from '../../client/use-cases/import-associations';
import { startHttpServer } from '../../client/http/server';
import { findInvitee } from '../../client/use-cases/registrations';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/use-cases/training-days';
import { shardOf } from '../../domain/workflow-ids';
import { startTestStack, TEST_LINK_SECRET, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually } from '../support/workflow-harness';

// Issue 9, point 6: link pages in Arabic and French, over HTTP, speak the reader's words:
// no developer text, raw status or UTC time; plural rules; forms only when they can be used.

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
/** Words a reader must never see on a link page. */
const NOT_FOR_READERS =
  /accepted \(|waitlisted \(|\d{4}-\d\d-\d\dT\d\d|place\(s\)|مقعد\(مقاعد\)|at most|opens at|is not invited/;
const FRENCH = 'potiers-safi';
const ARABIC = 'tujjar-souk-safi';

describe('link pages in the reader’s words (issue 9)', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  let eventId: string;
  let shards: number;
  let generation: number | undefined;

  beforeAll(async () => {
    stack = await startTestStack('http-link-words');
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      host: '127.0.0.1',
      port: 0,
    });
    const connections = {
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
    };
    await importAssociations({ redis: stack.redis.redis, config: stack.config }, CSV);
    eventId = uniqueId('link-words');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    ({ generation } = (
      await createTrainingDay(connections, { ...SEED, id: eventId }, { date })
    ).plan);
    await eventually(
      () => advanceDay(connections, eventId, { to: 'invitations-open', reason: 'test' }),
      () => true,
      'condition',
      30_000,
    );
    const { status } = await eventually(
      () => readStatus(connections, eventId, { live: true }),
      ({ status: live }) => live.registration.shards > 0 && live.registration.invited > 0,
      'condition',
      30_000,
    );
    shards = status.registration.shards;
    for (const associationId of [FRENCH, ARABIC])
      await eventually(
        () =>
          findInvitee(connections, eventId, associationId, {
            shard: shardOf(associationId, shards),
          }),
        (invitee) => invitee.status === 'invited',
        'condition',
        30_000,
      );
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  const linkOf = (purpose: LinkPurpose, associationId: string) =>
    `${server.url}/links/${purpose}/${signLink(
      {
        purpose,
        eventId,
        associationId,
        shard: shardOf(associationId, shards),
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
        // Links are bound to the day's run (issue 14): sign with its generation.
        generation,
      },
      TEST_LINK_SECRET,
    )}`;
  const post = (url: string, body: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  it('in French: place and zone, plural seats, and the answer and seats kept when reopened', async () => {
    const rsvp = linkOf('rsvp', FRENCH);
    const page = await (await fetch(rsvp)).text();
    expect(page).toContain('<dt>Lieu</dt>');
    expect(page).toContain('Annexe de la CCIS à Safi');
    expect(page).toContain('<bdi>15:00–18:30</bdi> (<bdi>UTC+1</bdi>)');
    const posted = await post(rsvp, 'response=accept&seats=2');
    expect(posted.status).toBe(200);
    const said = await posted.text();
    expect(said).toContain('Votre participation est confirmée pour <bdi>2 participants</bdi>.');
    expect(said).not.toMatch(NOT_FOR_READERS);
    const reopened = await (await fetch(rsvp)).text();
    expect(reopened).toContain('Votre association est inscrite pour <bdi>2 participants</bdi>.');
    expect(reopened).toMatch(/name="seats"[^>]*value="2"/);
    expect(reopened).not.toMatch(NOT_FOR_READERS);
  });

  it('in Arabic: Arabic plural forms, and a refusal said in Arabic with the day’s limit', async () => {
    const rsvp = linkOf('rsvp', ARABIC);
    const tooMany = await post(rsvp, 'response=accept&seats=9');
    expect(tooMany.status).toBe(400);
    const refusal = await tooMany.text();
    expect(refusal).toContain('يجب أن يكون عدد المشاركين بين 1 و<bdi>3</bdi>.');
    expect(refusal).not.toMatch(NOT_FOR_READERS);

    const posted = await (await post(rsvp, 'response=accept&seats=3')).text();
    expect(posted).toContain('<bdi>3 مشاركين</bdi>');
    const reopened = await (await fetch(rsvp)).text();
    expect(reopened).toContain('dir="rtl"');
    expect(reopened).toContain('جمعيتكم مسجلة لفائدة <bdi>3 مشاركين</bdi>.');
    expect(reopened).toMatch(/name="seats"[^>]*value="3"/);
    expect(reopened).not.toMatch(NOT_FOR_READERS);
  });

  it('offers no check-in or survey form weeks before the day, says when each opens, in local time', async () => {
    for (const [associationId, opensCheckIn, opensSurvey] of [
      [
        FRENCH,
        /L&#39;enregistrement à l&#39;accueil ouvre le <bdi>[^<]+<\/bdi> à <bdi>14:00<\/bdi> \(<bdi>UTC\+1<\/bdi>\)/,
        /Le questionnaire ouvre à la fin de la journée, le <bdi>[^<]+<\/bdi> à <bdi>18:30<\/bdi>/,
      ],
      [
        ARABIC,
        /يفتح تسجيل الحضور يوم <bdi>[^<]+<\/bdi> على الساعة <bdi>14:00<\/bdi>/,
        /يفتح الاستبيان في نهاية اليوم التكويني، يوم <bdi>[^<]+<\/bdi> على الساعة <bdi>18:30<\/bdi>/,
      ],
    ] as const) {
      const checkIn = await (await fetch(linkOf('check-in', associationId))).text();
      expect(checkIn).not.toContain('<form');
      expect(checkIn).toMatch(opensCheckIn);
      const survey = await (await fetch(linkOf('survey', associationId))).text();
      expect(survey).not.toContain('<form');
      expect(survey).toMatch(opensSurvey);
      // A post made anyway (an old page, a script) is refused in the same words.
      const refused = await post(linkOf('check-in', associationId), 'attendees=1');
      expect(refused.status).toBe(409);
      const said = await refused.text();
      expect(said).toMatch(opensCheckIn);
      for (const html of [checkIn, survey, said]) expect(html).not.toMatch(NOT_FOR_READERS);
    }
  });
});
