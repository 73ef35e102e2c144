import type { Command } from 'commander';
import { print, type OutputOptions } from '../output';
import { readJsonFile, withConnections } from '../session';

/** `multaqa recommendation add`: a recommendation that becomes a tracked follow-up. */
export function registerRecommendationCommands(program: Command): void {
  const recommendation = program
    .command('recommendation')
    .description('recommendations of a training day, each tracked as a follow-up');

  recommendation
    .command('add')
    .description('add a recommendation')
    .argument('<eventId>')
    .option('--file <path>', 'the recommendation as JSON')
    .option('--id <slug>', 'recommendation id')
    .option(
      '--kind <kind>',
      'capacity-building, coordination, further-training, networking-visits or other',
    )
    .option('--text <text>', 'the recommendation')
    .option('--language <ar|fr|en>', 'language of --text', 'fr')
    .option('--owner <id>', 'chamber or a partner id', 'chamber')
    .option('--due <instant>', 'due date-time, ISO 8601 with offset')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        options: {
          file?: string;
          id?: string;
          kind?: string;
          text?: string;
          language: string;
          owner: string;
          due?: string;
        } & OutputOptions,
      ) => {
        const input = options.file
          ? readJsonFile(options.file)
          : {
              id: options.id,
              kind: options.kind,
              text: options.text === undefined ? undefined : { [options.language]: options.text },
              owner: options.owner,
              dueAt: options.due,
            };
        const { recommend } = await import('../../use-cases/training-day-changes');
        const added = await withConnections((connections) =>
          recommend(connections, eventId, input),
        );
        print(options, added, () => `added recommendation ${added.id} (${added.kind})`);
      },
    );
}
