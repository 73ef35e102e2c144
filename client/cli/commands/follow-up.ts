import type { Command } from 'commander';
import { pickText } from '../../../domain/common';
import type { FollowUpView } from '../../../domain/messages/follow-up';
import { print, table, type OutputOptions } from '../output';
import { withConnections } from '../session';
import { localTime } from '../status-text';

function followUpLine(view: FollowUpView): string {
  return `${view.recommendation.id}: ${view.status}, due ${localTime(view.dueAt, view.event.timeZone).slice(0, 10)}`;
}

function followUpText(view: FollowUpView): string {
  const lines = [
    `${view.recommendation.id} (${view.recommendation.kind}): ${pickText(view.recommendation.text, 'en', ['fr', 'ar'])}`,
    `owner   ${view.owner.name}`,
    `status  ${view.status}${view.outcome ? ` (${view.outcome})` : ''}`,
    `due     ${localTime(view.dueAt, view.event.timeZone)}`,
    `reminders ${view.remindersSent}, escalations ${view.escalationsSent}`,
  ];
  if (view.visits.length > 0)
    lines.push(
      '',
      table(
        ['visit', 'status'],
        view.visits.map((visit) => [visit.visitId, visit.status]),
      ),
    );
  return lines.join('\n');
}

/** `multaqa follow-up …`: the follow-up of each recommendation. */
export function registerFollowUpCommands(program: Command): void {
  const followUp = program
    .command('follow-up')
    .description('follow-up of recommendations: progress, outcome, due date, news, next day');

  followUp
    .command('list')
    .description("a training day's follow-ups")
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: OutputOptions) => {
      const { listFollowUps } = await import('../../use-cases/follow-ups');
      const views = await withConnections((connections) => listFollowUps(connections, eventId));
      print(options, views, () =>
        views.length === 0
          ? 'no follow-ups yet'
          : table(
              ['recommendation', 'kind', 'owner', 'status', 'due', 'visits'],
              views.map((view) => [
                view.recommendation.id,
                view.recommendation.kind,
                view.owner.name,
                view.status,
                localTime(view.dueAt, view.event.timeZone).slice(0, 10),
                view.visits.length,
              ]),
            ),
      );
    });

  followUp
    .command('show')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, recommendationId: string, options: OutputOptions) => {
      const { readFollowUp } = await import('../../use-cases/follow-ups');
      const view = await withConnections((connections) =>
        readFollowUp(connections, { eventId, recommendationId }),
      );
      print(options, view, () => followUpText(view));
    });

  followUp
    .command('progress')
    .description('work on it has started')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .option('--note <text>', 'a progress note')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { note?: string } & OutputOptions,
      ) => {
        const { markFollowUpInProgress } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          markFollowUpInProgress(
            connections,
            { eventId, recommendationId },
            options.note ? { note: options.note } : {},
          ),
        );
        print(options, view, () => followUpLine(view));
      },
    );

  followUp
    .command('close')
    .description('close it as done or dropped, with its outcome')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .requiredOption('--status <done|dropped>', 'how it ended')
    .requiredOption('--outcome <text>', 'what came of it')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { status: string; outcome: string } & OutputOptions,
      ) => {
        const { closeFollowUp } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          closeFollowUp(
            connections,
            { eventId, recommendationId },
            { status: options.status, outcome: options.outcome },
          ),
        );
        print(options, view, () => followUpLine(view));
      },
    );

  followUp
    .command('due')
    .description('move its due date (a day, due at its end in the event time zone)')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .requiredOption('--date <YYYY-MM-DD>', 'new due day')
    .option('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { date: string; reason?: string } & OutputOptions,
      ) => {
        const { changeFollowUpDueDate } = await import('../../use-cases/follow-ups');
        const view = await withConnections((connections) =>
          changeFollowUpDueDate(
            connections,
            { eventId, recommendationId },
            { dueDate: options.date, ...(options.reason ? { reason: options.reason } : {}) },
          ),
        );
        print(options, view, () => followUpLine(view));
      },
    );

  followUp
    .command('news')
    .description('add an item to the next coordination digest')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .requiredOption('--title <text>', 'headline')
    .requiredOption('--body <text>', 'the news')
    .option('--link <url>', 'a page with details')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { title: string; body: string; link?: string } & OutputOptions,
      ) => {
        const { addCoordinationNews } = await import('../../use-cases/follow-ups');
        const item = await withConnections((connections) =>
          addCoordinationNews(
            connections,
            { eventId, recommendationId },
            {
              title: options.title,
              body: options.body,
              ...(options.link ? { link: options.link } : {}),
            },
          ),
        );
        print(options, item, () => `added to the next digest: ${options.title}`);
      },
    );

  followUp
    .command('next-day')
    .description('start the next training day, as a draft, from this follow-up')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .option('--date <YYYY-MM-DD>', 'its date (default: three months on)')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { date?: string } & OutputOptions,
      ) => {
        const { createNextTrainingDay } = await import('../../use-cases/follow-ups');
        const created = await withConnections((connections) =>
          createNextTrainingDay(
            connections,
            { eventId, recommendationId },
            options.date ? { date: options.date } : {},
          ),
        );
        print(options, created, () => `created the next training day ${created.eventId} (draft)`);
      },
    );

  followUp
    .command('propose-visit')
    .description('propose a networking visit by hand')
    .argument('<eventId>')
    .argument('<recommendationId>')
    .requiredOption('--host <associationId>', 'the association that hosts')
    .requiredOption('--visitors <ids>', 'comma-separated visiting associations')
    .option('--reason <text>', 'why these')
    .option('--json', 'print JSON')
    .action(
      async (
        eventId: string,
        recommendationId: string,
        options: { host: string; visitors: string; reason?: string } & OutputOptions,
      ) => {
        const { proposeVisit } = await import('../../use-cases/follow-ups');
        const visit = await withConnections((connections) =>
          proposeVisit(
            connections,
            { eventId, recommendationId },
            {
              hostId: options.host,
              visitorIds: options.visitors
                .split(',')
                .map((id) => id.trim())
                .filter(Boolean),
              ...(options.reason ? { reason: options.reason } : {}),
            },
          ),
        );
        print(options, visit, () => `proposed ${visit.visitId}: ${visit.status}`);
      },
    );
}
