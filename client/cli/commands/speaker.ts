import type { Command } from 'commander';
import { print, type OutputOptions } from '../output';
import { readJsonFile, withConnections } from '../session';

/** `multaqa speaker confirm|decline|replace`: the speakers of agenda slots. */
export function registerSpeakerCommands(program: Command): void {
  const speaker = program.command('speaker').description('speakers of agenda slots');

  speaker
    .command('confirm')
    .description('the invited speaker confirms the slot')
    .argument('<eventId>')
    .argument('<agendaItemId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, agendaItemId: string, options: OutputOptions) => {
      const { answerSpeaker } = await import('../../use-cases/speakers');
      const view = await withConnections((connections) =>
        answerSpeaker(connections, eventId, agendaItemId, { answer: 'confirm' }),
      );
      print(options, view, () => `${agendaItemId}: ${view.speakerName} ${view.status}`);
    });

  speaker
    .command('decline')
    .description('the invited speaker declines the slot')
    .argument('<eventId>')
    .argument('<agendaItemId>')
    .option('--note <text>', 'what the speaker said')
    .option('--json', 'print JSON')
    .action(
      async (eventId: string, agendaItemId: string, options: { note?: string } & OutputOptions) => {
        const { answerSpeaker } = await import('../../use-cases/speakers');
        const view = await withConnections((connections) =>
          answerSpeaker(connections, eventId, agendaItemId, {
            answer: 'decline',
            note: options.note,
          }),
        );
        print(options, view, () => `${agendaItemId}: ${view.speakerName} ${view.status}`);
      },
    );

  speaker
    .command('replace')
    .description('invite another speaker into the slot')
    .argument('<eventId>')
    .argument('<agendaItemId>')
    .option('--file <path>', 'the new speaker as JSON (id, name, email, language, role, partnerId)')
    .option('--id <slug>', 'new speaker id')
    .option('--name <name>', 'new speaker name')
    .option('--email <email>', 'new speaker email')
    .option('--language <ar|fr|en>', 'language of the invitation')
    .option('--role <text>', 'role shown on the agenda')
    .option('--partner <partnerId>', 'partner institution the speaker comes from')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        agendaItemId: string,
        options: {
          file?: string;
          id?: string;
          name?: string;
          email?: string;
          language?: string;
          role?: string;
          partner?: string;
        } & OutputOptions,
      ) => {
        const speakerInput = options.file
          ? readJsonFile(options.file)
          : {
              id: options.id,
              name: options.name,
              email: options.email,
              language: options.language,
              role: options.role ? { [options.language ?? 'fr']: options.role } : undefined,
              partnerId: options.partner,
            };
        const { replaceSlotSpeaker } = await import('../../use-cases/speakers');
        const view = await withConnections((connections) =>
          replaceSlotSpeaker(connections, eventId, agendaItemId, { speaker: speakerInput }),
        );
        print(options, view, () => `${agendaItemId}: ${view.speakerName} ${view.status}`);
      },
    );
}
