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
  /** Why a replacement is needed, while it is. */
  replacementReason?: 'declined' | 'no-answer';
  /** The answer is due by then, while the speaker is invited. */
  answerBy?: string;
  /**
   * The partner institution this slot's speaker was to come from, when that partner declined:
   * the coordinator has another speaker to find (or the speaker's own word to get).
   */
  partnerDeclined?: string;
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
  /** Bumped on every agenda change (not a calendar change); what `changeAgenda` returns. */
  agendaRevision?: number;
  /** The closing summary, once the day is closed. */
  summary?: ClosingSummary;
  /** When the coordination will move on to follow-up by itself, once closed. */
  followUpStartsAt?: string;
  /** Set while invitations wait for an audience: no association matched, nothing was sent. */
  audienceEmpty?: AudienceEmpty;
}

/** Invited, accepted, waitlisted and attended associations of one province or sector. */
export interface SegmentFigures {
  invited: number;
  accepted: number;
  waitlisted: number;
  attended: number;
}

/**
 * What a training day came to, computed when it closes. Counts are associations, except
 * `attendees` (people). `attended` includes walk-ins, who were not invited.
 */
export interface ClosingSummary {
  closedAt: string;
  invited: number;
  accepted: number;
  declined: number;
  waitlisted: number;
  noAnswer: number;
  undeliverable: number;
  seatsTaken: number;
  attended: number;
  attendees: number;
  walkIns: number;
  byProvince: Record<string, SegmentFigures>;
  bySector: Record<string, SegmentFigures>;
  recommendations: number;
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
  /**
   * The agenda in the new hours: moved with the day (same offsets) or given anew. Absent from
   * commands of older clients, whose agenda had to fit the new hours as it was.
   */
  agendaItems?: AgendaItem[];
}

export interface AgendaChangeCommand {
  agenda: AgendaItem[];
  schedule: Record<string, { startsAt: string; endsAt: string }>;
  /** The agenda revision the edit was made on: refused if another edit came in between. */
  basedOnRevision?: number;
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
/**
 * A shard's registration, as a snapshot (the parent keeps the latest per shard). `counts.invited`
 * is every association of the shard, `counts.pending` those that have not answered yet;
 * `byProvince`/`bySector` count accepted associations.
 */
export interface ShardReport {
  shard: number;
  counts: Omit<RegistrationCounts, 'capacity' | 'seatsTaken'>;
  byProvince: Record<string, number>;
  bySector: Record<string, number>;
  /** Waitlisted associations by province and sector. */
  waitlistedByProvince?: Record<string, number>;
  waitlistedBySector?: Record<string, number>;
  /** Seats held by the shard's accepted associations. */
  seats?: number;
  /**
   * Invitees never sent an invitation (it would have come after the RSVP deadline) and who did
   * not answer another way: not counted as invited.
   */
  uninvited?: number;
}
export const invitationShardReport = defineSignal<[ShardReport]>('invitationShardReport');
export const seatLedgerReport =
  defineSignal<[{ seatsTaken: number; accepted: number; waitlisted: number }]>('seatLedgerReport');
export const attendanceReport = defineSignal<[AttendanceFigures]>('attendanceReport');
export const followUpReport = defineSignal<[FollowUpSummary]>('followUpReport');
export const nextEventCreated = defineSignal<[{ eventId: string }]>('nextEventCreated');

/**
 * Knobs of the lifecycle's timing and run size. Defaults suit production; tests shorten them.
 * Every field optional; carried over continue-as-new.
 */
export interface LifecycleTuning {
  /** Continue-as-new once a run's history passes this many events (default 8,000). */
  maxHistoryEvents?: number;
  /** ... or this many bytes (default 8 MiB; Temporal warns at 10 MB, fails at 50 MB). */
  maxHistoryBytes?: number;
  /** Least time between two reports of a child to its parent, in ms (default 5,000). */
  reportIntervalMs?: number;
  /** Least time between two read-model publications of the parent, in ms (default 1,000). */
  publishIntervalMs?: number;
  /** Check-ins open this long before the day starts, in minutes (default 60). */
  checkInOpensMinutesBefore?: number;
  /** Follow-up starts by itself this long after the day's end, in hours (default 168). */
  followUpGraceHours?: number;
  /** How long the thank-you survey stays open after the day, in hours (default 720). */
  surveyWindowHours?: number;
  /** Children started at once (default 50). */
  startBatchSize?: number;
  /** How often a day whose audience matched no association looks again, in minutes (default 60). */
  audienceRecheckMinutes?: number;
}

/** What a training day's later runs carry over continue-as-new. */
export interface TrainingDayCarriedState {
  phase: TrainingDayPhase;
  phaseHistory: PhaseChange[];
  createdAt: string;
  agendaRevision: number;
  partners: PartnerView[];
  speakers: SpeakerSlotView[];
  /** Agenda items whose speaker-slot workflow was started. */
  slotsStarted: string[];
  partnersStarted: boolean;
  registration?: {
    shardCount: number;
    invitees: number;
    invitedByProvince: Record<string, number>;
    invitedBySector: Record<string, number>;
    shards: ShardReport[];
    ledger: { seatsTaken: number; accepted: number; waitlisted: number };
  };
  attendance: AttendanceFigures;
  recommendations: Recommendation[];
  followUps: FollowUpSummary[];
  followUpsStarted: string[];
  summary?: ClosingSummary;
  cancelledReason?: string;
  nextEventIds: string[];
  requestedPhase?: TrainingDayPhase;
  /** Invitations were due but the audience matched no association: when it was last looked at. */
  audienceEmpty?: AudienceEmpty;
}

/** Invitations were due, but no association matched the audience: nothing went out. */
export interface AudienceEmpty {
  /** When it was first found empty (the coordinator was told then). */
  since: string;
  /** When the directory was last looked at. */
  checkedAt: string;
}

/** The training-day workflow's second argument: state carried over, and tuning. */
export interface TrainingDayRunOptions {
  state?: TrainingDayCarriedState;
  tuning?: LifecycleTuning;
}
