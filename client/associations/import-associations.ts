import type { Redis } from 'ioredis';
import type { Readable } from 'node:stream';
import { AssociationDirectory } from '../../activities/directory/association-directory';
import { validateAssociationsCsv, type CsvProgress, type RowProblem } from './association-csv';

/** Limits of one import: rows read and problems listed. */
export interface ImportLimits {
  maxRows?: number;
  maxProblems?: number;
}

/** What an import did: a report a coordinator can act on, row by row. */
export interface ImportReport {
  /** Data rows in the file. */
  rows: number;
  /** Associations stored (added or updated). */
  imported: number;
  /** Rows left out because they had problems (only with `skipInvalid`). */
  skipped: number;
  /** True when the directory was written to. */
  stored: boolean;
  /** The first problems, in file order (at most `DEFAULT_MAX_PROBLEMS` unless asked). */
  problems: RowProblem[];
  /** Every problem found; more than `problems.length` when the list was cut. */
  problemCount: number;
}

/**
 * Imports associations from a CSV stream into the directory. Every row is checked before
 * anything is stored: with any problem, nothing is stored, unless `skipInvalid`, which stores
 * the valid rows and reports the others. A problem with the file itself (header, syntax)
 * always stores nothing.
 */
export async function importAssociations(
  redis: Redis,
  prefix: string,
  input: Readable | string,
  options: ImportLimits & {
    skipInvalid?: boolean;
    onProgress?: (progress: CsvProgress) => void;
  } = {},
): Promise<ImportReport> {
  const validation = await validateAssociationsCsv(input, options);
  const store =
    !validation.fileRefused &&
    validation.associations.length > 0 &&
    (validation.invalidRows === 0 || Boolean(options.skipInvalid));
  if (store) await new AssociationDirectory(redis, prefix).upsert(validation.associations);
  return {
    rows: validation.rows,
    imported: store ? validation.associations.length : 0,
    skipped: store ? validation.invalidRows : 0,
    stored: store,
    problems: validation.problems,
    problemCount: validation.problemCount,
  };
}
