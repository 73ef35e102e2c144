import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AgendaItem } from '../agenda';
import type { AttendanceFigures } from '../attendance';
import type { Language, LocalizedText } from '../common';
import type { Contribution, PartnerStatus } from '../partner';
import type { FollowUpSummary, Recommendation, RecommendationInput } from '../follow-up';
import type { RegistrationCounts } from '../registration';
import type { SpeakerStatus } from '../speaker';
import type { TrainingDayPhase } from '../training-day';

export interface PartnerView {
  partnerId: string;
  name: LocalizedText;
  status: PartnerStatus;
  requestedContributions: Contribution[];
  confirmedContributions: Contribution[];
  /** Contributions a declining partner leaves for the coordinator to reassign. */
  toReassign: Contribution[];
  remindersSent: number;
  note?: string;
  answeredAt?: string;
}

export interface SpeakerSlotView {
  agendaItemId: string;
  title: LocalizedText;
  speakerId: string;
  speakerName: string;
  status: SpeakerStatus;
  /** Speakers who declined or did not answer for this slot, in order. */
  previousSpeakerIds: string[];
}

export interface PhaseChange {
  phase: TrainingDayPhase;
  at: string;
}

/** Everything a coordinator sees of one training day; the `event status` contract. */
export interface TrainingDayStatus {
  eventId: string;
  title: LocalizedText;
  phase: TrainingDayPhase;
  phaseHistory: PhaseChange[];
  revision: number;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string;
  languages: Language[];
  agenda: AgendaItem[];
  partners: PartnerView[];
  speakers: SpeakerSlotView[];
  registration: RegistrationCounts & {
    shards: number;
    byProvince: Record<string, number>;
    bySector: Record<string, number>;
  };
  attendance: AttendanceFigures;
  recommendations: Recommendation[];
  followUps: FollowUpSummary[];
  cancelledReason?: string;
  previousEventId?: string;
  nextEventIds: string[];
}

export interface RescheduleRequest {
  date: string;
  start: string;
  end: string;
  rsvpDeadline?: string;
  reason?: string;
}

/** Instants of a reschedule, resolved at the edge before the update is sent. */
export interface RescheduleCommand extends RescheduleRequest {
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string;
  agenda: Record<string, { startsAt: string; endsAt: string }>;
}

export interface AgendaChangeCommand {
  agenda: AgendaItem[];
  schedule: Record<string, { startsAt: string; endsAt: string }>;
}

// Queries
export const getTrainingDayStatus = defineQuery<TrainingDayStatus>('getTrainingDayStatus');

// Coordinator updates (validated before they enter history)
/** Skip waiting for the current phase: e.g. open invitations while a speaker is still missing. */
export const advancePhase = defineUpdate<
  TrainingDayPhase,
  [{ to: TrainingDayPhase; reason?: string }]
>('advancePhase');
export const rescheduleTrainingDay = defineUpdate<{ revision: number }, [RescheduleCommand]>(
  'rescheduleTrainingDay',
);
export const cancelTrainingDay = defineUpdate<TrainingDayPhase, [{ reason: string }]>(
  'cancelTrainingDay',
);
export const changeAgenda = defineUpdate<{ revision: number }, [AgendaChangeCommand]>(
  'changeAgenda',
);
export const addRecommendation = defineUpdate<Recommendation, [RecommendationInput]>(
  'addRecommendation',
);

// Reports from child workflows (signals: children cannot call updates)
export const partnerSettled = defineSignal<[PartnerView]>('partnerSettled');
export const speakerSlotChanged = defineSignal<[SpeakerSlotView]>('speakerSlotChanged');
export interface ShardReport {
  shard: number;
  counts: Omit<RegistrationCounts, 'capacity' | 'seatsTaken'>;
  byProvince: Record<string, number>;
  bySector: Record<string, number>;
}
export const invitationShardReport = defineSignal<[ShardReport]>('invitationShardReport');
export const seatLedgerReport =
  defineSignal<[{ seatsTaken: number; accepted: number; waitlisted: number }]>('seatLedgerReport');
export const attendanceReport = defineSignal<[AttendanceFigures]>('attendanceReport');
export const followUpReport = defineSignal<[FollowUpSummary]>('followUpReport');
export const nextEventCreated = defineSignal<[{ eventId: string }]>('nextEventCreated');
