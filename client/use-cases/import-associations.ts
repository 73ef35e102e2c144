import type { Readable } from 'node:stream';
import type { Connections } from '../connections';
import { AssociationDirectory } from '../../stores/association-directory';
import type { Association } from '../../domain/association';
import type { Taxonomy } from '../../domain/taxonomy';
import {
  DEFAULT_MAX_PROBLEMS,
  validateAssociationsCsv,
  type CsvProgress,
  type CsvValidation,
  type RowProblem,
} from '../associations/association-csv';

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
  connections: Pick<Connections, 'redis' | 'config'>,
  input: Readable | string,
  options: ImportLimits & {
    skipInvalid?: boolean;
    onProgress?: (progress: CsvProgress) => void;
    /** The deployment's sectors and provinces (default: the shipped ones). */
    taxonomy?: Taxonomy;
  } = {},
): Promise<ImportReport> {
  const validation = await validateAssociationsCsv(input, options);
  const directory = new AssociationDirectory(connections.redis, connections.config.REDIS_PREFIX);
  await refuseEmailsOfOthers(directory, validation, options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const store =
    !validation.fileRefused &&
    validation.associations.length > 0 &&
    (validation.invalidRows === 0 || Boolean(options.skipInvalid));
  if (store) await directory.upsert(validation.associations);
  return {
    rows: validation.rows,
    imported: store ? validation.associations.length : 0,
    skipped: store ? validation.invalidRows : 0,
    stored: store,
    problems: validation.problems,
    problemCount: validation.problemCount,
  };
}

/**
 * Moves the rows whose email already belongs to another association of the directory (case
 * ignored) from the valid associations to the problems: one address, one association.
 */
async function refuseEmailsOfOthers(
  directory: AssociationDirectory,
  validation: CsvValidation,
  maxProblems: number,
): Promise<void> {
  const owners = await directory.ownersOfEmails(
    validation.associations.map((association) => association.email),
  );
  const associations: Association[] = [];
  const lines: number[] = [];
  validation.associations.forEach((association, index) => {
    const owner = owners[index];
    const row = validation.lines[index]!;
    if (owner && owner !== association.id) {
      validation.problemCount += 1;
      if (validation.problems.length < maxProblems)
        validation.problems.push({
          row,
          field: 'email',
          message: `${association.email} is already the address of association "${owner}"`,
        });
      validation.invalidRows += 1;
    } else {
      associations.push(association);
      lines.push(row);
    }
  });
  validation.associations = associations;
  validation.lines = lines;
  validation.problems.sort((a, b) => a.row - b.row);
}
