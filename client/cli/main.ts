import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMANDS, namedCommand } from './commands';
import { ExitCode } from './exit-code';

export { ExitCode } from './exit-code';

/** multaqa's version, from its package.json (next to `dist/` or to the sources). */
export function multaqaVersion(): string {
  for (const path of [
    resolve(__dirname, '..', '..', 'package.json'),
    resolve(__dirname, '..', '..', '..', 'package.json'),
  ]) {
    try {
      const found = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (found.name === 'multaqa' && found.version) return found.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

/**
 * The `multaqa` command for `argv`: the command it names is loaded and registered whole, every
 * other one only by name and description (enough for the help). With `jsonErrors`,
 * commander's own error lines are held back: the caller prints the failure as JSON instead.
 */
export async function buildProgram(
  argv: string[],
  options: { jsonErrors?: boolean } = {},
): Promise<Command> {
  const program = new Command('multaqa')
    .description('Organise training days as durable workflows.')
    .version(multaqaVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput(options.jsonErrors ? { outputError: () => undefined } : {})
    .hook('preAction', async (_program, command) =>
      (await import('./argument-checks')).checkCommonArguments(command),
    );
  const named = namedCommand(argv);
  if (named) (await named.load())(program);
  const registered = new Set(program.commands.map((command) => command.name()));
  for (const entry of COMMANDS)
    if (!registered.has(entry.name)) program.command(entry.name).description(entry.description);
  return program;
}

/** Runs the CLI; resolves to its exit code (0 done, 2 bad input, 1 any other failure). */
export async function main(argv: string[]): Promise<number> {
  const jsonErrors = argv.includes('--json');
  try {
    await (await buildProgram(argv, { jsonErrors })).parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    // `--help` and `--version` end here: answer without loading the error classes (zod).
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.ok;
    const { describeFailure, failureJson } = await import('./exit-codes');
    const { message, code } = describeFailure(error);
    // --json anywhere asks for JSON errors too, so scripts never parse prose.
    if (jsonErrors && code !== ExitCode.ok)
      process.stderr.write(`${JSON.stringify(failureJson(error, code))}\n`);
    else if (message) process.stderr.write(`multaqa: ${message}\n`);
    return code;
  }
}
