import { Redis } from 'ioredis';
import { editAgenda } from '../../client/use-cases/agenda-changes';
import type { Connections } from '../../client/connections';
import { buildTrainingDayReport } from '../../client/use-cases/report';
import { rescheduleDay } from '../../client/use-cases/training-day-changes';
import { answerSpeakerInvitation, replaceSpeaker } from '../../domain/messages/speaker-slot';
import { instantToLocal } from '../../domain/schedule';
import { workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  openRegistrationDay,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, speakersOnly } from '../support/training-days';

const STAND_IN = 'stand-in@university.example.org';

describe('agenda edits by coordinators', () => {
  let harness: WorkflowHarness;
  let connections: Connections;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-agenda');
    // The use-case modules ask the workflow (live reads): Redis is never reached here.
    connections = {
      config: harness.config,
      temporal: harness.client,
      redis: new Redis({ lazyConnect: true }),
    };
  });
  afterEach(async () => {
    connections?.redis.disconnect();
    await harness?.stop();
  });

  const ofEvent = (eventId: string) =>
    harness.smtp.messages.filter(
      (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
    );

  it('a replaced speaker stays the slot speaker after an agenda edit, in the status and the report', async () => {
    const eventId = uniqueId('agenda-keeps-stand-in');
    const plan = planFor(await harness.nowMs(), eventId, speakersOnly());
    await harness.startDay(plan);
    const slotId = 'talk-roles-under-new-laws';
    const slot = harness.client.workflow.getHandle(workflowIds.speakerSlot(eventId, slotId));
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation').length === 2,
    );
    await slot.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'decline' }] });
    await slot.executeUpdate(replaceSpeaker, {
      args: [
        {
          speaker: {
            id: 'stand-in-professor',
            name: 'Pr. Amina Berrada',
            email: STAND_IN,
            language: 'fr',
          },
        },
      ],
    });
    await slot.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    await harness.waitForStatus(eventId, (s) =>
      s.speakers.some(
        (view) => view.speakerId === 'stand-in-professor' && view.status === 'confirmed',
      ),
    );

    const view = await editAgenda(connections, eventId, {
      action: 'edit',
      itemId: slotId,
      title: { fr: 'Les associations et les nouvelles lois' },
    });
    expect(view.agendaRevision).toBe(1);
    expect(view.items.find((item) => item.id === slotId)).toMatchObject({
      speakerId: 'stand-in-professor',
      speakerName: 'Pr. Amina Berrada',
      speakerStatus: 'confirmed',
      title: { fr: 'Les associations et les nouvelles lois' },
    });
    await editAgenda(connections, eventId, {
      action: 'move',
      itemId: slotId,
      start: '15:25',
      end: '16:00',
    });

    const expected = {
      agendaItemId: slotId,
      speakerId: 'stand-in-professor',
      status: 'confirmed',
      previousSpeakerIds: ['professor-constitutional-law'],
    };
    const status = await harness.status(eventId);
    expect(status.speakers.find((s) => s.agendaItemId === slotId)).toMatchObject(expected);
    const report = await buildTrainingDayReport({ temporal: harness.client }, eventId);
    expect(report.speakers.map((speaker) => [speaker.name, speaker.status])).toContainEqual([
      'Pr. Amina Berrada',
      'confirmed',
    ]);
    expect(report.speakers.map((speaker) => speaker.name)).not.toContain(
      speakersOnly().speakers[0]!.name,
    );
    // The stand-in is told of the new time once the edits are quiet; the one who declined, never.
    await harness.env.sleep('11 minutes');
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-agenda-change', STAND_IN).length === 1,
    );
    expect(messagesOf(ofEvent(eventId), 'speaker-agenda-change')).toHaveLength(1);
    expect(
      (await harness.status(eventId)).speakers.find((s) => s.agendaItemId === slotId),
    ).toMatchObject(expected);
  });

  it('registered associations get one programme-change notice per quiet period, with the new programme', async () => {
    const eventId = uniqueId('programme-change');
    const { rsvp, associations } = await openRegistrationDay(harness, eventId, 4, 3);
    const [seated, waiting, declined, silent] = associations.map((association) => association.id);
    await rsvp({ response: 'accept', associationId: seated!, seats: 3 });
    expect(await rsvp({ response: 'accept', associationId: waiting!, seats: 1 })).toMatchObject({
      status: 'waitlisted',
    });
    await rsvp({ response: 'decline', associationId: declined! });

    // Three edits in a row: one notice after the quiet period that follows the last.
    await editAgenda(connections, eventId, {
      action: 'move',
      itemId: 'open-discussion',
      start: '15:40',
      end: '18:10',
    });
    await editAgenda(connections, eventId, {
      action: 'add',
      item: {
        id: 'coffee-break',
        kind: 'break',
        title: { fr: 'Pause café', ar: 'استراحة شاي' },
        start: '15:20',
        end: '15:40',
      },
    });
    await editAgenda(connections, eventId, {
      action: 'edit',
      itemId: 'coffee-break',
      title: { fr: 'Pause café et réseautage' },
    });
    await harness.env.sleep('11 minutes');
    await harness.smtp.waitFor(() => messagesOf(ofEvent(eventId), 'programme-change').length === 2);
    await harness.env.sleep('30 minutes');
    await new Promise((settle) => setTimeout(settle, 500));
    const notices = messagesOf(ofEvent(eventId), 'programme-change');
    expect(notices).toHaveLength(2);
    const [toSeated] = messagesOf(notices, 'programme-change', `${seated}@example.org`);
    expect(toSeated?.parsed.headers.get('content-language')).toBe('fr');
    expect(toSeated?.parsed.subject).toContain('Programme modifié');
    expect(toSeated?.parsed.text).toContain('Pause café et réseautage');
    expect(toSeated?.parsed.text).toMatch(/15:40/);
    expect(toSeated?.parsed.text).toContain('3 participants');
    const [toWaiting] = messagesOf(notices, 'programme-change', `${waiting}@example.org`);
    expect(toWaiting?.parsed.headers.get('content-language')).toBe('ar');
    expect(toWaiting?.parsed.text).toContain('لائحة الانتظار');
    for (const id of [declined, silent])
      expect(messagesOf(notices, 'programme-change', `${id}@example.org`)).toHaveLength(0);

    // A later edit is a new notice (its own message identity); the same edit twice is not.
    await editAgenda(connections, eventId, { action: 'remove', itemId: 'coffee-break' });
    await harness.env.sleep('11 minutes');
    await harness.smtp.waitFor(() => messagesOf(ofEvent(eventId), 'programme-change').length === 4);
    const ids = messagesOf(ofEvent(eventId), 'programme-change').map(
      (message) => message.parsed.messageId,
    );
    expect(new Set(ids).size).toBe(4);
  });

  it('a reschedule to other hours moves the agenda with the day, unless a new agenda is given', async () => {
    const eventId = uniqueId('reschedule-moves-agenda');
    const plan = planFor(await harness.nowMs(), eventId, speakersOnly());
    await harness.startDay(plan);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation').length === 2,
    );
    const before = await harness.status(eventId);
    const date = plan.definition.date;

    // Morning instead of afternoon (15:00–18:30 → 09:00–12:30): the agenda comes along.
    await rescheduleDay(connections, eventId, { date, start: '09:00', end: '12:30' });
    const moved = await harness.status(eventId);
    expect(moved.agenda.map((item) => [item.id, item.start, item.end])).toEqual(
      before.agenda.map((item) => [
        item.id,
        `${String(Number(item.start.slice(0, 2)) - 6).padStart(2, '0')}${item.start.slice(2)}`,
        `${String(Number(item.end.slice(0, 2)) - 6).padStart(2, '0')}${item.end.slice(2)}`,
      ]),
    );
    expect(instantToLocal(moved.startsAt, moved.timeZone)).toEqual({ date, time: '09:00' });
    expect(moved.speakers.map((slot) => slot.title)).toEqual(before.speakers.map((s) => s.title));

    // A shorter day the agenda cannot move into is refused, naming the agenda.
    await expect(
      rescheduleDay(connections, eventId, { date, start: '09:00', end: '10:00' }),
    ).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({
          field: 'agenda',
          message: expect.stringMatching(/"open-discussion"/),
        }),
      ]),
    });
    // ... unless a new agenda for those hours comes with it.
    const shorter = moved.agenda.map((item, index) => ({
      ...item,
      start: `09:${String(index * 12).padStart(2, '0')}`,
      end: `09:${String(index * 12 + 12).padStart(2, '0')}`,
    }));
    await rescheduleDay(connections, eventId, {
      date,
      start: '09:00',
      end: '10:00',
      agenda: shorter,
    });
    const given = await harness.status(eventId);
    expect(given.agenda).toEqual(shorter);
    expect(given.revision).toBe(2);
  });
});
