import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as workflows from '../../workflows';
import { quietTemporalRuntime, workflowBundle } from '../support/temporal';

const HISTORIES = resolve(__dirname, '..', 'histories');
const BROKEN = join(HISTORIES, 'broken');

function historiesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(folder, name));
}

/** Replays one committed history against today's workflow code; the error, if any. */
async function replay(file: string): Promise<Error | undefined> {
  const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
  const results = Worker.runReplayHistories({ workflowBundle: workflowBundle() }, [
    { workflowId: basename(file, '.json'), history },
  ]);
  for await (const result of results) if (result.error) return result.error;
  return undefined;
}

describe('replay of committed histories: running workflows of every type survive a deploy of this code', () => {
  beforeAll(() => quietTemporalRuntime());

  const files = historiesIn(HISTORIES);
  it('has histories of every workflow type', () => {
    const types = new Set(files.map((file) => basename(file).split('-')[0]));
    for (const type of Object.keys(workflows)) expect(types).toContain(type);
  });

  it.each(files.map((file) => [basename(file), file]))('replays %s', async (_name, file) => {
    const error = await replay(file);
    expect(error).toBeUndefined();
  });

  it('refuses a history whose commands the code would not give (one activity type changed)', async () => {
    const history = JSON.parse(
      readFileSync(join(HISTORIES, 'followUpWorkflow-escalated-and-closed.json'), 'utf8'),
    ) as {
      events: Array<{
        activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
      }>;
    };
    const scheduled = history.events.find(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessage',
    );
    expect(scheduled).toBeDefined();
    scheduled!.activityTaskScheduledEventAttributes!.activityType!.name = 'sendMessageBatch';
    const results = Worker.runReplayHistories({ workflowBundle: workflowBundle() }, [
      { workflowId: 'broken', history: historyFromJSON(history) },
    ]);
    let error: Error | undefined;
    for await (const result of results) error ??= result.error;
    expect(error).toBeInstanceOf(DeterminismViolationError);
  });

  it.each(historiesIn(BROKEN).map((file) => [basename(file), file]))(
    'refuses %s, a history the code cannot have produced',
    async (_name, file) => {
      const error = await replay(file);
      expect(error).toBeInstanceOf(DeterminismViolationError);
    },
  );
});
