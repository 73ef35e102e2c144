import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planTrainingDay } from '../../client/training-day-plan';
import { AssociationCsvRowSchema, type Association } from '../../domain/association';
import type { Recommendation } from '../../domain/follow-up';
import type { FollowUpInput } from '../../domain/messages/follow-up';
import { resolveSchedule } from '../../domain/schedule';
import {
  TrainingDayDefinitionSchema,
  TrainingDayPlanSchema,
  type TrainingDayDefinitionInput,
  type TrainingDayPlan,
} from '../../domain/training-day';
import { briefOf } from '../../workflows/training-day-state';

/** What the training day hands its children: the workflow's own function. */
export { briefOf };

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
export const SEED_FILE = resolve(EXAMPLES, 'safi-2018-11-23.json');
export const ASSOCIATIONS_FILE = resolve(EXAMPLES, 'associations.csv');

/** The seed day's event file as written, for tests to change. */
export function seedDefinition(): TrainingDayDefinitionInput {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8')) as TrainingDayDefinitionInput;
}

/** The 40 associations of the example CSV (examples/associations.csv). */
export function exampleAssociations(): Association[] {
  const rows = parseCsv(readFileSync(ASSOCIATIONS_FILE, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  return rows.map((row) => AssociationCsvRowSchema.parse(row));
}

/**
 * A plan for a day `daysAhead` after `nowMs` (in the event's time zone), RSVP deadline
 * `deadlineDaysBefore` days before it, from the seed day changed by `changes`.
 */
export function planFor(
  nowMs: number,
  eventId: string,
  changes: Partial<TrainingDayDefinitionInput> = {},
  timing: { daysAhead?: number; deadlineDaysBefore?: number; startAsDraft?: boolean } = {},
): TrainingDayPlan {
  const base = { ...seedDefinition(), ...changes, id: eventId };
  const date = DateTime.fromMillis(nowMs, { zone: base.timeZone }).plus({
    days: timing.daysAhead ?? 30,
  });
  const definition = TrainingDayDefinitionSchema.parse({
    ...base,
    date: date.toISODate(),
    rsvpDeadline: date.minus({ days: timing.deadlineDaysBefore ?? 3 }).toISODate(),
  });
  return TrainingDayPlanSchema.parse({
    eventId,
    definition: { ...definition, id: eventId },
    schedule: resolveSchedule(definition),
    revision: 0,
    startAsDraft: timing.startAsDraft ?? false,
  });
}

/** The seed day (Safi, 23 Nov 2018) held on another date, under another id. */
export function seedPlanOn(date: string, eventId: string): TrainingDayPlan {
  const seed = seedDefinition() as TrainingDayDefinitionInput & { rsvpDeadline?: string };
  delete seed.rsvpDeadline;
  return planTrainingDay({ ...seed, id: eventId, date });
}

/** A day with no partners and no talks: invitations open as soon as it starts. */
export function registrationOnly(capacity: number, provinces: string[]) {
  const seed = seedDefinition();
  return {
    partners: [],
    speakers: [],
    capacity,
    seatsPerAssociation: 3,
    audience: { provinces, sectors: ['trade' as const, 'crafts' as const, 'services' as const] },
    agenda: [seed.agenda[0]!, { ...seed.agenda[4]!, start: '15:20' }],
  };
}

/** The seed day without partners, and with its first two talks only. */
export function speakersOnly() {
  const seed = seedDefinition();
  return {
    partners: [],
    speakers: seed.speakers!.slice(0, 2).map((speaker) => ({ ...speaker, partnerId: undefined })),
    agenda: [
      seed.agenda[0]!,
      seed.agenda[1]!,
      seed.agenda[2]!,
      { ...seed.agenda[4]!, start: '16:40' },
    ],
  };
}

/** Associations made up for a test: `count` of them, spread over provinces and sectors. */
export function syntheticAssociations(
  count: number,
  options: { prefix?: string; provinces?: string[] } = {},
): Association[] {
  const provinces = options.provinces ?? ['Safi', 'Youssoufia'];
  const sectors = ['trade', 'crafts', 'services'] as const;
  return Array.from({ length: count }, (_, index) => ({
    id: `${options.prefix ?? 'assoc'}-${index}`,
    name: `Association ${index}`,
    sector: sectors[index % sectors.length]!,
    province: provinces[index % provinces.length]!,
    email: `${options.prefix ?? 'assoc'}-${index}@example.org`,
    preferredLanguage: index % 2 === 0 ? 'fr' : 'ar',
    memberOfChamber: true,
  }));
}

/** The four recommendations of the seed day (see shared/seed/README.md). */
export const SEED_RECOMMENDATIONS: Recommendation[] = [
  {
    id: 'capacity-building',
    kind: 'capacity-building',
    owner: 'ads-marrakech-safi',
    text: {
      fr: 'Renforcer les capacités des responsables et membres des associations : conception de projets et procédures de candidature aux programmes',
      ar: 'تقوية قدرات مسؤولي وأعضاء الجمعيات في إعداد المشاريع ومساطر الترشح للبرامج المتاحة',
    },
  },
  {
    id: 'coordination',
    kind: 'coordination',
    owner: 'chamber',
    text: {
      fr: 'Coordonner institutions et associations professionnelles ; informer les associations des appels à projets',
    },
  },
  {
    id: 'further-training',
    kind: 'further-training',
    owner: 'province-safi-social-action',
    text: {
      fr: 'Organiser d’autres rencontres et sessions de formation sur la stratégie gouvernementale de développement des associations',
    },
  },
  {
    id: 'networking-visits',
    kind: 'networking-visits',
    owner: 'chamber',
    text: {
      fr: "Mettre en réseau les associations professionnelles et organiser des visites d'échange d'expériences",
    },
  },
];

export function followUpInputFor(
  plan: TrainingDayPlan,
  recommendation: Recommendation,
  trainingDayWorkflowId: string,
): FollowUpInput {
  return {
    event: briefOf(plan),
    recommendation,
    trainingDayWorkflowId,
    partners: plan.definition.partners,
    definition: plan.definition,
  };
}
