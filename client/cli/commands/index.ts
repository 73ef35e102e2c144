import type { Command } from 'commander';

/** Registers one module's commands on the program. */
type Register = (program: Command) => void;

/** A top-level command: its name and description for the help, and how to load it. */
export interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<Register>;
}

/**
 * Every top-level command, in help order. Only the one a run names is loaded (with its use
 * cases, zod schemas and clients); the others stay these few strings, so `--help`,
 * `--version` and each command start quickly. test/unit/cli-startup.test.ts checks the
 * descriptions against the modules'.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'event',
    description: 'training days',
    load: async () => (await import('./event')).registerEventCommands,
  },
  {
    name: 'associations',
    description: 'the directory of associations that can be invited',
    load: async () => (await import('./associations')).registerAssociationCommands,
  },
  {
    name: 'partner',
    description: "record a partner institution's answer",
    load: async () => (await import('./partner')).registerPartnerCommands,
  },
  {
    name: 'speaker',
    description: 'speakers of agenda slots',
    load: async () => (await import('./speaker')).registerSpeakerCommands,
  },
  {
    name: 'agenda',
    description: "a training day's agenda (programme)",
    load: async () => (await import('./agenda')).registerAgendaCommands,
  },
  {
    name: 'rsvp',
    description: 'answers to invitations',
    load: async () => (await import('./rsvp')).registerRsvpCommands,
  },
  {
    name: 'check-in',
    description: 'check an association (or a walk-in) in at the door, within the seats it booked',
    load: async () => (await import('./check-in')).registerCheckInCommands,
  },
  {
    name: 'check-ins',
    description: 'who checked in: people, seats booked, and through what and by whom',
    load: async () => (await import('./check-in')).registerCheckInCommands,
  },
  {
    name: 'recommendation',
    description: 'recommendations of a training day, each tracked as a follow-up',
    load: async () => (await import('./recommendation')).registerRecommendationCommands,
  },
  {
    name: 'follow-up',
    description: 'follow-up of recommendations: progress, outcome, due date, news, next day',
    load: async () => (await import('./follow-up')).registerFollowUpCommands,
  },
  {
    name: 'visit',
    description: 'networking visits between associations (from a follow-up)',
    load: async () => (await import('./visit')).registerVisitCommands,
  },
  {
    name: 'message',
    description: 'messages multaqa sends',
    load: async () => (await import('./message')).registerMessageCommands,
  },
  {
    name: 'report',
    description: "print a training day's report (figures, survey, recommendations and follow-up)",
    load: async () => (await import('./report')).registerReportCommands,
  },
  {
    name: 'projections',
    description: 'the read model of training days in Redis',
    load: async () => (await import('./projections')).registerProjectionCommands,
  },
];

/** The top-level command `argv` (as `process.argv`) names, if any: `multaqa help event` names `event`. */
export function namedCommand(argv: string[]): CommandEntry | undefined {
  const words = argv.slice(2).filter((word) => !word.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((entry) => entry.name === name);
}
