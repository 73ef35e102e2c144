import { z } from 'zod';
import {
  AgendaItemKindSchema,
  AgendaItemSchema,
  AgendaSchema,
  findAgendaProblems,
  type AgendaItem,
  type AgendaProblem,
} from './agenda';
import { LocalTimeSchema, LocalizedTextSchema, SlugSchema } from './common';

/**
 * One coordinator edit of a training day's agenda, as the CLI, the API and the dashboard send
 * it. `basedOnRevision` (the `agendaRevision` the editor saw) refuses an edit made on an agenda
 * that changed meanwhile.
 */
export const AgendaEditSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('replace'),
      agenda: AgendaSchema,
      basedOnRevision: z.number().int().min(0).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('move'),
      itemId: SlugSchema,
      start: LocalTimeSchema,
      /** Default: the item keeps its length. */
      end: LocalTimeSchema.optional(),
      basedOnRevision: z.number().int().min(0).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('edit'),
      itemId: SlugSchema,
      /** Merged over the item's title, language by language. */
      title: LocalizedTextSchema.optional(),
      summary: LocalizedTextSchema.optional(),
      kind: AgendaItemKindSchema.optional(),
      speakerId: SlugSchema.optional(),
      basedOnRevision: z.number().int().min(0).optional(),
    })
    .strict()
    .refine(
      (edit) => edit.title || edit.summary || edit.kind || edit.speakerId,
      'say what to change: title, summary, kind or speakerId',
    ),
  z
    .object({
      action: z.literal('add'),
      item: AgendaItemSchema,
      basedOnRevision: z.number().int().min(0).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('remove'),
      itemId: SlugSchema,
      basedOnRevision: z.number().int().min(0).optional(),
    })
    .strict(),
]);
export type AgendaEdit = z.infer<typeof AgendaEditSchema>;

/** Thrown when an edit cannot apply to the agenda as it is; `field` names the bad input. */
export class AgendaEditProblem extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'AgendaEditProblem';
  }
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Items in order of start time; items that start together keep their order. */
const inOrder = (agenda: AgendaItem[]) =>
  agenda
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.start.localeCompare(b.item.start) || a.index - b.index)
    .map(({ item }) => item);

function indexOf(agenda: readonly AgendaItem[], itemId: string): number {
  const index = agenda.findIndex((item) => item.id === itemId);
  if (index < 0) throw new AgendaEditProblem(`no agenda item "${itemId}"`, 'itemId');
  return index;
}

/** The agenda after `edit`, in order of start time; not yet checked against the day. */
export function applyAgendaEdit(agenda: readonly AgendaItem[], edit: AgendaEdit): AgendaItem[] {
  switch (edit.action) {
    case 'replace':
      return [...edit.agenda];
    case 'move': {
      const item = agenda[indexOf(agenda, edit.itemId)]!;
      const length = minutesOf(item.end) - minutesOf(item.start);
      const end = edit.end ?? timeOf(minutesOf(edit.start) + length);
      if (minutesOf(edit.start) + length >= 24 * 60 && !edit.end)
        throw new AgendaEditProblem('the item would end after midnight', 'start');
      return inOrder(
        agenda.map((known) =>
          known.id === item.id ? { ...known, start: edit.start, end } : known,
        ),
      );
    }
    case 'edit': {
      const index = indexOf(agenda, edit.itemId);
      const item = agenda[index]!;
      const changed: AgendaItem = {
        ...item,
        title: { ...item.title, ...edit.title },
        summary: edit.summary ? { ...item.summary, ...edit.summary } : item.summary,
        kind: edit.kind ?? item.kind,
        speakerId: edit.speakerId ?? item.speakerId,
      };
      return agenda.map((known, at) => (at === index ? changed : known));
    }
    case 'add':
      if (agenda.some((known) => known.id === edit.item.id))
        throw new AgendaEditProblem(`an agenda item "${edit.item.id}" already exists`, 'item.id');
      return inOrder([...agenda, edit.item]);
    case 'remove': {
      const index = indexOf(agenda, edit.itemId);
      if (agenda.length === 1)
        throw new AgendaEditProblem('the agenda needs at least one item', 'itemId');
      return agenda.filter((_, at) => at !== index);
    }
  }
}

/**
 * The agenda moved with its day: every item keeps its offset from the day's start. Returns the
 * moved agenda and the problems of fitting it in the new hours (a shorter day, past midnight).
 */
export function moveAgendaWithDay(
  agenda: readonly AgendaItem[],
  from: { start: string },
  to: { start: string; end: string },
): { agenda: AgendaItem[]; problems: AgendaProblem[] } {
  const shift = minutesOf(to.start) - minutesOf(from.start);
  const moved: AgendaItem[] = [];
  const problems: AgendaProblem[] = [];
  agenda.forEach((item, index) => {
    const start = minutesOf(item.start) + shift;
    const end = minutesOf(item.end) + shift;
    if (start < 0 || end >= 24 * 60) {
      problems.push({ path: [index, 'end'], message: 'would move out of the day (past midnight)' });
      moved.push(item);
    } else moved.push({ ...item, start: timeOf(start), end: timeOf(end) });
  });
  if (problems.length === 0) problems.push(...findAgendaProblems(moved, to));
  return { agenda: moved, problems };
}
