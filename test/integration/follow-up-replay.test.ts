import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { quietTemporalRuntime, workflowBundle } from '../support/temporal';

const HISTORIES = resolve(__dirname, '..', 'histories');
const OURS = /^(followUpWorkflow|networkingVisitWorkflow|coordinationDigestWorkflow)-.+\.json$/;

function loadHistory(file: string): unknown {
  return JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
}

describe('follow-up workflows replay the histories recorded by earlier code', () => {
  beforeAll(() => quietTemporalRuntime());
  const files = readdirSync(HISTORIES).filter((file) => OURS.test(file));

  it('has histories of every follow-up workflow type to replay', () => {
    for (const type of [
      'followUpWorkflow',
      'networkingVisitWorkflow',
      'coordinationDigestWorkflow',
    ])
      expect(files.some((file) => file.startsWith(`${type}-`))).toBe(true);
  });

  it.each(files)('replays %s without a determinism error', async (file) => {
    await Worker.runReplayHistory(
      { workflowBundle: workflowBundle(), replayName: file },
      historyFromJSON(loadHistory(file)),
    );
  });

  it('fails on a history whose commands the code would not give (broken on purpose)', async () => {
    const history = loadHistory('followUpWorkflow-escalated-and-closed.json') as {
      events: Array<{
        activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
      }>;
    };
    const scheduled = history.events.find(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessage',
    );
    expect(scheduled).toBeDefined();
    scheduled!.activityTaskScheduledEventAttributes!.activityType!.name = 'sendMessageBatch';
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: workflowBundle(), replayName: 'broken' },
        historyFromJSON(history),
      ),
    ).rejects.toThrow(DeterminismViolationError);
  });
});
