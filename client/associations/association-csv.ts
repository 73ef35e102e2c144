import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { AssociationCsvRowSchema, type Association } from '../../domain/association';
import { taxonomyId, unknownTaxonomyValue, type Taxonomy } from '../../domain/taxonomy';
import { loadTaxonomy } from '../taxonomy-file';
import { strictUtf8, NotUtf8Error } from './strict-utf8';

/** The columns of an associations CSV, in the order of `examples/associations.csv`. */
export const ASSOCIATION_CSV_COLUMNS = [
  'id',
  'name',
  'sector',
  'province',
  'email',
  'preferred_language',
  'contact_name',
  'member_of_chamber',
] as const;
const REQUIRED_COLUMNS = ['id', 'name', 'sector', 'province', 'email', 'preferred_language'];

/** One problem in a CSV file: the line it is on (the header is line 1), the column, why. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/** What reading a CSV file found: the valid associations, and every problem, row by row. */
export interface CsvValidation {
  /** Data rows read (the header not counted). */
  rows: number;
  associations: Association[];
  /** The line each of `associations` is on. */
  lines: number[];
  /** Data rows with at least one problem. */
  invalidRows: number;
  /** The first problems found (at most `maxProblems`), in file order. */
  problems: RowProblem[];
  /** Every problem found, listed or not. */
  problemCount: number;
  /** The file as a whole is unusable (header, CSV syntax, too many rows, empty). */
  fileRefused: boolean;
}

/** Problems listed in a report by default: enough to fix a file, small enough to read. */
export const DEFAULT_MAX_PROBLEMS = 200;

export interface CsvProgress {
  rows: number;
  bytes: number;
}

/**
 * Reads an associations CSV as a stream and checks every row with the domain schema: header
 * columns, field count, each field's value, and ids repeated within the file. Never throws
 * for bad content: everything wrong is in `problems`, so the caller can report it all at once.
 */
export async function validateAssociationsCsv(
  input: Readable | string,
  options: {
    onProgress?: (progress: CsvProgress) => void;
    progressEvery?: number;
    /** Most data rows read; a longer file is refused as a whole. */
    maxRows?: number;
    /** Most problems listed (every one is still counted). */
    maxProblems?: number;
    /** The deployment's sectors and provinces (default: the shipped ones). */
    taxonomy?: Taxonomy;
  } = {},
): Promise<CsvValidation> {
  const taxonomy = options.taxonomy ?? loadTaxonomy();
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const result: CsvValidation = {
    rows: 0,
    associations: [],
    lines: [],
    invalidRows: 0,
    problems: [],
    problemCount: 0,
    fileRefused: false,
  };
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const addProblems = (found: RowProblem[]) => {
    result.problemCount += found.length;
    const room = maxProblems - result.problems.length;
    if (room > 0) result.problems.push(...found.slice(0, room));
  };
  const firstRows: FirstRows = { ofId: new Map(), ofEmail: new Map() };
  const every = options.progressEvery ?? 500;
  let header: string[] | undefined;
  const checked = typeof input === 'string' ? undefined : strictUtf8();
  if (typeof input === 'string') {
    parser.end(input);
  } else {
    input.on('error', (error) => parser.destroy(error));
    checked!.on('error', (error) => parser.destroy(error));
    input.pipe(checked!).pipe(parser);
  }
  try {
    for await (const entry of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const { record, info } = entry;
      if (!header) {
        header = record.map((name) => name.trim().toLowerCase());
        const headerProblems = checkHeader(header);
        if (headerProblems.length > 0) {
          result.fileRefused = true;
          addProblems(headerProblems);
          break;
        }
        continue;
      }
      if (options.maxRows !== undefined && result.rows >= options.maxRows) {
        result.fileRefused = true;
        addProblems([
          {
            row: info.lines,
            field: '(file)',
            message: `more than ${options.maxRows} rows: split the file`,
          },
        ]);
        break;
      }
      result.rows += 1;
      const row = info.lines;
      const problems = checkRow(header, record, row, firstRows, taxonomy);
      if ('association' in problems) {
        result.associations.push(problems.association);
        result.lines.push(row);
      } else {
        result.invalidRows += 1;
        addProblems(problems.problems);
      }
      if (options.onProgress && result.rows % every === 0)
        options.onProgress({ rows: result.rows, bytes: parser.info.bytes });
    }
  } catch (error) {
    result.fileRefused = true;
    if (error instanceof NotUtf8Error) {
      addProblems([{ row: error.line, field: '(file)', message: error.message }]);
    } else {
      if (!(error instanceof CsvError)) throw error;
      addProblems([
        {
          row: (error as CsvError & { lines?: number }).lines ?? result.rows + 2,
          field: '(file)',
          message: `not valid CSV: ${error.message}`,
        },
      ]);
    }
  }
  if (typeof input !== 'string' && !input.readableEnded) {
    // Stopped early (bad header or syntax): drain the rest so a request body is not left unread.
    input.unpipe(checked);
    input.resume();
  }
  if (!header && result.problemCount === 0) {
    result.fileRefused = true;
    addProblems([{ row: 1, field: '(file)', message: 'the file is empty' }]);
  }
  options.onProgress?.({ rows: result.rows, bytes: parser.info.bytes });
  return result;
}

function checkHeader(header: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const known = new Set<string>(ASSOCIATION_CSV_COLUMNS);
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column))
      problems.push({ row: 1, field: column, message: 'missing column in the header' });
  }
  header.forEach((column) => {
    if (!known.has(column))
      problems.push({
        row: 1,
        field: column || '(empty)',
        message: `unknown column; expected ${ASSOCIATION_CSV_COLUMNS.join(',')}`,
      });
  });
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push({ row: 1, field: column, message: 'column given twice' });
    seen.add(column);
  }
  return problems;
}

interface FirstRows {
  ofId: Map<string, number>;
  ofEmail: Map<string, number>;
}

function checkRow(
  header: string[],
  record: string[],
  row: number,
  firstRows: FirstRows,
  taxonomy: Taxonomy,
): { association: Association } | { problems: RowProblem[] } {
  if (record.length !== header.length) {
    return {
      problems: [
        {
          row,
          field: '(row)',
          message: `has ${record.length} fields, the header has ${header.length}`,
        },
      ],
    };
  }
  const fields = Object.fromEntries(header.map((column, index) => [column, record[index]]));
  const parsed = AssociationCsvRowSchema.safeParse(fields);
  const problems: RowProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        row,
        field: issue.path.map(String).join('.') || '(row)',
        message: issue.message,
      }));
  const flagged = new Set(problems.map((problem) => problem.field));
  // The taxonomy is checked on the raw text too, so one pass reports everything in the row.
  const inTaxonomy = (kind: 'sector' | 'province') => {
    const value = fields[kind]?.trim() ?? '';
    const id = value ? taxonomyId(taxonomy, kind, value) : undefined;
    if (!id && value && !flagged.has(kind))
      problems.push({
        row,
        field: kind,
        message: `"${value}": ${unknownTaxonomyValue(taxonomy, kind)}`,
      });
    return id;
  };
  const sector = inTaxonomy('sector');
  const province = inTaxonomy('province');
  if (!parsed.success || !sector || !province) return { problems: sortByColumn(problems, header) };
  const association = parsed.data;
  const earlierId = firstRows.ofId.get(association.id);
  if (earlierId !== undefined)
    problems.push({
      row,
      field: 'id',
      message: `"${association.id}" is already on line ${earlierId}`,
    });
  const earlierEmail = firstRows.ofEmail.get(association.email);
  if (earlierEmail !== undefined)
    problems.push({
      row,
      field: 'email',
      message: `${association.email} is already on line ${earlierEmail} (case does not matter)`,
    });
  if (problems.length > 0) return { problems };
  firstRows.ofId.set(association.id, row);
  firstRows.ofEmail.set(association.email, row);
  return { association: { ...association, sector, province } };
}

/** Problems in the order of the file's columns, as a person reads the row. */
function sortByColumn(problems: RowProblem[], header: string[]): RowProblem[] {
  const position = (field: string) => {
    const index = header.indexOf(field);
    return index < 0 ? header.length : index;
  };
  return [...problems].sort((a, b) => position(a.field) - position(b.field));
}
