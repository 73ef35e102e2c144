import { Client, Connection } from '@temporalio/client';
import { signLink, verifyLinkToken } from '../../mail/signed-links';
import { EventIdRegistry } from '../../stores/event-id-registry';
import { findInvitee } from '../../client/use-cases/registrations';
import { readStartedPlan } from '../../client/started-plan';
import { cancelDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/use-cases/training-days';
import { storeTrainingDayProjection } from '../../stores/read-model';
import { ErrorCodes } from '../../domain/errors';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { runCli } from '../support/cli';
import {
  TEST_LINK_SECRET,
  type TestStack,
  startTestHttpServer,
  startTestStack,
} from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually } from '../support/workflow-harness';
import { futureDate, openInvitations, SEED, SEED_FILE } from './open-day-fixture';

describe('event ids are never reused, and links act only on the day that sent them (issue 14)', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  const connections = () => ({
    config: stack.config,
    temporal: stack.temporal.client,
    redis: stack.redis.redis,
  });
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    stack = await startTestStack('run-binding');
    server = await startTestHttpServer(stack);
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  const closedDay = async (eventId: string) =>
    eventually(
      () => stack.temporal.client.workflow.getHandle(workflowIds.trainingDay(eventId)).describe(),
      (description) => description.status.name !== 'RUNNING',
      'day closed',
      30_000,
    );

  it('refuses to create a cancelled day’s id again: by our registry, by Temporal alone, by the read model alone', async () => {
    const eventId = uniqueId('reused');
    const created = await createTrainingDay(
      connections(),
      { ...SEED, id: eventId },
      {
        date: futureDate(30),
      },
    );
    expect(created.plan.generation).toEqual(expect.any(Number));
    expect((await readStartedPlan(connections(), eventId)).generation).toBe(
      created.plan.generation,
    );
    await cancelDay(connections(), eventId, { reason: 'venue unavailable' });
    await closedDay(eventId);

    await expect(
      createTrainingDay(connections(), { ...SEED, id: eventId }, { date: futureDate(40) }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidInput, field: 'id' });

    // A day older than the registry (no entry): Temporal's reuse policy still refuses.
    await stack.redis.redis.hdel(`${stack.config.REDIS_PREFIX}event-ids`, eventId);
    await expect(
      createTrainingDay(connections(), { ...SEED, id: eventId }, { date: futureDate(40) }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidInput, field: 'id' });
    // A day from before the registry that Temporal has forgotten: the read model still knows it.
    const forgotten = uniqueId('forgotten');
    const { status } = await readStatus(connections(), eventId);
    await storeTrainingDayProjection(
      stack.redis.redis,
      stack.config.REDIS_PREFIX,
      { ...status, eventId: forgotten },
      { version: 1 },
    );
    await expect(
      createTrainingDay(connections(), { ...SEED, id: forgotten }, { date: futureDate(40) }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidInput, field: 'id' });
    await expect(
      stack.temporal.client.workflow.getHandle(workflowIds.trainingDay(forgotten)).describe(),
    ).rejects.toThrow();
    const runs = [];
    for await (const run of stack.temporal.client.workflow.list({
      query: `WorkflowId = '${workflowIds.trainingDay(eventId)}'`,
    }))
      runs.push(run.runId);
    expect(runs).toHaveLength(1);
  });

  it('says so on the command line, naming the id, with exit code 2', async () => {
    const eventId = uniqueId('cli-reused');
    const args = ['event', 'create', '--file', SEED_FILE, '--id', eventId, '--json'];
    expect((await runCli(args, stack.env)).code).toBe(0);
    const again = await runCli(args, stack.env);
    expect(again.code).toBe(2);
    // Under --json the failure is one JSON line naming the field.
    const failure = JSON.parse(again.stderr) as {
      message: string;
      problems: Array<{ field: string }>;
    };
    expect(failure.message).toContain(`"${eventId}" was already used`);
    expect(failure.problems).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('lets one of two racing creations of an id win, and refuses the other', async () => {
    const eventId = uniqueId('raced');
    const outcomes = await Promise.allSettled(
      [30, 31, 32].map((days) =>
        createTrainingDay(connections(), { ...SEED, id: eventId }, { date: futureDate(days) }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: ErrorCodes.invalidInput, field: 'id' });
  });

  it('gives the id back when the day could not be started at all', async () => {
    const eventId = uniqueId('not-started');
    const connection = await Connection.connect({
      address: stack.temporal.connection.options.address,
    });
    const unreachable = new Client({ connection });
    await connection.close();
    await expect(
      createTrainingDay({ ...connections(), temporal: unreachable }, { ...SEED, id: eventId }),
    ).rejects.toThrow();
    const registry = new EventIdRegistry(stack.redis.redis, stack.config.REDIS_PREFIX);
    expect(await registry.find(eventId)).toBeUndefined();
    await createTrainingDay(connections(), { ...SEED, id: eventId }, { date: futureDate(30) });
    expect(await registry.find(eventId)).toMatchObject({ eventId });
  });

  it('answers an RSVP link of a cancelled day, or of an earlier day with the id, with a clear 410 and acts on nothing', async () => {
    const { eventId, plan, shards } = await openInvitations(connections(), 'bound-links');
    const associationId = 'potiers-safi';
    const shard = shardOf(associationId, shards);
    const link = (generation: number | undefined) =>
      signLink(
        { purpose: 'rsvp', eventId, associationId, shard, generation, expiresAt: inAnHour() },
        TEST_LINK_SECRET,
      );
    const post = (token: string) =>
      fetch(`${server.url}/links/rsvp/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        body: 'response=accept&seats=2',
      });

    // The links this day sends carry its generation.
    const invitation = await stack.smtp.waitFor((messages) =>
      messages.some((message) => message.to.includes(`${associationId}@example.org`)),
    );
    const sent = invitation.find((message) => message.to.includes(`${associationId}@example.org`));
    const emailed = sent?.parsed.text?.match(/\/links\/rsvp\/([A-Za-z0-9_.-]+)/)?.[1];
    expect(verifyLinkToken(emailed!, TEST_LINK_SECRET, new Date(), 'rsvp')).toMatchObject({
      eventId,
      generation: plan.generation,
    });
    expect((await fetch(`${server.url}/links/rsvp/${link(plan.generation)}`)).status).toBe(200);

    // Links of an earlier day with the same id: today's format (none) or another generation.
    for (const token of [link(undefined), link(plan.generation! - 1)]) {
      const page = await fetch(`${server.url}/links/rsvp/${token}`, {
        headers: { 'accept-language': 'en' },
      });
      expect(page.status).toBe(410);
      expect(await page.text()).toContain('belongs to an earlier training day');
      expect((await post(token)).status).toBe(410);
    }
    const untouched = await findInvitee(connections(), eventId, associationId, { shard });
    expect(['pending', 'invited']).toContain(untouched.status);

    await cancelDay(connections(), eventId, { reason: 'venue unavailable' });
    const cancelled = await eventually(
      () => post(link(plan.generation)),
      (response) => response.status === 410,
      'cancellation seen by the link page',
      30_000,
    );
    expect(await cancelled.text()).toContain('This invitation belongs to a cancelled training day');
    const arabic = await fetch(`${server.url}/links/rsvp/${link(plan.generation)}`, {
      headers: { 'accept-language': 'ar' },
    });
    expect(arabic.status).toBe(410);
    expect(await arabic.text()).toContain('تم إلغاؤه');
  });
});
