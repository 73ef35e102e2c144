import type { Command } from 'commander';
import { pickText, type LocalizedText } from '../../../domain/common';
import type { AgendaView } from '../../use-cases/agenda-changes';
import { print, table, type OutputOptions } from '../output';
import { numberOption, readJsonFile, withConnections } from '../session';

interface TextOptions {
  titleAr?: string;
  titleFr?: string;
  titleEn?: string;
}
interface EditOptions extends OutputOptions {
  /** The agenda revision the edit was made on (`agenda show`): refused if another came first. */
  revision?: string;
}

/** `--title-ar/--title-fr/--title-en` as a text, or nothing when none is given. */
function titleOf(options: TextOptions): LocalizedText | undefined {
  const text = { ar: options.titleAr, fr: options.titleFr, en: options.titleEn };
  return text.ar || text.fr || text.en ? text : undefined;
}

function agendaText(view: AgendaView): string {
  return [
    `${view.eventId}: ${view.date} ${view.start}–${view.end} (${view.timeZone}), agenda revision ${view.agendaRevision}`,
    table(
      ['time', 'id', 'kind', 'title', 'speaker'],
      view.items.map((item) => [
        `${item.start}–${item.end}`,
        item.id,
        item.kind,
        pickText(item.title, 'fr'),
        item.speakerName ? `${item.speakerName} (${item.speakerStatus})` : (item.speakerId ?? ''),
      ]),
    ),
  ].join('\n');
}

/** Sends one edit and prints the agenda as it is after it. */
async function runEdit(eventId: string, edit: object, options: EditOptions): Promise<void> {
  const { editAgenda } = await import('../../use-cases/agenda-changes');
  const view = await withConnections((connections) =>
    editAgenda(connections, eventId, { ...edit, basedOnRevision: numberOption(options.revision) }),
  );
  print(options, view, () => agendaText(view));
}

const titleOptions = (command: Command) =>
  command
    .option('--title-ar <text>', 'title in Arabic')
    .option('--title-fr <text>', 'title in French')
    .option('--title-en <text>', 'title in English');
const editOptions = (command: Command) =>
  command
    .option('--revision <n>', 'refuse the edit if the agenda changed since this revision')
    .option('--json', 'print JSON');

/**
 * `multaqa agenda show|move|edit|add|remove|replace`: a training day's programme. Speakers and
 * registered associations are told of changes once the edits stop for a quiet period.
 */
export function registerAgendaCommands(program: Command): void {
  const agenda = program.command('agenda').description("a training day's agenda (programme)");

  agenda
    .command('show')
    .description('the agenda, with the speaker of each slot now')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: OutputOptions) => {
      const { showAgenda } = await import('../../use-cases/agenda-changes');
      const view = await withConnections((connections) => showAgenda(connections, eventId));
      print(options, view, () => agendaText(view));
    });

  editOptions(
    agenda
      .command('move')
      .description('move an item to another time (it keeps its length unless --end is given)')
      .argument('<eventId>')
      .argument('<itemId>')
      .requiredOption('--start <HH:MM>', 'new start time')
      .option('--end <HH:MM>', 'new end time'),
  ).action(
    async (
      eventId: string,
      itemId: string,
      options: { start: string; end?: string } & EditOptions,
    ) =>
      runEdit(eventId, { action: 'move', itemId, start: options.start, end: options.end }, options),
  );

  editOptions(
    titleOptions(
      agenda
        .command('edit')
        .description("change an item's title (per language), kind or speaker")
        .argument('<eventId>')
        .argument('<itemId>'),
    )
      .option('--kind <kind>', 'opening, talk, discussion, break, recommendations or closing')
      .option('--speaker <speakerId>', 'speaker of the event file (for a talk not yet booked)'),
  ).action(
    async (
      eventId: string,
      itemId: string,
      options: TextOptions & { kind?: string; speaker?: string } & EditOptions,
    ) =>
      runEdit(
        eventId,
        {
          action: 'edit',
          itemId,
          title: titleOf(options),
          kind: options.kind,
          speakerId: options.speaker,
        },
        options,
      ),
  );

  editOptions(
    titleOptions(
      agenda
        .command('add')
        .description('add an item (from --file, or from the options)')
        .argument('<eventId>')
        .option('--file <path>', 'the item as JSON (id, kind, title, start, end, speakerId)')
        .option('--id <slug>', 'item id')
        .option('--kind <kind>', 'opening, talk, discussion, break, recommendations or closing')
        .option('--start <HH:MM>', 'start time')
        .option('--end <HH:MM>', 'end time')
        .option('--speaker <speakerId>', 'speaker of the event file (talks)'),
    ),
  ).action(
    async (
      eventId: string,
      options: {
        file?: string;
        id?: string;
        kind?: string;
        start?: string;
        end?: string;
        speaker?: string;
      } & TextOptions &
        EditOptions,
    ) => {
      const item = options.file
        ? readJsonFile(options.file)
        : {
            id: options.id,
            kind: options.kind,
            title: titleOf(options),
            start: options.start,
            end: options.end,
            speakerId: options.speaker,
          };
      await runEdit(eventId, { action: 'add', item }, options);
    },
  );

  editOptions(
    agenda
      .command('remove')
      .description('remove an item (a talk removed tells its speaker the slot is cancelled)')
      .argument('<eventId>')
      .argument('<itemId>'),
  ).action(async (eventId: string, itemId: string, options: EditOptions) =>
    runEdit(eventId, { action: 'remove', itemId }, options),
  );

  editOptions(
    agenda
      .command('replace')
      .description('replace the whole agenda with a JSON array of items (as in the event file)')
      .argument('<eventId>')
      .requiredOption('--file <path>', 'the agenda as JSON'),
  ).action(async (eventId: string, options: { file: string } & EditOptions) =>
    runEdit(eventId, { action: 'replace', agenda: readJsonFile(options.file) }, options),
  );
}
