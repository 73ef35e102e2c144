import type { MessagePurpose } from '../../domain/messages/mail';
import {
  coordinationDigest,
  followUpEscalation,
  followUpReminder,
  thankYouSurvey,
  visitConfirmation,
  visitInvitation,
  visitReminder,
} from './follow-up-messages';
import { attendanceReminder, cancellationNotice, rescheduleNotice } from './event-change-messages';
import { associationInvitation, audienceEmpty, rsvpReminder } from './invitation-messages';
import {
  partnerDeclined,
  partnerEscalation,
  partnerReminder,
  partnerRequest,
} from './partner-messages';
import { programmeChange } from './programme-messages';
import {
  rsvpConfirmation,
  rsvpDeclineAcknowledgement,
  waitlistClosed,
  waitlistNotice,
  waitlistPromotion,
} from './registration-messages';
import {
  speakerAgendaChange,
  speakerConfirmation,
  speakerInvitation,
  speakerReminder,
  speakerReminderToAnswer,
  speakerReplacementNeeded,
} from './speaker-messages';
import type { MessageTemplate } from './template-context';

export type { MessageContent, MessageTemplate, TemplateContext } from './template-context';

/** The template of every purpose; the type makes a purpose without a template a compile error. */
export const MESSAGE_TEMPLATES: Readonly<Record<MessagePurpose, MessageTemplate>> = {
  'partner-request': partnerRequest,
  'partner-reminder': partnerReminder,
  'partner-escalation': partnerEscalation,
  'partner-declined': partnerDeclined,
  'speaker-invitation': speakerInvitation,
  'speaker-reminder-to-answer': speakerReminderToAnswer,
  'speaker-confirmation': speakerConfirmation,
  'speaker-replacement-needed': speakerReplacementNeeded,
  'speaker-agenda-change': speakerAgendaChange,
  'speaker-reminder': speakerReminder,
  'association-invitation': associationInvitation,
  'audience-empty': audienceEmpty,
  'rsvp-confirmation': rsvpConfirmation,
  'rsvp-decline-acknowledgement': rsvpDeclineAcknowledgement,
  'waitlist-notice': waitlistNotice,
  'waitlist-promotion': waitlistPromotion,
  'waitlist-closed': waitlistClosed,
  'programme-change': programmeChange,
  'rsvp-reminder': rsvpReminder,
  'attendance-reminder': attendanceReminder,
  'reschedule-notice': rescheduleNotice,
  'cancellation-notice': cancellationNotice,
  'thank-you-survey': thankYouSurvey,
  'follow-up-reminder': followUpReminder,
  'follow-up-escalation': followUpEscalation,
  'visit-invitation': visitInvitation,
  'visit-confirmation': visitConfirmation,
  'visit-reminder': visitReminder,
  'coordination-digest': coordinationDigest,
};
