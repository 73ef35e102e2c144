import type { Command } from 'commander';
import type { VisitView } from '../../../domain/messages/follow-up';
import { print, type OutputOptions } from '../output';
import { numberOption, withConnections } from '../session';

function visitLine(view: VisitView): string {
  return `${view.visitId}: ${view.status}`;
}

/** `multaqa visit …`: networking visits between associations. */
export function registerVisitCommands(program: Command): void {
  const visit = program
    .command('visit')
    .description('networking visits between associations (from a follow-up)');

  visit
    .command('show')
    .argument('<eventId>')
    .argument('<visitId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, visitId: string, options: OutputOptions) => {
      const { readVisit } = await import('../../use-cases/follow-ups');
      const view = await withConnections((connections) =>
        readVisit(connections, { eventId, visitId }),
      );
      print(options, view, () => visitLine(view));
    });

  visit
    .command('approve')
    .description('send the proposed visit invitations now')
    .argument('<eventId>')
    .argument('<visitId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, visitId: string, options: OutputOptions) => {
      const { approveVisitPairing } = await import('../../use-cases/follow-ups');
      const view = await withConnections((connections) =>
        approveVisitPairing(connections, { eventId, visitId }),
      );
      print(options, view, () => visitLine(view));
    });

  visit
    .command('answer')
    .description("record an association's answer to a visit invitation")
    .argument('<eventId>')
    .argument('<visitId>')
    .argument('<associationId>')
    .argument('<answer>', 'confirm or decline')
    .option('--note <text>', 'what they said')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        visitId: string,
        associationId: string,
        answer: string,
        options: { note?: string } & OutputOptions,
      ) => {
        const { answerVisitInvitation } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          answerVisitInvitation(
            connections,
            { eventId, visitId },
            { associationId, answer, ...(options.note ? { note: options.note } : {}) },
          ),
        );
        print(options, view, () => visitLine(view));
      },
    );

  visit
    .command('schedule')
    .description('fix the date, time (event time zone) and place')
    .argument('<eventId>')
    .argument('<visitId>')
    .requiredOption('--date <YYYY-MM-DD>', 'day of the visit')
    .requiredOption('--time <HH:MM>', 'time of the visit')
    .requiredOption('--place <text>', 'where')
    .option('--note <text>', 'for the participants')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        visitId: string,
        options: { date: string; time: string; place: string; note?: string } & OutputOptions,
      ) => {
        const { scheduleVisit } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          scheduleVisit(
            connections,
            { eventId, visitId },
            {
              date: options.date,
              time: options.time,
              place: options.place,
              ...(options.note ? { note: options.note } : {}),
            },
          ),
        );
        print(options, view, () => visitLine(view));
      },
    );

  visit
    .command('report')
    .description('record what the visit came to')
    .argument('<eventId>')
    .argument('<visitId>')
    .requiredOption('--summary <text>', 'what happened')
    .option('--participants <n>', 'people who took part')
    .option('--next-steps <text>', 'what they agreed to do next')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        visitId: string,
        options: { summary: string; participants?: string; nextSteps?: string } & OutputOptions,
      ) => {
        const { recordVisitReport } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          recordVisitReport(
            connections,
            { eventId, visitId },
            {
              summary: options.summary,
              ...(options.participants ? { participants: numberOption(options.participants) } : {}),
              ...(options.nextSteps ? { nextSteps: options.nextSteps } : {}),
            },
          ),
        );
        print(options, view, () => visitLine(view));
      },
    );

  visit
    .command('cancel')
    .argument('<eventId>')
    .argument('<visitId>')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(
      async (eventId: string, visitId: string, options: { reason: string } & OutputOptions) => {
        const { cancelVisit } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          cancelVisit(connections, { eventId, visitId }, { reason: options.reason }),
        );
        print(options, view, () => visitLine(view));
      },
    );
}
