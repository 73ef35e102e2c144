import { DateTime } from 'luxon';
import { z } from 'zod';
import { AssociationDirectory } from '../../stores/association-directory';
import { publicBaseUrl } from '../../mail/signed-links';
import { previewMessage as renderPreview, type MessagePreview } from '../../mail/message-preview';
import { LanguageSchema, SingleLineTextSchema, SlugSchema } from '../../domain/common';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import type { EventBrief } from '../../domain/event-brief';
import {
  MESSAGE_PURPOSES,
  RECIPIENT_STANDINGS,
  type MessageDetails,
  type MessagePurpose,
  type MessageRecipient,
} from '../../domain/messages/mail';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import { resolveSchedule } from '../../domain/schedule';
import type { TrainingDayPlan } from '../../domain/training-day';
import { shardOf } from '../../domain/workflow-ids';
import type { Connections } from '../connections';
import { readStatus } from './training-days';
import { readStartedPlan } from '../started-plan';
import { parseOrThrow } from '../validation';

/** What a coordinator asks to preview: a purpose, a recipient, and details the purpose reads. */
export const MessagePreviewRequestSchema = z
  .object({
    purpose: z.enum(MESSAGE_PURPOSES),
    /** `association:<id>`, `partner:<id>`, `speaker:<id>` or `coordinator`. */
    to: z
      .string()
      .regex(
        /^(coordinator|(association|partner|speaker):[a-z0-9][a-z0-9-]{0,62})$/,
        'must be coordinator, association:<id>, partner:<id> or speaker:<id>',
      ),
    language: LanguageSchema.optional(),
    seats: z.coerce.number().int().min(1).max(50).optional(),
    waitlistPosition: z.coerce.number().int().min(1).optional(),
    agendaItemId: SlugSchema.optional(),
    note: SingleLineTextSchema.optional(),
    reason: SingleLineTextSchema.optional(),
    /** Where the association stands, for the reschedule notice it would get. */
    standing: z.enum(RECIPIENT_STANDINGS).optional(),
  })
  .strict();
export type MessagePreviewRequest = z.input<typeof MessagePreviewRequestSchema>;

const CHANGE_NOTICES: readonly MessagePurpose[] = ['reschedule-notice', 'cancellation-notice'];

/** The brief children get, from the plan and the status as it stands now (after reschedules). */
function currentBrief(plan: TrainingDayPlan, status: TrainingDayStatus): EventBrief {
  const day = plan.definition;
  const local = (instant: string) => DateTime.fromISO(instant, { zone: status.timeZone });
  const schedule = resolveSchedule({
    date: local(status.startsAt).toISODate()!,
    start: local(status.startsAt).toFormat('HH:mm'),
    end: local(status.endsAt).toFormat('HH:mm'),
    timeZone: status.timeZone,
    agenda: status.agenda,
  });
  return {
    eventId: status.eventId,
    title: status.title,
    theme: day.theme,
    organiser: day.organiser,
    venue: day.venue,
    timeZone: status.timeZone,
    startsAt: status.startsAt,
    endsAt: status.endsAt,
    rsvpDeadlineAt: status.rsvpDeadlineAt,
    revision: status.revision,
    languages: status.languages,
    capacity: status.registration.capacity || day.capacity,
    seatsPerAssociation: day.seatsPerAssociation,
    reminders: day.reminders,
    agenda: status.agenda,
    agendaSchedule: schedule.agenda,
  };
}

async function recipientFor(
  connections: Connections,
  plan: TrainingDayPlan,
  status: TrainingDayStatus,
  to: string,
): Promise<MessageRecipient> {
  const [kind, id = ''] = to.split(':') as [string, string?];
  const notFound = (what: string) =>
    new MultaqaError(ErrorCodes.notFound, `no ${what} "${id}" for this training day`, 'to');
  switch (kind) {
    case 'association': {
      const association = await new AssociationDirectory(
        connections.redis,
        connections.config.REDIS_PREFIX,
      ).get(id);
      if (!association) throw notFound('association');
      return {
        id,
        kind: 'association',
        name: association.name,
        email: association.email,
        language: association.preferredLanguage,
        shard: shardOf(id, Math.max(1, status.registration.shards)),
      };
    }
    case 'partner': {
      const partner = plan.definition.partners.find((candidate) => candidate.id === id);
      if (!partner) throw notFound('partner');
      return {
        id,
        kind: 'partner',
        name: partner.contactName,
        email: partner.email,
        language: partner.language,
      };
    }
    case 'speaker': {
      const speaker = plan.definition.speakers.find((candidate) => candidate.id === id);
      if (!speaker) throw notFound('speaker');
      return {
        id,
        kind: 'speaker',
        name: speaker.name,
        email: speaker.email,
        language: speaker.language,
      };
    }
    default:
      return {
        id: 'coordinator',
        kind: 'coordinator',
        name: plan.definition.organiser.coordinatorName,
        email: plan.definition.organiser.coordinatorEmail,
        language: plan.definition.organiser.language,
      };
  }
}

/**
 * Renders a message exactly as the worker would send it now, without sending it: the same
 * templates, language, dates and signed links. For coordinators checking a message before
 * (or after) it goes out.
 */
export async function previewMessage(
  connections: Connections,
  eventId: string,
  input: unknown,
  options: { now?: Date } = {},
): Promise<MessagePreview> {
  const request = parseOrThrow(MessagePreviewRequestSchema, input);
  const [{ status }, plan] = await Promise.all([
    readStatus(connections, eventId),
    readStartedPlan(connections, eventId),
  ]);
  const recipient = await recipientFor(connections, plan, status, request.to);
  if (request.language) recipient.language = request.language;
  const details: MessageDetails = {};
  if (request.seats !== undefined) details.seats = request.seats;
  if (request.waitlistPosition !== undefined) details.waitlistPosition = request.waitlistPosition;
  if (request.agendaItemId) details.agendaItemId = request.agendaItemId;
  if (request.note) details.note = request.note;
  if (request.standing) details.standing = request.standing;
  const event = currentBrief(plan, status);
  // A change notice quotes the day's change reason: the one given here, or the cancellation's.
  const changeReason = CHANGE_NOTICES.includes(request.purpose)
    ? (request.reason ?? status.cancelledReason)
    : undefined;
  if (changeReason) event.changeReason = changeReason;
  else if (request.reason) details.reason = request.reason;
  const { config } = connections;
  return renderPreview(
    {
      purpose: request.purpose,
      event,
      recipient,
      revision: status.revision,
      details,
    },
    {
      linkSecret: config.LINK_SECRET,
      baseUrl: publicBaseUrl(config),
      now: options.now ?? new Date(),
      linkTtlDays: config.LINK_TTL_DAYS,
    },
  );
}
