import { z } from 'zod';
import { LocalTimeSchema, LocalizedTextSchema, SlugSchema } from './common';

export const AGENDA_ITEM_KINDS = [
  'opening',
  'talk',
  'discussion',
  'break',
  'recommendations',
  'closing',
] as const;
export const AgendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;

/** One slot of the day, in wall-clock time of the event's time zone. */
export const AgendaItemSchema = z
  .object({
    id: SlugSchema,
    kind: AgendaItemKindSchema,
    title: LocalizedTextSchema,
    start: LocalTimeSchema,
    end: LocalTimeSchema,
    /** Required for talks: the speaker invited to this slot. */
    speakerId: SlugSchema.optional(),
    /** Short description: parts of a talk, programmes presented. */
    summary: LocalizedTextSchema.optional(),
  })
  .strict();
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** A day's agenda: at least one item (checked against the day by `findAgendaProblems`). */
export const AgendaSchema = z
  .array(AgendaItemSchema)
  .min(1, 'the agenda needs at least one item')
  .max(100);

export interface AgendaProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks an agenda against the day's opening hours: every item inside the day, items in
 * order, no overlaps, a speaker on every talk. Returns the problems found (empty when valid).
 */
export function findAgendaProblems(
  agenda: readonly AgendaItem[],
  day: { start: string; end: string },
  speakerIds?: ReadonlySet<string>,
): AgendaProblem[] {
  const problems: AgendaProblem[] = [];
  const seen = new Set<string>();
  agenda.forEach((item, index) => {
    if (seen.has(item.id))
      problems.push({ path: [index, 'id'], message: `duplicate agenda item id "${item.id}"` });
    seen.add(item.id);
    if (item.end <= item.start)
      problems.push({ path: [index, 'end'], message: 'must be after start' });
    if (item.start < day.start)
      problems.push({
        path: [index, 'start'],
        message: `must not be before the day starts (${day.start})`,
      });
    if (item.end > day.end)
      problems.push({
        path: [index, 'end'],
        message: `must not be after the day ends (${day.end})`,
      });
    if (item.kind === 'talk' && !item.speakerId)
      problems.push({ path: [index, 'speakerId'], message: 'a talk needs a speaker' });
    if (item.speakerId && speakerIds && !speakerIds.has(item.speakerId)) {
      problems.push({ path: [index, 'speakerId'], message: `unknown speaker "${item.speakerId}"` });
    }
    const previous = agenda[index - 1];
    if (previous) {
      if (item.start < previous.start)
        problems.push({
          path: [index, 'start'],
          message: 'agenda items must be in order of start time',
        });
      else if (item.start < previous.end)
        problems.push({
          path: [index, 'start'],
          message: `overlaps "${previous.id}" (ends ${previous.end})`,
        });
    }
  });
  return problems;
}
