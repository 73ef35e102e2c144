import type { Command } from 'commander';
import { ValidationError } from '../../validation';
import { print, type OutputOptions } from '../output';
import { numberOption, withConnections } from '../session';

/** `multaqa rsvp record`: an answer taken by phone or in person. */
export function registerRsvpCommands(program: Command): void {
  const rsvp = program.command('rsvp').description('answers to invitations');

  rsvp
    .command('record')
    .description('record an answer an association gave by phone (or in person)')
    .argument('<eventId>')
    .argument('<associationId>')
    .argument('<response>', 'accept or decline')
    .option('--seats <n>', 'seats wanted (accept)', '1')
    .option('--channel <channel>', 'phone or coordinator', 'phone')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        associationId: string,
        response: string,
        options: { seats: string; channel: string } & OutputOptions,
      ) => {
        if (response !== 'accept' && response !== 'decline')
          throw new ValidationError([{ field: 'response', message: 'must be accept or decline' }]);
        const input =
          response === 'accept'
            ? {
                response,
                associationId,
                seats: numberOption(options.seats),
                channel: options.channel,
              }
            : { response, associationId, channel: options.channel };
        const { recordRsvp } = await import('../../use-cases/registrations');
        const outcome = await withConnections((connections) =>
          recordRsvp(connections, eventId, input),
        );
        print(options, outcome, () =>
          outcome.status === 'waitlisted'
            ? `${associationId}: waitlisted (position ${outcome.waitlistPosition ?? '?'})`
            : `${associationId}: ${outcome.status}${outcome.seats ? `, ${outcome.seats} seats` : ''}`,
        );
      },
    );
}
