import { temporal } from '@temporalio/proto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, registrationOnly, syntheticAssociations } from '../support/training-days';

const { EventType, RetryState } = temporal.api.enums.v1;

describe('an invitation campaign on a worker without LINK_SECRET', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness('missing-link-secret', { withoutLinkSecret: true });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('fails the invitation batch once with InvalidConfiguration, never retried', async () => {
    const eventId = uniqueId('no-link-secret');
    const province = `Province ${eventId}`;
    await harness.directory.upsert(
      syntheticAssociations(3, { prefix: eventId, provinces: [province] }),
    );
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(10, [province]));
    await harness.startDay(plan);
    const { registration } = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    expect(registration.shards).toBe(1);

    // The shard's workflow ends, failed by the batch's failure (a retried batch would keep it
    // running for good: the batch's retry policy has no maximum of attempts).
    const shard = harness.client.workflow.getHandle(workflowIds.invitationShard(eventId, 0));
    await eventually(
      () => shard.describe(),
      (description) => description.status.name !== 'RUNNING',
      'the shard to close',
      30_000,
    );
    expect((await shard.describe()).status.name).toBe('FAILED');

    const events = (await shard.fetchHistory()).events ?? [];
    const batches = events.filter(
      (event) =>
        event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
        event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessageBatch',
    );
    expect(batches).toHaveLength(1);
    // The retry policy recorded for it lists the table's non-retryable types.
    expect(
      batches[0]!.activityTaskScheduledEventAttributes?.retryPolicy?.nonRetryableErrorTypes,
    ).toContain('InvalidConfiguration');
    const started = events.filter(
      (event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
    );
    expect(started.map((event) => event.activityTaskStartedEventAttributes?.attempt)).toEqual(
      started.map(() => 1),
    );
    const failed = events.filter(
      (event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
    );
    expect(failed).toHaveLength(1);
    const attributes = failed[0]!.activityTaskFailedEventAttributes!;
    expect(attributes.retryState).toBe(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
    expect(attributes.failure?.message).toMatch(/LINK_SECRET is not set/);
    expect(attributes.failure?.applicationFailureInfo).toMatchObject({
      type: 'InvalidConfiguration',
      nonRetryable: true,
    });

    // Nothing went out; the day itself runs on (it does not yet flag its failed shard).
    expect(
      harness.smtp.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
      ),
    ).toEqual([]);
    const day = harness.client.workflow.getHandle(workflowIds.trainingDay(eventId));
    expect((await day.describe()).status.name).toBe('RUNNING');
  });
});

describe('the worker alone (npm run worker) without LINK_SECRET', () => {
  it('refuses to start: exit 2 naming LINK_SECRET', async () => {
    // A var dir of its own: no secret made by an earlier `npm start` is found there.
    const varDir = mkdtempSync(join(tmpdir(), 'multaqa-no-secret-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MULTAQA_VAR_DIR: varDir,
    };
    delete env.LINK_SECRET;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', join('workers', 'main.ts')], {
        cwd: resolve(__dirname, '..', '..'),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect({ code, stderr }).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/LINK_SECRET: required when the worker runs on its own/),
      });
    } finally {
      rmSync(varDir, { recursive: true, force: true });
    }
  });
});
