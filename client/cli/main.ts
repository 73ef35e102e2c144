import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from '../../domain/config';
import { MultaqaError } from '../../domain/errors';
import { connectTemporalClient } from '../temporal-client';
import { createTrainingDay, readTrainingDayStatus } from '../training-days';
import { ValidationError } from '../validation';

/** Exit codes of the CLI: a stable contract for scripts. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError([
      { field: 'file', message: `cannot read ${path}: ${(error as Error).message}` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError([
      { field: 'file', message: `${path} is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

function print(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function buildProgram(): Command {
  const program = new Command('multaqa')
    .description('Organise training days as durable workflows.')
    .exitOverride();
  const event = program.command('event').description('training days');
  event
    .command('create')
    .description('start the workflow of a training day from an event file')
    .requiredOption('--file <path>', 'event file (JSON)')
    .option('--json', 'print JSON')
    .action(async (options: { file: string; json?: boolean }) => {
      const config = parseConfig();
      const client = await connectTemporalClient(config);
      try {
        const { eventId } = await createTrainingDay(
          client,
          config.TEMPORAL_TASK_QUEUE,
          readJsonFile(options.file),
        );
        print(Boolean(options.json), { eventId }, () => `created training day ${eventId}`);
      } finally {
        await client.connection.close();
      }
    });
  event
    .command('status')
    .description("show a training day's live status")
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: { json?: boolean }) => {
      const config = parseConfig();
      const client = await connectTemporalClient(config);
      try {
        const status = await readTrainingDayStatus(client, eventId);
        print(Boolean(options.json), status, () => `${status.eventId}: ${status.phase}`);
      } finally {
        await client.connection.close();
      }
    });
  return program;
}

/** Maps an error to its message and exit code: 2 for bad input (naming the field), 1 otherwise. */
export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof ValidationError)
    return { message: `invalid input:\n${error.message}`, code: ExitCode.badInput };
  if (error instanceof ConfigError) return { message: error.message, code: ExitCode.badInput };
  if (error instanceof MultaqaError) {
    return {
      message: error.field ? `${error.field}: ${error.message}` : error.message,
      code: error.code === 'InvalidInput' ? ExitCode.badInput : ExitCode.failure,
    };
  }
  if (error instanceof CommanderError)
    return { message: '', code: error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput };
  return {
    message: error instanceof Error ? error.message : String(error),
    code: ExitCode.failure,
  };
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    const { message, code } = describeFailure(error);
    if (message) process.stderr.write(`multaqa: ${message}\n`);
    return code;
  }
}
