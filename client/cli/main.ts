import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCommonArguments } from './argument-checks';
import { registerAgendaCommands } from './commands/agenda';
import { registerAssociationCommands } from './commands/associations';
import { registerCheckInCommands } from './commands/check-in';
import { registerEventCommands } from './commands/event';
import { registerFollowUpCommands } from './commands/follow-up';
import { registerMessageCommands } from './commands/message';
import { registerPartnerCommands } from './commands/partner';
import { registerProjectionCommands } from './commands/projections';
import { registerRecommendationCommands } from './commands/recommendation';
import { registerReportCommands } from './commands/report';
import { registerRsvpCommands } from './commands/rsvp';
import { registerSpeakerCommands } from './commands/speaker';
import { registerVisitCommands } from './commands/visit';
import { describeFailure, ExitCode, failureJson } from './exit-codes';

export { describeFailure, ExitCode } from './exit-codes';

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
 * The `multaqa` command with every command group. With `jsonErrors`, commander's own error
 * lines are held back: the caller prints the failure as JSON instead.
 */
export function buildProgram(options: { jsonErrors?: boolean } = {}): Command {
  const program = new Command('multaqa')
    .description('Organise training days as durable workflows.')
    .version(multaqaVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput(options.jsonErrors ? { outputError: () => undefined } : {})
    .hook('preAction', (_program, command) => checkCommonArguments(command));
  registerEventCommands(program);
  registerAssociationCommands(program);
  registerPartnerCommands(program);
  registerSpeakerCommands(program);
  registerAgendaCommands(program);
  registerRsvpCommands(program);
  registerCheckInCommands(program);
  registerRecommendationCommands(program);
  registerFollowUpCommands(program);
  registerVisitCommands(program);
  registerMessageCommands(program);
  registerReportCommands(program);
  registerProjectionCommands(program);
  return program;
}

/** Runs the CLI; resolves to its exit code (0 done, 2 bad input, 1 any other failure). */
export async function main(argv: string[]): Promise<number> {
  const jsonErrors = argv.includes('--json');
  try {
    await buildProgram({ jsonErrors }).parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    const { message, code } = describeFailure(error);
    // --json anywhere asks for JSON errors too, so scripts never parse prose.
    if (jsonErrors && code !== ExitCode.ok)
      process.stderr.write(`${JSON.stringify(failureJson(error, code))}\n`);
    else if (message) process.stderr.write(`multaqa: ${message}\n`);
    return code;
  }
}
