import type { Command } from 'commander';
import { print, table, type OutputOptions } from '../output';
import { cliSettings, readJsonFile, withConnections, withRedis } from '../session';
import { inviteesText, statusText, summariesText } from '../status-text';
import { registerDeliveryCommand } from './deliveries';

/**
 * `multaqa event …`: create, list, show, move, cancel and advance training days. Each action
 * imports its use case when it runs, so a command loads only what it uses.
 */
export function registerEventCommands(program: Command): void {
  const event = program.command('event').description('training days');

  event
    .command('create')
    .description('start the workflow of a training day from an event file')
    .requiredOption('--file <path>', 'event file (JSON)')
    .option('--date <YYYY-MM-DD>', 'hold the day on another date (the RSVP deadline moves along)')
    .option('--id <slug>', 'another id for the event')
    .option('--json', 'print JSON')
    .action(async (options: { file: string; date?: string; id?: string } & OutputOptions) => {
      const { planTrainingDay } = await import('../../training-day-plan');
      const { startTrainingDay } = await import('../../use-cases/training-days');
      const { taxonomy } = cliSettings();
      // Bad input is reported as such even when Temporal is down: check before connecting.
      const plan = planTrainingDay(readJsonFile(options.file), {
        date: options.date,
        id: options.id,
        taxonomy,
      });
      const { eventId } = await withConnections((connections) =>
        startTrainingDay(connections, plan),
      );
      print(options, { eventId }, () => `created training day ${eventId}`);
    });

  event
    .command('list')
    .description('list training days by date (from the read model)')
    .option('--phase <phase>', 'only training days in this phase')
    .option('--json', 'print JSON')
    .action(async (options: { phase?: string } & OutputOptions) => {
      const { TrainingDayPhaseSchema } = await import('../../../domain/training-day');
      const { parseOrThrow } = await import('../../validation');
      const { listTrainingDays } = await import('../../use-cases/list-training-days');
      const phase = options.phase
        ? parseOrThrow(TrainingDayPhaseSchema, options.phase, 'phase')
        : undefined;
      // The read model is in Redis: listing needs neither Temporal nor its client.
      const days = await withRedis((connections) => listTrainingDays(connections, { phase }));
      print(options, days, () => summariesText(days));
    });

  event
    .command('status')
    .description("show a training day's status")
    .argument('<eventId>')
    .option('--live', 'ask the workflow instead of the read model')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: { live?: boolean } & OutputOptions) => {
      const { readStatus } = await import('../../use-cases/training-days');
      const reading = await withConnections((connections) =>
        readStatus(connections, eventId, { live: options.live }),
      );
      print(options, reading.status, () => statusText(reading));
    });

  event
    .command('invitees')
    .description('list the invited associations and where each stands')
    .argument('<eventId>')
    .option('--status <status>', 'only this status (accepted, waitlisted, declined, ...)')
    .option('--offset <n>', 'skip the first n', '0')
    .option('--limit <n>', 'at most n', '100')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        options: { status?: string; offset: string; limit: string } & OutputOptions,
      ) => {
        const { listInvitedAssociations } = await import('../../use-cases/registrations');
        const invitees = await withConnections((connections) =>
          listInvitedAssociations(connections, eventId, {
            status: options.status,
            offset: options.offset,
            limit: options.limit,
          }),
        );
        print(options, invitees, () => inviteesText(invitees));
      },
    );

  event
    .command('waitlist')
    .description('show seats taken and the waiting list, in order')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: OutputOptions) => {
      const { readWaitingList } = await import('../../use-cases/registrations');
      const ledger = await withConnections((connections) => readWaitingList(connections, eventId));
      print(options, ledger, () =>
        [
          `seats ${ledger.seatsTaken}/${ledger.capacity}, ${ledger.holders} associations hold seats`,
          ledger.waitlist.length === 0
            ? 'nobody is waiting'
            : table(
                ['#', 'association', 'seats'],
                ledger.waitlist.map((entry, index) => [
                  index + 1,
                  entry.associationId,
                  entry.seats,
                ]),
              ),
        ].join('\n'),
      );
    });

  registerDeliveryCommand(event);

  event
    .command('reschedule')
    .description('move a training day to another date or hours (wall clock, event time zone)')
    .argument('<eventId>')
    .requiredOption('--date <YYYY-MM-DD>', 'new date')
    .requiredOption('--start <HH:MM>', 'new start time')
    .requiredOption('--end <HH:MM>', 'new end time')
    .option('--rsvp-deadline <YYYY-MM-DD>', 'new last day to answer')
    .option('--reason <text>', 'told to everyone in the notice')
    .option(
      '--agenda-file <path>',
      'the agenda in the new hours (JSON array); by default it moves with the day',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        options: {
          date: string;
          start: string;
          end: string;
          rsvpDeadline?: string;
          reason?: string;
          agendaFile?: string;
        } & OutputOptions,
      ) => {
        const { rescheduleDay } = await import('../../use-cases/training-day-changes');
        const { json: _json, agendaFile, ...request } = options;
        const agenda = agendaFile ? readJsonFile(agendaFile, 'agenda-file') : undefined;
        const result = await withConnections((connections) =>
          rescheduleDay(connections, eventId, { ...request, agenda }),
        );
        print(
          options,
          {
            eventId,
            revision: result.revision,
            startsAt: result.command.startsAt,
            endsAt: result.command.endsAt,
          },
          () =>
            `rescheduled ${eventId} to ${options.date} ${options.start}-${options.end} (revision ${result.revision})`,
        );
      },
    );

  event
    .command('cancel')
    .description('cancel a training day; everyone involved is told')
    .argument('<eventId>')
    .requiredOption('--reason <text>', 'why (told to everyone)')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: { reason: string } & OutputOptions) => {
      const { cancelDay } = await import('../../use-cases/training-day-changes');
      const result = await withConnections((connections) =>
        cancelDay(connections, eventId, { reason: options.reason }),
      );
      print(options, { eventId, ...result }, () => `cancelled ${eventId} (phase ${result.phase})`);
    });

  event
    .command('advance')
    .description('move a training day on to a later phase without waiting')
    .argument('<eventId>')
    .requiredOption('--to <phase>', 'the phase to move to')
    .option('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: { to: string; reason?: string } & OutputOptions) => {
      const { advanceDay } = await import('../../use-cases/training-day-changes');
      const result = await withConnections((connections) =>
        advanceDay(connections, eventId, { to: options.to, reason: options.reason }),
      );
      print(options, { eventId, ...result }, () => `${eventId} is now ${result.phase}`);
    });
}
