import { readFileSync } from 'node:fs';
import { parseConfig } from '../../domain/config';
import { openConnections, type Connections } from '../connections';
import { ValidationError } from '../validation';

/** Runs `work` with Temporal and Redis opened from the environment, and closes them after. */
export async function withConnections<T>(
  work: (connections: Connections) => Promise<T>,
): Promise<T> {
  const connections = await openConnections(parseConfig());
  try {
    return await work(connections);
  } finally {
    await connections.close();
  }
}

/** Reads and parses a JSON file given on the command line; problems name `field`. */
export function readJsonFile(path: string, field = 'file'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError([
      { field, message: `cannot read ${path}: ${(error as Error).message}` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError([
      { field, message: `${path} is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

/** A number option as given (so validation can name it when it is not a number). */
export function numberOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
