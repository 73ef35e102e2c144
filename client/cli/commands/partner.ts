import type { Command } from 'commander';
import { print, type OutputOptions } from '../output';
import { withConnections } from '../session';

/** `multaqa partner confirm|decline`: record a partner institution's answer. */
export function registerPartnerCommands(program: Command): void {
  const partner = program.command('partner').description("record a partner institution's answer");

  partner
    .command('confirm')
    .description('the partner co-organises (by default bringing what was asked of it)')
    .argument('<eventId>')
    .argument('<partnerId>')
    .option('--contributions <list>', 'comma-separated: speaker,venue,funding,outreach')
    .option('--note <text>', 'what the partner said')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        partnerId: string,
        options: { contributions?: string; note?: string } & OutputOptions,
      ) => {
        const { answerPartner } = await import('../../use-cases/partners');
        const { readStatus } = await import('../../use-cases/training-days');
        const view = await withConnections(async (connections) => {
          let contributions = options.contributions
            ?.split(',')
            .map((item) => item.trim())
            .filter(Boolean);
          if (!contributions) {
            const { status } = await readStatus(connections, eventId);
            contributions = status.partners.find(
              (candidate) => candidate.partnerId === partnerId,
            )?.requestedContributions;
          }
          return answerPartner(connections, eventId, partnerId, {
            answer: 'confirm',
            contributions: contributions ?? [],
            note: options.note,
          });
        });
        print(options, view, () => `${partnerId}: ${view.status}`);
      },
    );

  partner
    .command('decline')
    .description('the partner will not co-organise')
    .argument('<eventId>')
    .argument('<partnerId>')
    .option('--note <text>', 'what the partner said')
    .option('--json', 'print JSON')
    .action(
      async (eventId: string, partnerId: string, options: { note?: string } & OutputOptions) => {
        const { answerPartner } = await import('../../use-cases/partners');
        const view = await withConnections((connections) =>
          answerPartner(connections, eventId, partnerId, { answer: 'decline', note: options.note }),
        );
        print(
          options,
          view,
          () =>
            `${partnerId}: ${view.status}${view.toReassign.length ? ` (to reassign: ${view.toReassign.join(', ')})` : ''}`,
        );
      },
    );
}
