import type { Command } from 'commander';
import { print, table, type OutputOptions } from '../output';
import { withConnections } from '../session';

/** `multaqa projections rebuild`: restore the read model from the workflows. */
export function registerProjectionCommands(program: Command): void {
  const projections = program
    .command('projections')
    .description('the read model of training days in Redis');

  projections
    .command('rebuild')
    .description(
      "restore every training day's projection from its workflow (after Redis lost them)",
    )
    .option('--json', 'print JSON')
    .action(async (options: OutputOptions) => {
      const { rebuildProjections } = await import('../../use-cases/rebuild-projections');
      const report = await withConnections((connections) => rebuildProjections(connections));
      print(options, report, () =>
        [
          `rebuilt ${report.rebuilt.length} training days${report.rebuilt.length ? `: ${report.rebuilt.join(', ')}` : ''}`,
          report.failed.length === 0
            ? ''
            : table(
                ['event', 'error'],
                report.failed.map((failure) => [failure.eventId, failure.error]),
              ),
        ]
          .filter(Boolean)
          .join('\n'),
      );
      if (report.failed.length > 0)
        throw new Error(`${report.failed.length} training days could not be rebuilt`);
    });
}
