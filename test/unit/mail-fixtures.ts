import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AssociationCsvRowSchema } from '../../domain/association';
import type { EventBrief } from '../../domain/event-brief';
import type { MessageRecipient } from '../../domain/messages/mail';
import { resolveSchedule } from '../../domain/schedule';
import { TrainingDayDefinitionSchema, type TrainingDayDefinition } from '../../domain/training-day';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');

/** The seed training day (Safi, 23 November 2018) as its definition file gives it. */
export function seedDefinition(): TrainingDayDefinition {
  return TrainingDayDefinitionSchema.parse(
    JSON.parse(readFileSync(resolve(EXAMPLES, 'safi-2018-11-23.json'), 'utf8')),
  );
}

/** The seed day as messages see it. */
export function seedEventBrief(revision = 0): EventBrief {
  const day = seedDefinition();
  const schedule = resolveSchedule(day);
  return {
    eventId: day.id ?? 'safi-2018-11-23',
    title: day.title,
    theme: day.theme,
    organiser: day.organiser,
    venue: day.venue,
    timeZone: day.timeZone,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    rsvpDeadlineAt: schedule.rsvpDeadlineAt,
    revision,
    languages: day.languages,
    capacity: day.capacity,
    seatsPerAssociation: day.seatsPerAssociation,
    reminders: day.reminders,
    agenda: day.agenda,
    agendaSchedule: schedule.agenda,
  };
}

/** The example associations of the Safi and Youssoufia provinces, as message recipients. */
export function seedAssociations(): MessageRecipient[] {
  const rows = parse(readFileSync(resolve(EXAMPLES, 'associations.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  return rows.map((row, index) => {
    const association = AssociationCsvRowSchema.parse(row);
    return {
      id: association.id,
      kind: 'association',
      name: association.name,
      email: association.email,
      language: association.preferredLanguage,
      shard: index % 4,
    };
  });
}

/** One association per language, for tests that look at each. */
export function associationIn(language: 'ar' | 'fr' | 'en'): MessageRecipient {
  const found = seedAssociations().find((recipient) => recipient.language === language);
  if (!found) throw new Error(`no example association writes in ${language}`);
  return found;
}

/** The seed's partners and speakers, as message recipients. */
export function seedPartnersAndSpeakers(): MessageRecipient[] {
  const day = seedDefinition();
  return [
    ...day.partners.map((partner): MessageRecipient => ({
      id: partner.id,
      kind: 'partner',
      name: partner.contactName,
      email: partner.email,
      language: partner.language,
    })),
    ...day.speakers.map((speaker): MessageRecipient => ({
      id: speaker.id,
      kind: 'speaker',
      name: speaker.name,
      email: speaker.email,
      language: speaker.language,
    })),
  ];
}

export const TEST_SECRET = 'unit-test-link-secret-0123456789abcdef0123';
export const TEST_BASE_URL = 'https://multaqa.example.org';
/** A month before the seed day: when its invitations went out. */
export const SEND_TIME = new Date('2018-10-20T09:00:00Z');
