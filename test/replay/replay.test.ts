import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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

describe('replay of committed histories: running workflows survive a deploy of this code', () => {
  beforeAll(() => quietTemporalRuntime());

  const files = historiesIn(HISTORIES);
  it('has histories of every lifecycle workflow', () => {
    const types = new Set(files.map((file) => basename(file).split('-')[0]));
    for (const type of [
      'trainingDayWorkflow',
      'partnerCoordinationWorkflow',
      'speakerSlotWorkflow',
      'invitationShardWorkflow',
      'seatLedgerWorkflow',
      'attendanceWorkflow',
    ])
      expect(types).toContain(type);
  });

  it.each(files.map((file) => [basename(file), file]))('replays %s', async (_name, file) => {
    const error = await replay(file);
    expect(error).toBeUndefined();
  });

  it.each(historiesIn(BROKEN).map((file) => [basename(file), file]))(
    'refuses %s, a history the code cannot have produced',
    async (_name, file) => {
      const error = await replay(file);
      expect(error).toBeInstanceOf(DeterminismViolationError);
    },
  );
});
