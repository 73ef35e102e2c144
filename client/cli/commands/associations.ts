import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import type { ImportReport } from '../../use-cases/import-associations';
import { print, table, type OutputOptions } from '../output';
import { inputFileSize, withRedis } from '../session';

/** Files at least this big get a progress bar (on a terminal). */
const PROGRESS_BAR_BYTES = 256 * 1024;

function reportText(report: ImportReport): string {
  const summary = report.stored
    ? `imported ${report.imported} of ${report.rows} associations${report.skipped ? `, skipped ${report.skipped} invalid rows` : ''}`
    : `nothing imported: ${report.problemCount} problems in ${report.rows} rows (fix them, or use --skip-invalid)`;
  if (report.problems.length === 0) return summary;
  const cut =
    report.problemCount > report.problems.length
      ? `\n(the first ${report.problems.length} of ${report.problemCount} problems)`
      : '';
  return `${table(
    ['line', 'field', 'problem'],
    report.problems.map((problem) => [problem.row, problem.field, problem.message]),
  )}${cut}\n${summary}`;
}

/**
 * `multaqa associations …`: the directory of associations that can be invited. Both commands
 * work on Redis only; each imports what it uses when it runs.
 */
export function registerAssociationCommands(program: Command): void {
  const associations = program
    .command('associations')
    .description('the directory of associations that can be invited');

  associations
    .command('import')
    .description('import associations from a CSV file (every row checked before storing)')
    .argument('<file>', 'CSV with header id,name,sector,province,email,preferred_language,...')
    .option('--skip-invalid', 'store the valid rows even when some rows are invalid')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { skipInvalid?: boolean } & OutputOptions) => {
      const { SingleBar, Presets } = await import('cli-progress');
      const { importAssociations } = await import('../../use-cases/import-associations');
      const { taxonomyOf } = await import('../../taxonomy-file');
      const { ValidationError } = await import('../../validation');
      const size = inputFileSize(file);
      const bar =
        process.stderr.isTTY && !options.json && size >= PROGRESS_BAR_BYTES
          ? new SingleBar(
              { format: 'importing [{bar}] {percentage}% | {rows} rows', stream: process.stderr },
              Presets.shades_classic,
            )
          : undefined;
      bar?.start(size, 0, { rows: 0 });
      const report = await withRedis(async (connections) => {
        try {
          return await importAssociations(connections, createReadStream(file), {
            skipInvalid: options.skipInvalid,
            maxRows: connections.config.IMPORT_MAX_ROWS,
            taxonomy: taxonomyOf(connections.config),
            onProgress: (progress) => bar?.update(progress.bytes, { rows: progress.rows }),
          });
        } finally {
          bar?.stop();
        }
      });
      print(options, report, () => reportText(report));
      if (!report.stored && report.problems.length > 0) {
        // The report is already printed; exit 2 (bad input) naming the first problem's field.
        const first = report.problems[0]!;
        throw new ValidationError([
          { field: `line ${first.row}: ${first.field}`, message: first.message },
        ]);
      }
    });

  associations
    .command('list')
    .description('list the associations in the directory')
    .option('--limit <n>', 'at most n', '100')
    .option('--json', 'print JSON')
    .action(async (options: { limit: string } & OutputOptions) => {
      const limit = Number(options.limit); // checked for every command (argument-checks.ts)
      const { AssociationDirectory } = await import('../../../stores/association-directory');
      const rows = await withRedis(async (connections) => {
        const directory = new AssociationDirectory(
          connections.redis,
          connections.config.REDIS_PREFIX,
        );
        const found = [];
        for await (const page of directory.all()) {
          found.push(...page);
          if (found.length >= limit) break;
        }
        return found.sort((a, b) => a.id.localeCompare(b.id)).slice(0, limit);
      });
      print(options, rows, () =>
        table(
          ['id', 'name', 'sector', 'province', 'language', 'email'],
          rows.map((row) => [
            row.id,
            row.name,
            row.sector,
            row.province,
            row.preferredLanguage,
            row.email,
          ]),
        ),
      );
    });
}
