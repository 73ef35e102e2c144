import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { print, type OutputOptions } from '../output';
import { withConnections } from '../session';

/** `multaqa message preview`: a message as it would go out, without sending it. */
export function registerMessageCommands(program: Command): void {
  const message = program.command('message').description('messages multaqa sends');

  message
    .command('preview')
    .description('render a message as the worker would send it now (nothing is sent)')
    .argument('<eventId>')
    .requiredOption('--purpose <purpose>', 'e.g. association-invitation, rsvp-confirmation')
    .requiredOption(
      '--to <recipient>',
      'association:<id>, partner:<id>, speaker:<id> or coordinator',
    )
    .option('--language <ar|fr|en>', "instead of the recipient's own language")
    .option('--seats <n>', 'seats (confirmations)')
    .option('--waitlist-position <n>', 'place on the waiting list (waitlist notices)')
    .option('--agenda-item <id>', 'agenda slot (speaker messages)')
    .option('--note <text>', "coordinator's note")
    .option('--reason <text>', 'reason (cancellation, reschedule)')
    .option(
      '--standing <pending|accepted|waitlisted|declined>',
      'where the association stands (reschedule notices differ by it)',
    )
    .option('--html <file>', 'also write the HTML version to this file')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        options: {
          purpose: string;
          to: string;
          language?: string;
          seats?: string;
          waitlistPosition?: string;
          agendaItem?: string;
          note?: string;
          reason?: string;
          standing?: string;
          html?: string;
        } & OutputOptions,
      ) => {
        const { previewMessage } = await import('../../use-cases/message-preview');
        const preview = await withConnections((connections) =>
          previewMessage(connections, eventId, {
            purpose: options.purpose,
            to: options.to,
            language: options.language,
            seats: options.seats,
            waitlistPosition: options.waitlistPosition,
            agendaItemId: options.agendaItem,
            note: options.note,
            reason: options.reason,
            standing: options.standing,
          }),
        );
        if (options.html) writeFileSync(options.html, preview.html);
        print(options, preview, () =>
          [
            `To:       ${preview.to.name} <${preview.to.address}>`,
            `Subject:  ${preview.subject}`,
            `Language: ${preview.language} (${preview.direction})`,
            '',
            preview.text,
          ].join('\n'),
        );
      },
    );
}
