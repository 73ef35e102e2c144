import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';

/**
 * Replays histories (JSON, as `temporal workflow show --output json` writes them) against
 * today's workflow code and prints each activation: its jobs, workflow time and history length,
 * and the commands it gave. Put beside the history's events (`jq '.events[] | [.eventId,
 * .eventType]'`), it shows where a replay and the live run parted.
 *
 *   npx tsx scripts/trace-replay.ts test/faults/histories/storm-shard-nondeterminism.json
 */
async function main(files: string[]): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const quiet = () => undefined;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    workflowInterceptorModules: [require.resolve('./histories/trace-activations')],
    logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  const sinks = {
    trace: {
      line: { fn: (_info: unknown, text: string) => console.log(text), callDuringReplay: true },
    },
  };
  for (const file of files) {
    console.log(`== ${file}`);
    const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
    try {
      await Worker.runReplayHistory({ workflowBundle, sinks }, history, `trace-${file}`);
      console.log('replayed whole');
    } catch (error) {
      console.log(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
