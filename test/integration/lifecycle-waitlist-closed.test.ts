import { workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  openRegistrationDay,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';

describe('waiting list: those still waiting when the day starts are told no seat came free', () => {
  let harness: WorkflowHarness;
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-waitlist-closed');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it('sends one waitlist-closed notice, in their language, to each association still waiting', async () => {
    const eventId = uniqueId('waitlist-closed');
    const { associations, plan, rsvp, shards } = await openRegistrationDay(harness, eventId, 5, 6);
    const ofEvent = () =>
      harness.smtp.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
      );
    const [a, b, c, d, e] = associations.map((association) => association.id);

    await rsvp({ response: 'accept', associationId: a!, seats: 3 });
    await rsvp({ response: 'accept', associationId: b!, seats: 3 });
    expect(await rsvp({ response: 'accept', associationId: c!, seats: 1 })).toMatchObject({
      status: 'waitlisted',
    });
    expect(await rsvp({ response: 'accept', associationId: d!, seats: 2 })).toMatchObject({
      status: 'waitlisted',
    });
    // Waiting, then withdrawn: no longer waiting, so not told.
    await rsvp({ response: 'accept', associationId: e!, seats: 1 });
    await rsvp({ response: 'decline', associationId: e! });
    await harness.smtp.waitFor(() => messagesOf(ofEvent(), 'waitlist-notice').length === 3);
    expect(messagesOf(ofEvent(), 'waitlist-closed')).toHaveLength(0);

    // Past the start of the day: no promotion can happen any more.
    const startsAt = Date.parse(plan.schedule.startsAt);
    await harness.env.sleep(startsAt - (await harness.nowMs()) + 60_000);
    await harness.smtp.waitFor(() => messagesOf(ofEvent(), 'waitlist-closed').length === 2);

    const [toC] = messagesOf(ofEvent(), 'waitlist-closed', `${c}@example.org`);
    expect(toC?.parsed.headers.get('content-language')).toBe('fr');
    expect(toC?.parsed.subject).toContain('aucune place');
    expect(toC?.parsed.text).toContain('prochaine session');
    const [toD] = messagesOf(ofEvent(), 'waitlist-closed', `${d}@example.org`);
    expect(toD?.parsed.headers.get('content-language')).toBe('ar');
    expect(toD?.parsed.subject).toContain('لم يتوفر مقعد');

    // Once, even after the day is over and the shard has finished.
    await harness.env.sleep(Date.parse(plan.schedule.endsAt) - (await harness.nowMs()) + 60_000);
    for (let shard = 0; shard < shards; shard += 1)
      await harness.client.workflow.getHandle(workflowIds.invitationShard(eventId, shard)).result();
    await new Promise((settle) => setTimeout(settle, 500));
    expect(messagesOf(ofEvent(), 'waitlist-closed', `${c}@example.org`)).toHaveLength(1);
    expect(messagesOf(ofEvent(), 'waitlist-closed', `${d}@example.org`)).toHaveLength(1);
    for (const id of [a, b, e])
      expect(messagesOf(ofEvent(), 'waitlist-closed', `${id}@example.org`)).toHaveLength(0);
    expect(messagesOf(ofEvent(), 'waitlist-closed')).toHaveLength(2);
  });
});
