import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { CheckedInBy } from '../../../domain/attendance';
import { print, table, type OutputOptions } from '../output';
import { numberOption, withConnections } from '../session';

/** The CLI's user, as the actor of what it records. */
function cliActor(): CheckedInBy {
  let actor: string;
  try {
    actor = userInfo().username;
  } catch {
    actor = process.env.USER ?? 'unknown user';
  }
  return { channel: 'cli', actor: actor || 'unknown user' };
}

/** `multaqa check-in` and `multaqa check-ins`: at the door of the training day. */
export function registerCheckInCommands(program: Command): void {
  program
    .command('check-in')
    .description('check an association (or a walk-in) in at the door, within the seats it booked')
    .argument('<eventId>')
    .argument('<associationId>')
    .option('--attendees <n>', 'people who came for it (at most the seats booked)', '1')
    .option(
      '--admit-extra',
      'let in more people than booked, or an association holding no seat (walk-ins)',
    )
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
          admitExtra?: boolean;
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
          ...(options.admitExtra ? { admitExtra: true } : {}),
          walkIn: options.walkIn
            ? { name: options.name, province: options.province, sector: options.sector }
            : undefined,
        };
        const { recordCheckIn } = await import('../../use-cases/attendance');
        const outcome = await withConnections((connections) =>
          recordCheckIn(connections, eventId, input, cliActor()),
        );
        print(options, outcome, () =>
          outcome.counted
            ? `${associationId}: checked in (${outcome.attendees} people${extraOf(outcome)})`
            : `${associationId}: was already checked in at ${outcome.checkedInAt}`,
        );
      },
    );

  program
    .command('check-ins')
    .description('who checked in: people, seats booked, and through what and by whom')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: OutputOptions) => {
      const { listCheckInsOf } = await import('../../use-cases/attendance');
      const checkIns = await withConnections((connections) => listCheckInsOf(connections, eventId));
      print(options, checkIns, () =>
        table(
          ['association', 'people', 'booked', 'how', 'by', 'at'],
          checkIns.map((entry) => [
            entry.associationId,
            String(entry.attendees),
            entry.seatsHeld === undefined ? '-' : String(entry.seatsHeld),
            entry.checkedInBy?.channel ?? entry.method,
            entry.checkedInBy?.actor ?? '-',
            entry.checkedInAt,
          ]),
        ),
      );
    });
}

function extraOf(outcome: { attendees: number; seatsHeld?: number }): string {
  const extra = outcome.seatsHeld === undefined ? 0 : outcome.attendees - outcome.seatsHeld;
  return extra > 0 ? `, ${extra} beyond the ${outcome.seatsHeld} booked` : '';
}
