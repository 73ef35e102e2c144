import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { AssociationCsvRowSchema, type Association } from '../../domain/association';

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
  } = {},
): Promise<CsvValidation> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const result: CsvValidation = {
    rows: 0,
    associations: [],
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
  const firstRowOfId = new Map<string, number>();
  const every = options.progressEvery ?? 500;
  let header: string[] | undefined;
  if (typeof input === 'string') {
    parser.end(input);
  } else {
    input.on('error', (error) => parser.destroy(error));
    input.pipe(parser);
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
      const problems = checkRow(header, record, row, firstRowOfId);
      if ('association' in problems) {
        result.associations.push(problems.association);
      } else {
        result.invalidRows += 1;
        addProblems(problems.problems);
      }
      if (options.onProgress && result.rows % every === 0)
        options.onProgress({ rows: result.rows, bytes: parser.info.bytes });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    result.fileRefused = true;
    addProblems([
      {
        row: (error as CsvError & { lines?: number }).lines ?? result.rows + 2,
        field: '(file)',
        message: `not valid CSV: ${error.message}`,
      },
    ]);
  }
  if (typeof input !== 'string' && !input.readableEnded) {
    // Stopped early (bad header or syntax): drain the rest so a request body is not left unread.
    input.unpipe(parser);
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

function checkRow(
  header: string[],
  record: string[],
  row: number,
  firstRowOfId: Map<string, number>,
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
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        row,
        field: issue.path.map(String).join('.') || '(row)',
        message: issue.message,
      })),
    };
  }
  const earlier = firstRowOfId.get(parsed.data.id);
  if (earlier !== undefined) {
    return {
      problems: [
        { row, field: 'id', message: `"${parsed.data.id}" is already on line ${earlier}` },
      ],
    };
  }
  firstRowOfId.set(parsed.data.id, row);
  return { association: parsed.data };
}
