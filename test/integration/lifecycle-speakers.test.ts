import type { AgendaItem } from '../../domain/agenda';
import { localToInstant } from '../../domain/schedule';
import {
  answerSpeakerInvitation,
  getSpeakerSlotView,
  replaceSpeaker,
} from '../../domain/messages/speaker-slot';
import { changeAgenda, type AgendaChangeCommand } from '../../domain/messages/training-day';
import type { TrainingDayPlan } from '../../domain/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, speakersOnly } from '../support/training-days';

const COORDINATOR = 'coordination@ccis-safi.example.org';
const PROFESSOR = 'h.alaoui@university.example.org';
const ADS_SPEAKER = 'l.bennani@ads-marrakech-safi.example.org';
const STAND_IN = 'stand-in@university.example.org';

function agendaCommand(plan: TrainingDayPlan, agenda: AgendaItem[]): AgendaChangeCommand {
  const { date, timeZone } = plan.definition;
  return {
    agenda,
    schedule: Object.fromEntries(
      agenda.map((item) => [
        item.id,
        {
          startsAt: localToInstant(date, item.start, timeZone),
          endsAt: localToInstant(date, item.end, timeZone),
        },
      ]),
    ),
  };
}

describe('speakers and agenda', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-speakers');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  const ofEvent = (eventId: string) =>
    harness.smtp.messages.filter(
      (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
    );

  it('a speaker who declines is replaced, the stand-in confirms, and is reminded before the day', async () => {
    const eventId = uniqueId('speaker-declines');
    const plan = planFor(await harness.nowMs(), eventId, speakersOnly());
    await harness.startDay(plan);
    const slot = harness.client.workflow.getHandle(
      workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
    );
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation', PROFESSOR).length === 1,
    );

    const declined = await slot.executeUpdate(answerSpeakerInvitation, {
      args: [{ answer: 'decline', note: 'abroad that week' }],
    });
    expect(declined).toMatchObject({ status: 'replacement-needed', replacementReason: 'declined' });
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-replacement-needed', COORDINATOR).length === 1,
    );

    const replaced = await slot.executeUpdate(replaceSpeaker, {
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
    expect(replaced).toMatchObject({
      status: 'invited',
      speakerId: 'stand-in-professor',
      previousSpeakerIds: ['professor-constitutional-law'],
    });
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation', STAND_IN).length === 1,
    );
    await slot.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-confirmation', STAND_IN).length === 1,
    );

    // The other talk confirms too: every slot is booked and invitations open by themselves.
    await harness.client.workflow
      .getHandle(workflowIds.speakerSlot(eventId, 'talk-ads-strategy'))
      .executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    const status = await harness.waitForStatus(eventId, (s) => s.phase === 'invitations-open');
    expect(status.speakers.map((s) => [s.agendaItemId, s.speakerId, s.status])).toEqual([
      ['talk-roles-under-new-laws', 'stand-in-professor', 'confirmed'],
      ['talk-ads-strategy', 'ads-provincial-coordinator', 'confirmed'],
    ]);

    // Reminded 48 hours before the day, not earlier; the speaker who declined, never.
    const untilReminder =
      Date.parse(plan.schedule.startsAt) - 48 * 3600_000 - (await harness.nowMs());
    await harness.env.sleep(untilReminder - 3600_000);
    expect(messagesOf(ofEvent(eventId), 'speaker-reminder')).toHaveLength(0);
    await harness.env.sleep(2 * 3600_000);
    await harness.smtp.waitFor(() => messagesOf(ofEvent(eventId), 'speaker-reminder').length === 2);
    expect(messagesOf(ofEvent(eventId), 'speaker-reminder', STAND_IN)).toHaveLength(1);
    expect(messagesOf(ofEvent(eventId), 'speaker-reminder', PROFESSOR)).toHaveLength(0);
  });

  it('a speaker who does not answer is reminded, then the coordinator is asked for a replacement', async () => {
    const eventId = uniqueId('speaker-silent');
    await harness.startDay(planFor(await harness.nowMs(), eventId, speakersOnly()));
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation').length === 2,
    );
    // Default policy: 120 hours to answer, a reminder half-way.
    await harness.env.sleep('61 hours');
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-reminder-to-answer').length === 2,
    );
    expect(messagesOf(ofEvent(eventId), 'speaker-replacement-needed')).toHaveLength(0);
    await harness.env.sleep('60 hours');
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-replacement-needed', COORDINATOR).length === 2,
    );
    const status = await harness.waitForStatus(eventId, (s) =>
      s.speakers.every((slot) => slot.status === 'replacement-needed'),
    );
    expect(status.speakers.map((slot) => slot.replacementReason)).toEqual([
      'no-answer',
      'no-answer',
    ]);
    expect(status.phase).toBe('booking-speakers');
  });

  it('several agenda edits in quick succession reach the affected speaker once, and no one else', async () => {
    const eventId = uniqueId('agenda-edits');
    const plan = planFor(await harness.nowMs(), eventId, speakersOnly());
    const day = await harness.startDay(plan);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-invitation').length === 2,
    );
    const agenda = plan.definition.agenda;
    const first = agenda[1]!;
    const edits: AgendaItem[][] = [
      [agenda[0]!, { ...first, end: '15:50' }, agenda[2]!, agenda[3]!],
      [agenda[0]!, { ...first, end: '15:45' }, agenda[2]!, agenda[3]!],
      [
        agenda[0]!,
        { ...first, end: '15:45', title: { fr: 'Les associations et les nouvelles lois' } },
        agenda[2]!,
        agenda[3]!,
      ],
    ];
    const revisions: number[] = [];
    for (const edit of edits) {
      const { revision } = await day.executeUpdate(changeAgenda, {
        args: [agendaCommand(plan, edit)],
      });
      revisions.push(revision);
    }
    expect(revisions).toEqual([1, 2, 3]);
    // Quiet period (10 minutes by default) after the last edit: one notice.
    await harness.env.sleep('11 minutes');
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'speaker-agenda-change').length >= 1,
    );
    await harness.env.sleep('30 minutes');
    await new Promise((wait) => setTimeout(wait, 500));
    expect(messagesOf(ofEvent(eventId), 'speaker-agenda-change', PROFESSOR)).toHaveLength(1);
    expect(messagesOf(ofEvent(eventId), 'speaker-agenda-change', ADS_SPEAKER)).toHaveLength(0);

    // An edit that puts a talk outside the day is refused, naming the field.
    await expect(
      day.executeUpdate(changeAgenda, {
        args: [
          agendaCommand(plan, [agenda[0]!, { ...first, end: '19:00' }, agenda[2]!, agenda[3]!]),
        ],
      }),
    ).rejects.toMatchObject({
      cause: { type: 'InvalidInput', message: expect.stringMatching(/after the day ends/) },
    });
    const view = await harness.client.workflow
      .getHandle(workflowIds.speakerSlot(eventId, first.id))
      .query(getSpeakerSlotView);
    expect(view.title).toEqual({ fr: 'Les associations et les nouvelles lois' });
  });
});
