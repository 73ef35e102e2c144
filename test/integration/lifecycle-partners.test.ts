import { WorkflowUpdateFailedError } from '@temporalio/client';
import { answerPartnerRequest } from '../../domain/messages/partner';
import { advancePhase } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, seedDefinition } from '../support/training-days';

const COORDINATOR = 'coordination@ccis-safi.example.org';
const ADS = 'coordination@ads-marrakech-safi.example.org';
const PROVINCE = 'action-sociale@province-safi.example.org';

/** The seed's partners, with an agenda that has no talks (no speakers to book). */
function partnersOnly() {
  const seed = seedDefinition();
  return {
    speakers: [],
    agenda: [seed.agenda[0]!, { ...seed.agenda[4]!, start: '15:20' }],
    reminders: {
      partnerReminderHours: 72,
      partnerReminders: 2,
      speakerAnswerHours: 120,
      speakerReminderHoursBefore: 48,
      rsvpReminderHoursBefore: 72,
      attendeeReminderHoursBefore: 24,
      agendaChangeQuietMinutes: 10,
    },
  };
}

describe('partner coordination', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-partners');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it('reminds a partner who never answers on schedule, then escalates to the coordinator', async () => {
    const eventId = uniqueId('silent-partner');
    const plan = planFor(await harness.nowMs(), eventId, partnersOnly());
    await harness.startDay(plan);
    await harness.smtp.waitFor((all) => messagesOf(all, 'partner-request', PROVINCE).length === 1);
    // ADS answers at once; the province stays silent.
    const ads = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'ads-marrakech-safi'),
    );
    await ads.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'confirm', contributions: ['speaker', 'outreach'] }],
    });

    await harness.env.sleep('71 hours');
    expect(messagesOf(harness.smtp.messages, 'partner-reminder', PROVINCE)).toHaveLength(0);
    await harness.env.sleep('2 hours');
    await harness.smtp.waitFor((all) => messagesOf(all, 'partner-reminder', PROVINCE).length === 1);
    await harness.env.sleep('72 hours');
    await harness.smtp.waitFor((all) => messagesOf(all, 'partner-reminder', PROVINCE).length === 2);
    expect(messagesOf(harness.smtp.messages, 'partner-escalation')).toHaveLength(0);
    await harness.env.sleep('72 hours');
    await harness.smtp.waitFor(
      (all) => messagesOf(all, 'partner-escalation', COORDINATOR).length === 1,
    );

    const status = await harness.waitForStatus(eventId, (s) =>
      s.partners.some(
        (p) => p.partnerId === 'province-safi-social-action' && p.status === 'escalated',
      ),
    );
    const province = status.partners.find((p) => p.partnerId === 'province-safi-social-action')!;
    expect(province.remindersSent).toBe(2);
    expect(status.partners.find((p) => p.partnerId === 'ads-marrakech-safi')!.status).toBe(
      'confirmed',
    );
    // Every partner answered or was escalated: coordination is over.
    expect(status.phaseHistory.map((change) => change.phase)).toContain('booking-speakers');
    // The partner who answered was never reminded; each message went once.
    expect(messagesOf(harness.smtp.messages, 'partner-reminder', ADS)).toHaveLength(0);
    expect(messagesOf(harness.smtp.messages, 'partner-request', PROVINCE)).toHaveLength(1);
    expect(messagesOf(harness.smtp.messages, 'partner-escalation')).toHaveLength(1);
  });

  it('flags the contributions of a partner who declines for the coordinator to reassign', async () => {
    const eventId = uniqueId('declining-partner');
    const plan = planFor(await harness.nowMs(), eventId, partnersOnly());
    await harness.startDay(plan);
    const province = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'province-safi-social-action'),
    );
    const ads = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'ads-marrakech-safi'),
    );
    await harness.waitForWorkflow(province.workflowId);
    await harness.waitForWorkflow(ads.workflowId);
    const declined = await province.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'decline', note: 'no staff available that week' }],
    });
    expect(declined.status).toBe('declined');
    expect(declined.toReassign).toEqual(['speaker', 'outreach']);
    // A partial confirmation leaves the rest to reassign too.
    const partial = await ads.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'confirm', contributions: ['outreach', 'venue'] }],
    });
    expect(partial.confirmedContributions).toEqual(['outreach', 'venue']);
    expect(partial.toReassign).toEqual(['speaker']);

    await harness.smtp.waitFor((all) =>
      messagesOf(all, 'partner-declined', COORDINATOR).some(
        (m) => m.parsed.headers.get('x-multaqa-event') === eventId,
      ),
    );
    const status = await harness.waitForStatus(
      eventId,
      (s) =>
        s.partners.every((p) => p.status === 'declined' || p.status === 'confirmed') &&
        s.phase !== 'coordinating-partners',
    );
    expect(
      status.partners.find((p) => p.partnerId === 'province-safi-social-action')!.toReassign,
    ).toEqual(['speaker', 'outreach']);
  });

  it('names a declining partner to the coordinator, quotes its note as its own, and flags the slot of the speaker it was to provide (issue 9)', async () => {
    const eventId = uniqueId('declined-speaker-partner');
    await harness.startDay(planFor(await harness.nowMs(), eventId));
    const province = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'province-safi-social-action'),
    );
    await harness.waitForWorkflow(province.workflowId);
    await province.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'decline', note: 'Pas de formateur disponible cette semaine' }],
    });
    const ofEvent = (all: typeof harness.smtp.messages) =>
      messagesOf(all, 'partner-declined', COORDINATOR).filter(
        (m) => m.parsed.headers.get('x-multaqa-event') === eventId,
      );
    const notices = ofEvent(await harness.smtp.waitFor((all) => ofEvent(all).length === 1));
    // The values are wrapped in direction isolates; read the text as a person does.
    const text = (notices[0]!.parsed.text ?? '').replace(/[\u2066-\u2069]/g, '');
    expect(notices[0]!.parsed.subject).toContain(
      "Division de l'Action Sociale de la Province de Safi",
    );
    expect(text).toContain(
      "Division de l'Action Sociale de la Province de Safi a décliné la demande de partenariat",
    );
    expect(text).toContain("Message de Division de l'Action Sociale de la Province de Safi");
    expect(text).toContain('Pas de formateur disponible cette semaine');
    expect(text).not.toContain('Message de la coordination');

    const status = await harness.waitForStatus(eventId, (s) =>
      s.partners.some((p) => p.status === 'declined'),
    );
    expect(status.speakers.map((slot) => [slot.agendaItemId, slot.partnerDeclined])).toEqual([
      ['talk-roles-under-new-laws', undefined],
      ['talk-ads-strategy', undefined],
      ['talk-indh-results', 'province-safi-social-action'],
    ]);
  });

  it('refuses a second answer and an unknown contribution before they enter history', async () => {
    const eventId = uniqueId('answered-partner');
    await harness.startDay(planFor(await harness.nowMs(), eventId, partnersOnly()));
    const ads = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'ads-marrakech-safi'),
    );
    await harness.waitForWorkflow(ads.workflowId);
    await expect(
      ads.executeUpdate(answerPartnerRequest, {
        args: [{ answer: 'confirm', contributions: ['catering' as 'venue'] }],
      }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    await ads.executeUpdate(answerPartnerRequest, { args: [{ answer: 'decline' }] });
    const second = ads.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'confirm', contributions: ['venue'] }],
    });
    await expect(second).rejects.toMatchObject({ cause: { type: 'AlreadyAnswered' } });
    const history = await ads.fetchHistory();
    const accepted = history.events!.filter(
      (event) => event.workflowExecutionUpdateAcceptedEventAttributes,
    );
    expect(accepted).toHaveLength(1);
  });

  it('a day started as a draft asks no one until the coordinator moves it on', async () => {
    const eventId = uniqueId('draft');
    const plan = planFor(await harness.nowMs(), eventId, partnersOnly(), { startAsDraft: true });
    const day = await harness.startDay(plan);
    expect((await harness.waitForStatus(eventId, (s) => s.phase === 'draft')).partners).toEqual([
      expect.objectContaining({ partnerId: 'ads-marrakech-safi', status: 'pending' }),
      expect.objectContaining({ partnerId: 'province-safi-social-action', status: 'pending' }),
    ]);
    await harness.env.sleep('5 days');
    const ofEvent = () =>
      harness.smtp.messages.filter((m) => m.parsed.headers.get('x-multaqa-event') === eventId);
    expect(ofEvent()).toHaveLength(0);
    await expect(
      day.executeUpdate(advancePhase, { args: [{ to: 'closed' }] }),
    ).rejects.toMatchObject({ cause: { type: 'WrongPhase' } });
    expect(await day.executeUpdate(advancePhase, { args: [{ to: 'coordinating-partners' }] })).toBe(
      'coordinating-partners',
    );
    await harness.smtp.waitFor(() => messagesOf(ofEvent(), 'partner-request').length === 2);
  });
});
