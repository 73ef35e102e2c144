import { Command } from 'commander';
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
import { describeFailure, ExitCode } from './exit-codes';

export { describeFailure, ExitCode } from './exit-codes';

/** The `multaqa` command with every command group. */
export function buildProgram(): Command {
  const program = new Command('multaqa')
    .description('Organise training days as durable workflows.')
    .exitOverride();
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
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    const { message, code } = describeFailure(error);
    if (message) process.stderr.write(`multaqa: ${message}\n`);
    return code;
  }
}
