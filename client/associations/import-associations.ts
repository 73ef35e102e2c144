import type { Redis } from 'ioredis';
import type { Readable } from 'node:stream';
import { AssociationDirectory } from '../../activities/directory/association-directory';
import type { Association } from '../../domain/association';
import type { Taxonomy } from '../../domain/taxonomy';
import {
  validateAssociationsCsv,
  type CsvProgress,
  type CsvValidation,
  type RowProblem,
} from './association-csv';

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
  problems: RowProblem[];
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
  options: {
    skipInvalid?: boolean;
    onProgress?: (progress: CsvProgress) => void;
    /** The deployment's sectors and provinces (default: the shipped ones). */
    taxonomy?: Taxonomy;
  } = {},
): Promise<ImportReport> {
  const validation = await validateAssociationsCsv(input, {
    onProgress: options.onProgress,
    taxonomy: options.taxonomy,
  });
  const directory = new AssociationDirectory(redis, prefix);
  await refuseEmailsOfOthers(directory, validation);
  const fileProblem = validation.problems.some(
    (problem) => problem.row === 1 || problem.field === '(file)',
  );
  const store =
    !fileProblem &&
    validation.associations.length > 0 &&
    (validation.invalidRows === 0 || Boolean(options.skipInvalid));
  if (store) await directory.upsert(validation.associations);
  return {
    rows: validation.rows,
    imported: store ? validation.associations.length : 0,
    skipped: store ? validation.invalidRows : 0,
    stored: store,
    problems: validation.problems,
  };
}

/**
 * Moves the rows whose email already belongs to another association of the directory (case
 * ignored) from the valid associations to the problems: one address, one association.
 */
async function refuseEmailsOfOthers(
  directory: AssociationDirectory,
  validation: CsvValidation,
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
