import type { Command } from 'commander';
import { recordCheckIn } from '../../attendance';
import { print, type OutputOptions } from '../output';
import { numberOption, withConnections } from '../session';

/** `multaqa check-in`: at the door of the training day. */
export function registerCheckInCommands(program: Command): void {
  program
    .command('check-in')
    .description('check an association (or a walk-in) in at the door')
    .argument('<eventId>')
    .argument('<associationId>')
    .option('--attendees <n>', 'people who came for it', '1')
    .option('--walk-in', 'not invited: give --name, --province and --sector')
    .option('--name <name>', 'walk-in: name of the association')
    .option('--province <province>', 'walk-in: its province')
    .option('--sector <sector>', 'walk-in: its sector (an id or label of the taxonomy)')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        associationId: string,
        options: {
          attendees: string;
          walkIn?: boolean;
          name?: string;
          province?: string;
          sector?: string;
        } & OutputOptions,
      ) => {
        const input = {
          associationId,
          attendees: numberOption(options.attendees),
          method: options.walkIn ? 'walk-in' : 'coordinator',
          walkIn: options.walkIn
            ? { name: options.name, province: options.province, sector: options.sector }
            : undefined,
        };
        const outcome = await withConnections((connections) =>
          recordCheckIn(connections, eventId, input),
        );
        print(options, outcome, () =>
          outcome.counted
            ? `${associationId}: checked in (${outcome.attendees} people)`
            : `${associationId}: was already checked in at ${outcome.checkedInAt}`,
        );
      },
    );
}
