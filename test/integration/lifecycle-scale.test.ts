import type { temporal } from '@temporalio/proto';
import { listInvitees, submitRsvp } from '../../domain/messages/registration';
import { INVITATION_SHARD_SIZE, shardOf, workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, registrationOnly, syntheticAssociations } from '../support/training-days';

/** Enough for several shards; the 200,000 figures come from `scripts/bench-campaign.ts`. */
const CAMPAIGN = 1100;

interface PayloadFigures {
  largestBytes: number;
  /** The most association records (`"associationId"` keys) any one payload carries. */
  mostInvitees: number;
  total: number;
}

/** Every payload of a history, decoded: its size and how many invitees it carries. */
function payloadFigures(history: temporal.api.history.v1.IHistory): PayloadFigures {
  const figures: PayloadFigures = { largestBytes: 0, mostInvitees: 0, total: 0 };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (node instanceof Uint8Array) return;
    const record = node as Record<string, unknown>;
    if (record.data instanceof Uint8Array && 'metadata' in record) {
      const text = Buffer.from(record.data).toString('utf8');
      figures.total += 1;
      figures.largestBytes = Math.max(figures.largestBytes, record.data.byteLength);
      figures.mostInvitees = Math.max(
        figures.mostInvitees,
        text.split('"associationId"').length - 1,
      );
      return;
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(history);
  return figures;
}

describe('a large campaign', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-scale');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it(`invites ${CAMPAIGN} associations across shards without any invitee list travelling as one payload`, async () => {
    const eventId = uniqueId('campaign');
    const provinces = ['Safi', 'Youssoufia', 'Marrakech', 'Essaouira'].map(
      (name) => `${name} ${eventId}`,
    );
    const associations = syntheticAssociations(CAMPAIGN, { prefix: eventId, provinces });
    await harness.directory.upsert(associations);
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(600, provinces));
    const started = Date.now();
    await harness.startDay(plan);

    const { registration } = await harness.waitForStatus(
      eventId,
      (s) => s.registration.shards > 0,
      30_000,
    );
    expect(registration.invited).toBe(CAMPAIGN);
    expect(registration.shards).toBeGreaterThanOrEqual(3);
    const shards = Array.from({ length: registration.shards }, (_, shard) =>
      harness.client.workflow.getHandle(workflowIds.invitationShard(eventId, shard)),
    );

    // Each shard holds its own page of invitees, none more than the shard size, all invited.
    const pages = await eventually(
      () => Promise.all(shards.map((shard) => shard.query(listInvitees, { limit: 1000 }))),
      (loaded) => loaded.reduce((sum, page) => sum + page.length, 0) === CAMPAIGN,
      'every shard loaded its invitees',
      30_000,
    );
    expect(pages.reduce((sum, page) => sum + page.length, 0)).toBe(CAMPAIGN);
    for (const [index, page] of pages.entries()) {
      expect(page.length).toBeLessThanOrEqual(INVITATION_SHARD_SIZE);
      for (const invitee of page)
        expect(shardOf(invitee.associationId, registration.shards)).toBe(index);
    }
    await harness.waitForStatus(
      eventId,
      (s) =>
        s.registration.shards > 0 &&
        s.registration.pending === CAMPAIGN &&
        sentAll(harness, eventId),
      60_000,
    );
    const sendingMs = Date.now() - started;

    // RSVPs go to the shard of each association, never through the training day.
    const answering = associations.slice(0, 40);
    const eventsOf = async () =>
      (
        await Promise.all(shards.map(async (shard) => (await shard.fetchHistory()).events!.length))
      ).reduce((sum, events) => sum + events, 0);
    const eventsBefore = await eventsOf();
    const ledgerEventsBefore = (
      await harness.client.workflow.getHandle(workflowIds.seatLedger(eventId)).fetchHistory()
    ).events!.length;
    const rsvpStarted = Date.now();
    await Promise.all(
      answering.map((association) =>
        shards[shardOf(association.id, registration.shards)]!.executeUpdate(submitRsvp, {
          args: [{ response: 'accept', associationId: association.id, seats: 1, channel: 'link' }],
        }),
      ),
    );
    const rsvpMs = Date.now() - rsvpStarted;
    const answered = await harness.waitForStatus(
      eventId,
      (s) => s.registration.accepted === answering.length,
      30_000,
    );
    await new Promise((settle) => setTimeout(settle, 1000));
    const shardEventsPerRsvp = ((await eventsOf()) - eventsBefore) / answering.length;
    const ledgerEventsPerRsvp =
      ((await harness.client.workflow.getHandle(workflowIds.seatLedger(eventId)).fetchHistory())
        .events!.length -
        ledgerEventsBefore) /
      answering.length;

    const parentHistory = await harness.client.workflow
      .getHandle(workflowIds.trainingDay(eventId))
      .fetchHistory();
    const parent = payloadFigures(parentHistory);
    const shardFigures = await Promise.all(
      shards.map(async (shard) => payloadFigures(await shard.fetchHistory())),
    );
    // The training day never sees invitees; a shard sees at most one page (250) at a time.
    expect(parent.mostInvitees).toBe(0);
    expect(Math.max(...shardFigures.map((figures) => figures.mostInvitees))).toBeLessThanOrEqual(
      250,
    );
    expect(
      Math.max(parent.largestBytes, ...shardFigures.map((figures) => figures.largestBytes)),
    ).toBeLessThan(256 * 1024);
    const parentEvents = parentHistory.events!.length;
    const shardEvents = await Promise.all(
      shards.map(async (shard) => (await shard.fetchHistory()).events!.length),
    );
    console.log(
      JSON.stringify({
        campaign: CAMPAIGN,
        shards: registration.shards,
        invitationsSentInMs: sendingMs,
        parentHistoryEvents: parentEvents,
        parentLargestPayloadBytes: parent.largestBytes,
        shardHistoryEventsMax: Math.max(...shardEvents),
        shardLargestPayloadBytes: Math.max(...shardFigures.map((figures) => figures.largestBytes)),
        accepted: answered.registration.accepted,
        concurrentRsvps: answering.length,
        rsvpMs,
        shardEventsPerRsvp: Math.round(shardEventsPerRsvp * 10) / 10,
        ledgerEventsPerRsvp: Math.round(ledgerEventsPerRsvp * 10) / 10,
      }),
    );
  }, 120_000);
});

function sentAll(harness: WorkflowHarness, eventId: string): boolean {
  const invitations = harness.smtp.messages.filter(
    (message) =>
      message.parsed.headers.get('x-multaqa-event') === eventId &&
      message.parsed.headers.get('x-multaqa-purpose') === 'association-invitation',
  );
  return invitations.length === CAMPAIGN;
}
