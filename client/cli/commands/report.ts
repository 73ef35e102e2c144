import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { LanguageSchema, pickText } from '../../../domain/common';
import type { TrainingDayReport } from '../../../domain/report';
import { print, section, table, type OutputOptions } from '../output';
import { cliSettings, withConnections } from '../session';
import { localTime } from '../status-text';

function reportText(report: TrainingDayReport): string {
  const t = report.totals;
  let text = [
    `${report.eventId}: ${pickText(report.title, 'en', ['fr', 'ar'])}`,
    `phase  ${report.phase}`,
    `when   ${localTime(report.startsAt, report.timeZone)} (${report.timeZone})`,
  ].join('\n');
  text += section(
    'Participation',
    table(
      [
        'invited',
        'accepted',
        'declined',
        'waitlisted',
        'undeliverable',
        'attended',
        'people',
        'walk-ins',
      ],
      [
        [
          t.invited,
          t.accepted,
          t.declined,
          t.waitlisted,
          t.undeliverable,
          t.attended,
          t.attendees,
          t.walkIns,
        ],
      ],
    ),
  );
  for (const [title, rows] of [
    ['By province', report.byProvince],
    ['By sector', report.bySector],
  ] as const) {
    if (rows.length > 0)
      text += section(
        title,
        table(
          ['', 'invited', 'accepted', 'attended'],
          rows.map((row) => [row.segment, row.invited, row.accepted, row.attended]),
        ),
      );
  }
  if (report.survey)
    text += section(
      'Survey',
      `${report.survey.responses} answers, average ${report.survey.averageRating ?? '-'} / 5`,
    );
  if (report.recommendations.length > 0)
    text += section(
      'Recommendations',
      table(
        ['recommendation', 'status'],
        report.recommendations.map((recommendation) => [
          pickText(recommendation.text, 'en', ['fr', 'ar']),
          recommendation.status,
        ]),
      ),
    );
  return text;
}

/** `multaqa report`: what a training day came to, printable. */
export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description("print a training day's report (figures, survey, recommendations and follow-up)")
    .argument('<eventId>')
    .option('--html <file>', 'write the printable HTML report to this file')
    .option('--language <ar|fr|en>', 'language of the HTML report', 'fr')
    .option('--json', 'print JSON')
    .action(
      async (eventId: string, options: { html?: string; language: string } & OutputOptions) => {
        const { parseOrThrow } = await import('../../validation');
        const { buildTrainingDayReport, renderTrainingDayReportHtml } =
          await import('../../use-cases/report');
        const language = parseOrThrow(LanguageSchema, options.language, 'language');
        const report = await withConnections((connections) =>
          buildTrainingDayReport(connections, eventId),
        );
        if (options.html)
          writeFileSync(
            options.html,
            renderTrainingDayReportHtml(report, language, cliSettings().taxonomy),
          );
        print(options, report, () =>
          options.html
            ? `${reportText(report)}\n\nHTML report written to ${options.html}`
            : reportText(report),
        );
      },
    );
}
