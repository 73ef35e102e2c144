import { submitRsvp } from '../../domain/messages/registration';
import type { RsvpInput } from '../../domain/registration';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  planFor,
  registrationOnly,
  startLifecycleHarness,
  syntheticAssociations,
  type LifecycleHarness,
} from './lifecycle-harness';

describe('waiting list: those still waiting when the day starts are told no seat came free', () => {
  let harness: LifecycleHarness;
  beforeEach(async () => {
    harness = await startLifecycleHarness('lifecycle-waitlist-closed');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it('sends one waitlist-closed notice, in their language, to each association still waiting', async () => {
    const eventId = uniqueId('waitlist-closed');
    const province = `Province ${eventId}`;
    // Even indexes write in French, odd ones in Arabic.
    const associations = syntheticAssociations(5, { prefix: eventId, provinces: [province] });
    await harness.directory.upsert(associations);
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(6, [province]));
    await harness.startDay(plan);
    const status = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    const ofEvent = () =>
      harness.smtp.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
      );
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(), 'association-invitation').length === associations.length,
    );
    const rsvp = (input: RsvpInput) =>
      harness.client.workflow
        .getHandle(
          workflowIds.invitationShard(
            eventId,
            shardOf(input.associationId, status.registration.shards),
          ),
        )
        .executeUpdate(submitRsvp, { args: [{ channel: 'link', ...input } as never] });
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
    for (let shard = 0; shard < status.registration.shards; shard += 1)
      await harness.client.workflow.getHandle(workflowIds.invitationShard(eventId, shard)).result();
    await new Promise((settle) => setTimeout(settle, 500));
    expect(messagesOf(ofEvent(), 'waitlist-closed', `${c}@example.org`)).toHaveLength(1);
    expect(messagesOf(ofEvent(), 'waitlist-closed', `${d}@example.org`)).toHaveLength(1);
    for (const id of [a, b, e])
      expect(messagesOf(ofEvent(), 'waitlist-closed', `${id}@example.org`)).toHaveLength(0);
    expect(messagesOf(ofEvent(), 'waitlist-closed')).toHaveLength(2);
  });
});
