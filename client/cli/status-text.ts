import { DateTime } from 'luxon';
import { pickText } from '../../domain/common';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import type { InviteeView } from '../../domain/messages/registration';
import type { TrainingDaySummary } from '../../stores/read-model';
import type { StatusReading } from '../use-cases/training-days';
import { section, table } from './output';

/** An instant as wall-clock time in the event's time zone. */
export function localTime(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return local.isValid ? local.toFormat('yyyy-MM-dd HH:mm') : instant;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '-' : entries.map(([key, value]) => `${key} ${value}`).join(', ');
}

/**
 * What declined partners leave for the coordinator to reassign, one line per partner: its
 * contributions, and the slots whose speaker it was to provide.
 */
function reassignmentLines(status: TrainingDayStatus): string[] {
  return status.partners
    .filter((partner) => partner.toReassign.length > 0)
    .map((partner) => {
      const slots = status.speakers
        .filter((slot) => slot.partnerDeclined === partner.partnerId)
        .map((slot) => slot.agendaItemId);
      const name = pickText(partner.name, 'en', ['fr', 'ar']);
      return `  ${name} (${partner.status}): ${partner.toReassign.join(', ')}${slots.length > 0 ? `; speaker of ${slots.join(', ')}` : ''}`;
    });
}

/** The human view of `multaqa event status`. */
export function statusText(reading: StatusReading): string {
  const status: TrainingDayStatus = reading.status;
  const { registration: r, attendance: a } = status;
  const source =
    reading.source === 'read-model'
      ? `read model, published ${reading.publishedAt ?? '?'}`
      : 'live from the workflow';
  const lines = [
    `${status.eventId}: ${pickText(status.title, 'en', ['fr', 'ar'])}`,
    `phase      ${status.phase}${status.cancelledReason ? ` (${status.cancelledReason})` : ''}`,
    `when       ${localTime(status.startsAt, status.timeZone)} to ${localTime(status.endsAt, status.timeZone).slice(11)} (${status.timeZone})`,
    `RSVP by    ${localTime(status.rsvpDeadlineAt, status.timeZone)}`,
    `revision   ${status.revision}    (${source})`,
  ];
  if (status.audienceEmpty)
    lines.push(
      `invitations NONE SENT: no association matches the audience (since ${localTime(status.audienceEmpty.since, status.timeZone)}); import associations or widen the audience (the day looks again every hour until its RSVP deadline)`,
    );
  let text = lines.join('\n');
  if (status.phaseHistory.length > 0)
    text += section(
      'Phases',
      table(
        ['phase', 'since'],
        status.phaseHistory.map((change) => [change.phase, localTime(change.at, status.timeZone)]),
      ),
    );
  text += section(
    'Partners',
    status.partners.length === 0
      ? '  none yet'
      : table(
          ['partner', 'status', 'confirmed', 'reminders', 'to reassign'],
          status.partners.map((partner) => [
            partner.partnerId,
            partner.status,
            partner.confirmedContributions.join(', ') || '-',
            partner.remindersSent,
            partner.toReassign.join(', ') || '-',
          ]),
        ),
  );
  text += section(
    'Speakers',
    status.speakers.length === 0
      ? '  none yet'
      : table(
          ['slot', 'speaker', 'status', 'flag'],
          status.speakers.map((slot) => [
            slot.agendaItemId,
            slot.speakerName,
            slot.status,
            slot.partnerDeclined ? `${slot.partnerDeclined} declined: find a speaker` : '-',
          ]),
        ),
  );
  const toReassign = reassignmentLines(status);
  if (toReassign.length > 0) text += section('To reassign', toReassign.join('\n'));
  text += section(
    'Registration',
    table(
      ['invited', 'accepted', 'declined', 'waitlisted', 'pending', 'undeliverable', 'seats'],
      [
        [
          r.invited,
          r.accepted,
          r.declined,
          r.waitlisted,
          r.pending,
          r.undeliverable,
          `${r.seatsTaken}/${r.capacity}`,
        ],
      ],
    ),
  );
  text += section(
    'Attendance',
    [
      `checked in ${a.checkedIn} associations, ${a.attendees} people, ${a.walkIns} walk-ins`,
      `by province: ${counts(a.byProvince)}`,
      `by sector:   ${counts(a.bySector)}`,
    ].join('\n'),
  );
  if (status.followUps.length > 0)
    text += section(
      'Follow-ups',
      table(
        ['recommendation', 'kind', 'owner', 'status', 'due'],
        status.followUps.map((followUp) => [
          followUp.recommendationId,
          followUp.kind,
          followUp.owner,
          followUp.status,
          followUp.dueAt ? localTime(followUp.dueAt, status.timeZone).slice(0, 10) : '-',
        ]),
      ),
    );
  return text;
}

/** The human view of `multaqa event list`. */
export function summariesText(summaries: TrainingDaySummary[]): string {
  if (summaries.length === 0) return 'no training days';
  return table(
    ['event', 'phase', 'date', 'invited', 'accepted', 'waitlisted', 'seats', 'checked in'],
    summaries.map((day) => [
      day.eventId,
      day.phase,
      localTime(day.startsAt, day.timeZone),
      day.invited,
      day.accepted,
      day.waitlisted,
      `${day.seatsTaken}/${day.capacity}`,
      day.checkedIn,
    ]),
  );
}

/** The human view of invited associations. */
export function inviteesText(invitees: InviteeView[]): string {
  if (invitees.length === 0) return 'no invited associations';
  return table(
    ['association', 'name', 'province', 'sector', 'status', 'seats', 'waitlist'],
    invitees.map((invitee) => [
      invitee.associationId,
      invitee.name,
      invitee.province,
      invitee.sector,
      invitee.status,
      invitee.seats,
      invitee.waitlistPosition ?? '-',
    ]),
  );
}
