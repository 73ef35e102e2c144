import { DateTime } from 'luxon';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AssociationDirectory } from '../../stores/association-directory';
import { checkIn } from '../../domain/messages/attendance';
import { answerPartnerRequest } from '../../domain/messages/partner';
import { submitRsvp } from '../../domain/messages/registration';
import { answerSpeakerInvitation } from '../../domain/messages/speaker-slot';
import {
  addRecommendation,
  advancePhase,
  getTrainingDayStatus,
  type TrainingDayStatus,
} from '../../domain/messages/training-day';
import type { RecommendationInput } from '../../domain/follow-up';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { runCli } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually, messagesOf } from '../support/workflow-harness';
import { exampleAssociations, seedDefinition } from '../support/training-days';

const CLI_BUILT = resolve(__dirname, '..', '..', 'dist', 'client', 'cli', 'main.js');

/** The four recommendations the 2018 day came to (see shared/seed/README.md). */
const RECOMMENDATIONS: RecommendationInput[] = [
  {
    id: 'capacity-building',
    kind: 'capacity-building',
    text: {
      fr: 'Renforcer les capacités des responsables associatifs : montage de projets et procédures de candidature aux programmes',
    },
  },
  {
    id: 'institutional-coordination',
    kind: 'coordination',
    text: { fr: 'Coordonner institutions et associations, informer des appels à projets' },
  },
  {
    id: 'further-training',
    kind: 'further-training',
    text: { ar: 'تنظيم لقاءات ودورات تكوينية أخرى حول استراتيجية الدولة لتنمية الجمعيات' },
  },
  {
    id: 'networking-visits',
    kind: 'networking-visits',
    text: { fr: 'Mettre les associations en réseau et organiser des visites d’échange' },
  },
];

describe('the seed day, end to end on the real Temporal server', () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(CLI_BUILT))
      throw new Error('run `npm run build` before this test (it runs the CLI)');
    stack = await startTestStack('seed-day');
    dir = mkdtempSync(join(tmpdir(), 'multaqa-seed-day-'));
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the Safi day: partners, speakers, 40 associations invited, RSVPs, check-ins, closing, recommendations', async () => {
    const { client } = stack.temporal;
    const associations = exampleAssociations();
    expect(associations).toHaveLength(40);
    await new AssociationDirectory(stack.redis.redis, stack.config.REDIS_PREFIX).upsert(
      associations,
    );

    // The 2018 day, held 30 days from now.
    const eventId = uniqueId('safi');
    const seed = seedDefinition();
    const date = DateTime.now().setZone(seed.timeZone).plus({ days: 30 });
    const file = join(dir, 'safi.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...seed,
        id: eventId,
        date: date.toISODate(),
        rsvpDeadline: date.minus({ days: 3 }).toISODate(),
      }),
    );
    const created = await runCli(['event', 'create', '--file', file, '--json'], stack.env);
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ eventId });

    const day = client.workflow.getHandle(workflowIds.trainingDay(eventId));
    const status = (predicate: (s: TrainingDayStatus) => boolean, what: string) =>
      eventually(() => day.query(getTrainingDayStatus), predicate, what, 30_000);
    const started = (id: string) =>
      eventually(
        () => client.workflow.getHandle(id).describe(),
        () => true,
      );

    // Partners: both institutions confirm what they bring.
    for (const partnerId of ['ads-marrakech-safi', 'province-safi-social-action']) {
      const partner = client.workflow.getHandle(workflowIds.partner(eventId, partnerId));
      await started(partner.workflowId);
      await partner.executeUpdate(answerPartnerRequest, {
        args: [{ answer: 'confirm', contributions: ['speaker', 'outreach'] }],
      });
    }
    await stack.smtp.waitFor(
      (all) =>
        messagesOf(all, 'partner-request').filter(
          (m) => m.parsed.headers.get('x-multaqa-event') === eventId,
        ).length === 2,
    );

    // Speakers: the three talks are confirmed.
    for (const item of ['talk-roles-under-new-laws', 'talk-ads-strategy', 'talk-indh-results']) {
      const slot = client.workflow.getHandle(workflowIds.speakerSlot(eventId, item));
      await started(slot.workflowId);
      await slot.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    }

    // Invitations: the 40 associations of Safi and Youssoufia, in their language.
    const open = await status(
      (s) => s.phase === 'invitations-open' && s.registration.shards > 0,
      'invitations open',
    );
    expect(open.registration.invited).toBe(40);
    const ofEvent = () =>
      stack.smtp.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
      );
    await stack.smtp.waitFor(
      () => messagesOf(ofEvent(), 'association-invitation').length === 40,
      60_000,
    );
    for (const association of associations)
      expect(messagesOf(ofEvent(), 'association-invitation', association.email)).toHaveLength(1);
    const arabic = messagesOf(ofEvent(), 'association-invitation', associations[0]!.email)[0]!;
    expect(arabic.parsed.headers.get('content-language')).toBe(associations[0]!.preferredLanguage);

    // The Web UI and list() find the day by phase, organiser and date.
    await eventually(
      async () => {
        const found: string[] = [];
        for await (const execution of client.workflow.list({
          query: `MultaqaEventId = '${eventId}' AND MultaqaPhase = 'invitations-open' AND MultaqaEventDate > '${new Date().toISOString()}'`,
        }))
          found.push(execution.workflowId);
        return found;
      },
      (found) => found.includes(day.workflowId),
      'list() by phase',
      20_000,
    );

    // RSVPs: thirty accept, six decline, four do not answer.
    const shards = open.registration.shards;
    const rsvp = (associationId: string, response: 'accept' | 'decline', seats = 2) =>
      client.workflow
        .getHandle(workflowIds.invitationShard(eventId, shardOf(associationId, shards)))
        .executeUpdate(submitRsvp, {
          args: [
            response === 'accept'
              ? { response, associationId, seats, channel: 'link' }
              : { response, associationId, channel: 'link' },
          ],
        });
    const accepting = associations.slice(0, 30);
    for (const [index, association] of accepting.entries())
      expect(await rsvp(association.id, 'accept', 1 + (index % 3))).toMatchObject({
        status: 'accepted',
      });
    for (const association of associations.slice(30, 36)) await rsvp(association.id, 'decline');
    await stack.smtp.waitFor(() => messagesOf(ofEvent(), 'rsvp-confirmation').length === 30);

    // The day: registration closes, the doors open, associations check in.
    await day.executeUpdate(advancePhase, { args: [{ to: 'registration-closed' }] });
    await day.executeUpdate(advancePhase, { args: [{ to: 'in-progress' }] });
    const door = client.workflow.getHandle(workflowIds.attendance(eventId));
    for (const association of accepting.slice(0, 24))
      await door.executeUpdate(checkIn, {
        args: [{ associationId: association.id, attendees: 2, method: 'token' }],
      });
    const twice = await door.executeUpdate(checkIn, {
      args: [{ associationId: accepting[0]!.id, attendees: 2, method: 'coordinator' }],
    });
    expect(twice.counted).toBe(false);
    await door.executeUpdate(checkIn, {
      args: [
        {
          associationId: 'cooperative-tisserands-safi',
          attendees: 1,
          method: 'walk-in',
          walkIn: {
            name: 'Coopérative des tisserands de Safi',
            province: 'Safi',
            sector: 'crafts',
          },
        },
      ],
    });

    // Recommendations of the day, then the day closes.
    for (const recommendation of RECOMMENDATIONS)
      await day.executeUpdate(addRecommendation, { args: [recommendation] });
    expect(await day.executeUpdate(advancePhase, { args: [{ to: 'closed' }] })).toBe('closed');
    const closed = await status((s) => s.summary?.attended === 25, 'closing summary');
    expect(closed.summary).toMatchObject({
      invited: 40,
      accepted: 30,
      declined: 6,
      waitlisted: 0,
      noAnswer: 4,
      attended: 25,
      walkIns: 1,
      recommendations: 4,
    });
    expect(Object.keys(closed.summary!.byProvince).sort()).toEqual(['Safi', 'Youssoufia']);

    // What the coordinator reads: `multaqa event status <id> --json`.
    const cliStatus = await eventually(
      async () => {
        const result = await runCli(['event', 'status', eventId, '--json'], stack.env);
        if (result.code !== 0) throw new Error(result.stderr);
        return JSON.parse(result.stdout) as TrainingDayStatus;
      },
      (read) => read.phase === 'closed' && read.attendance.checkedIn === 25,
      'event status --json',
      30_000,
    );
    expect(cliStatus.partners.map((partner) => [partner.partnerId, partner.status])).toEqual([
      ['ads-marrakech-safi', 'confirmed'],
      ['province-safi-social-action', 'confirmed'],
    ]);
    expect(cliStatus.speakers.map((speaker) => speaker.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
    expect(cliStatus.registration).toMatchObject({
      invited: 40,
      accepted: 30,
      declined: 6,
      waitlisted: 0,
      pending: 4,
    });
    expect(cliStatus.attendance).toMatchObject({ checkedIn: 25, walkIns: 1 });
    expect(cliStatus.recommendations.map((recommendation) => recommendation.id)).toEqual(
      RECOMMENDATIONS.map((recommendation) => recommendation.id),
    );

    // Follow-up: one follow-up per recommendation.
    expect(await day.executeUpdate(advancePhase, { args: [{ to: 'following-up' }] })).toBe(
      'following-up',
    );
    const following = await status((s) => s.followUps.length === 4, 'follow-ups started');
    for (const followUp of following.followUps) await started(followUp.workflowId);
  });
});
