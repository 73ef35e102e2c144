import type { AgendaItem } from '../../domain/agenda';
import {
  AgendaEditProblem,
  AgendaEditSchema,
  applyAgendaEdit,
  moveAgendaWithDay,
} from '../../domain/agenda-edits';
import { renderMessage } from '../../mail/render-message';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedDefinition,
  seedEventBrief,
} from './mail-fixtures';

const agenda = (): AgendaItem[] => seedDefinition().agenda;
const times = (items: AgendaItem[]) => items.map((item) => `${item.id} ${item.start}-${item.end}`);

describe('agenda edits, applied to the seed day', () => {
  it('a move keeps the length of the item unless an end is given, and keeps items in order', () => {
    const moved = applyAgendaEdit(agenda(), {
      action: 'move',
      itemId: 'opening',
      start: '16:00',
    });
    expect(times(moved).slice(0, 3)).toEqual([
      'talk-roles-under-new-laws 15:20-16:00',
      'opening 16:00-16:20',
      'talk-ads-strategy 16:00-16:40',
    ]);
    const stretched = applyAgendaEdit(agenda(), {
      action: 'move',
      itemId: 'open-discussion',
      start: '17:30',
      end: '18:10',
    });
    expect(times(stretched)).toContain('open-discussion 17:30-18:10');
  });

  it('an edit merges titles language by language and leaves the rest of the item alone', () => {
    const [, talk] = applyAgendaEdit(agenda(), {
      action: 'edit',
      itemId: 'talk-roles-under-new-laws',
      title: { en: 'Associations and the new laws' },
    });
    const before = agenda()[1]!;
    expect(talk).toEqual({
      ...before,
      title: { ...before.title, en: 'Associations and the new laws' },
    });
  });

  it('an added item takes its place by start time; a duplicate id is refused naming item.id', () => {
    const item: AgendaItem = {
      id: 'coffee-break',
      kind: 'break',
      title: { fr: 'Pause café' },
      start: '17:20',
      end: '17:30',
    };
    const shorter = applyAgendaEdit(agenda(), {
      action: 'move',
      itemId: 'open-discussion',
      start: '17:30',
      end: '18:10',
    });
    const added = applyAgendaEdit(shorter, { action: 'add', item });
    expect(added.map((known) => known.id).indexOf('coffee-break')).toBe(4);
    expect(() => applyAgendaEdit(added, { action: 'add', item })).toThrow(
      expect.objectContaining({ field: 'item.id' }),
    );
  });

  it('an unknown item and removing the last item are refused naming itemId', () => {
    expect(() => applyAgendaEdit(agenda(), { action: 'remove', itemId: 'lunch' })).toThrow(
      AgendaEditProblem,
    );
    const [only] = agenda();
    expect(() => applyAgendaEdit([only!], { action: 'remove', itemId: 'opening' })).toThrow(
      expect.objectContaining({ field: 'itemId', message: 'the agenda needs at least one item' }),
    );
  });

  it('an edit that says nothing to change, or carries an unknown field, is bad input', () => {
    expect(AgendaEditSchema.safeParse({ action: 'edit', itemId: 'opening' }).success).toBe(false);
    const unknown = AgendaEditSchema.safeParse({ action: 'remove', itemId: 'opening', at: 1 });
    expect(unknown.success).toBe(false);
  });
});

describe('the agenda moved with its day', () => {
  it('keeps every offset from the start of the day', () => {
    const { agenda: moved, problems } = moveAgendaWithDay(
      agenda(),
      { start: '15:00' },
      { start: '09:30', end: '13:00' },
    );
    expect(problems).toEqual([]);
    expect(times(moved)).toEqual([
      'opening 09:30-09:50',
      'talk-roles-under-new-laws 09:50-10:30',
      'talk-ads-strategy 10:30-11:10',
      'talk-indh-results 11:10-11:50',
      'open-discussion 11:50-12:40',
      'recommendations-and-closing 12:40-13:00',
    ]);
  });

  it('names what no longer fits a shorter day, or would cross midnight', () => {
    const shorter = moveAgendaWithDay(
      agenda(),
      { start: '15:00' },
      { start: '09:00', end: '12:00' },
    );
    expect(shorter.problems.map((problem) => problem.path)).toEqual([
      [4, 'end'],
      [5, 'end'],
    ]);
    const late = moveAgendaWithDay(agenda(), { start: '15:00' }, { start: '21:00', end: '23:59' });
    expect(late.problems[0]?.message).toMatch(/midnight/);
  });
});

describe('programme-change: the new programme for a registered association', () => {
  const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };
  it.each(['ar', 'fr', 'en'] as const)(
    'in %s, says the day and hours stand, shows the programme and a way to change the answer',
    async (language) => {
      const message = await renderMessage(
        {
          purpose: 'programme-change',
          event: seedEventBrief(),
          recipient: associationIn(language),
          revision: 1,
          details: { seats: 2 },
        },
        options,
      );
      expect(message.language).toBe(language);
      expect(message.ics).toBeUndefined();
      expect(Object.keys(message.links)).toEqual(['rsvp']);
      const stands = {
        ar: 'التاريخ والتوقيت والمكان لم تتغير',
        fr: "La date, l'horaire et le lieu restent les mêmes",
        en: 'The date, hours and venue stay the same',
      }[language];
      expect(message.text).toContain(stands);
      expect(message.text).toContain('17:20');
      expect(message.html).toContain(message.links.rsvp!.url.replace(/&/g, '&amp;'));
    },
  );

  it('tells a waiting association its place on the waiting list instead of seats', async () => {
    const message = await renderMessage(
      {
        purpose: 'programme-change',
        event: seedEventBrief(),
        recipient: associationIn('fr'),
        revision: 1,
        details: { waitlistPosition: 3 },
      },
      options,
    );
    expect(message.text).toMatch(/liste d'attente, en position\s*\S*3/);
  });
});
