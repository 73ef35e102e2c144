import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EventBrief } from '../event-brief';
import type { FollowUpOutcome, FollowUpStatus, Recommendation } from '../follow-up';
import type { PartnerInstitution } from '../partner';
import type { TrainingDayPlan } from '../training-day';
import type {
  DigestNewsInput,
  FollowUpDueDateChange,
  FollowUpProgress,
  NextTrainingDayRequest,
} from '../follow-up-commands';
import type { FollowUpPolicy, VisitPolicy } from '../follow-up-policy';
import type {
  VisitAssociation,
  VisitCancellation,
  VisitInvitationAnswer,
  VisitPairing,
  VisitPairingOverride,
  VisitParticipant,
  VisitReport,
  VisitSchedule,
  VisitStatus,
  VisitSummary,
} from '../networking-visit';

/**
 * What the training-day workflow starts each follow-up with (one per recommendation), when
 * the day enters `following-up`. The follow-up reports to `trainingDayWorkflowId` with the
 * `followUpReport` signal (domain/messages/training-day.ts).
 */
export interface FollowUpInput {
  event: EventBrief;
  recommendation: Recommendation;
  trainingDayWorkflowId: string;
  partners: PartnerInstitution[];
  /** The day's definition, so further training can start from it (theme, partners, audience). */
  definition: TrainingDayPlan['definition'];
  /**
   * The day was recorded after it took place: the follow-up sends nothing, ever (no reminder,
   * escalation, digest or visit proposal); the coordinator keeps it by hand.
   */
  recordedAfterTheDay?: boolean;
}

// ---- Follow-up workflow (issue 6) ----

/** One line of a follow-up's history: a status change, a note, a due date moved. */
export interface FollowUpHistoryEntry {
  at: string;
  status: FollowUpStatus;
  note?: string;
}

/** An item coordinators add for the coordination digest. */
export interface DigestNewsItem extends DigestNewsInput {
  seq: number;
  addedAt: string;
}

/** What a follow-up remembers; carried over continue-as-new. */
export interface FollowUpState {
  progress: 'open' | 'in-progress';
  dueAt: string;
  outcome?: FollowUpOutcome;
  closedAt?: string;
  history: FollowUpHistoryEntry[];
  /** Reminders sent to the owner, all due dates together (their message ordinal). */
  remindersSent: number;
  /** Whether the owner was reminded of the current due date. */
  remindedForDueAt?: string;
  escalationsSent: number;
  /** Escalations of the current due date (bounded by the policy). */
  escalationsForDueAt: number;
  lastEscalationAt?: string;
  lastReportedStatus?: FollowUpStatus;
  visits: VisitSummary[];
  visitsProposed: boolean;
  nextEventIds: string[];
  news: DigestNewsItem[];
  digest: {
    scheduleId?: string;
    /** Why the schedule could not be created, shown to the coordinator. */
    problem?: string;
    digestedUpTo: number;
    digestsSent: number;
    lastDigestAt?: string;
  };
}

/** Options a follow-up can be started with besides its input (tests and operators). */
export interface FollowUpOptions {
  policy?: Partial<FollowUpPolicy>;
  visitPolicy?: Partial<VisitPolicy>;
  /** Carried over continue-as-new; absent on the first run. */
  state?: FollowUpState;
}

/** Everything a coordinator sees of one follow-up. */
export interface FollowUpView {
  eventId: string;
  /** The day it follows from, as reports and mails name it. */
  event: Pick<
    EventBrief,
    'title' | 'theme' | 'organiser' | 'venue' | 'timeZone' | 'startsAt' | 'endsAt'
  >;
  workflowId: string;
  trainingDayWorkflowId: string;
  recommendation: Recommendation;
  owner: { id: string; name: string };
  status: FollowUpStatus;
  dueAt: string;
  outcome?: string;
  closedAt?: string;
  history: FollowUpHistoryEntry[];
  remindersSent: number;
  escalationsSent: number;
  visits: VisitSummary[];
  nextEventIds: string[];
  news: DigestNewsItem[];
  digest: FollowUpState['digest'];
}

/** What one run of the coordination digest reads from its follow-up. */
export interface DigestSource {
  event: EventBrief;
  recommendationId: string;
  partners: PartnerInstitution[];
  closed: boolean;
  /** News not yet sent in a digest, in order. */
  news: DigestNewsItem[];
  digestedUpTo: number;
}

export interface CoordinationDigestInput {
  eventId: string;
  recommendationId: string;
  followUpWorkflowId: string;
}

export interface CoordinationDigestResult {
  sent: number;
  undeliverable: number;
  upToSeq: number;
}

export interface NextTrainingDayCreated {
  eventId: string;
  workflowId: string;
}

// Follow-up: queries
export const getFollowUpView = defineQuery<FollowUpView>('getFollowUpView');
export const getDigestSource = defineQuery<DigestSource>('getDigestSource');

// Follow-up: coordinator updates (validated before they enter history)
/** Closes the follow-up as done or dropped, recording its outcome. */
export const closeFollowUp = defineUpdate<FollowUpView, [FollowUpOutcome]>('closeFollowUp');
export const markFollowUpInProgress = defineUpdate<FollowUpView, [FollowUpProgress]>(
  'markFollowUpInProgress',
);
export const changeFollowUpDueDate = defineUpdate<FollowUpView, [FollowUpDueDateChange]>(
  'changeFollowUpDueDate',
);
/** Coordination follow-ups: news for the next digest. */
export const addDigestNews = defineUpdate<DigestNewsItem, [DigestNewsInput]>('addDigestNews');
/** Further-training and capacity-building follow-ups: the next training day, as a draft. */
export const createNextTrainingDay = defineUpdate<NextTrainingDayCreated, [NextTrainingDayRequest]>(
  'createNextTrainingDay',
);
/** Networking-visits follow-ups: a visit the coordinator pairs by hand. */
export const proposeVisit = defineUpdate<VisitSummary, [VisitPairingOverride]>('proposeVisit');

// Follow-up: reports from its visits and digest runs
export const visitChanged = defineSignal<[VisitSummary]>('visitChanged');
export const digestSent =
  defineSignal<[{ upToSeq: number; at: string; recipients: number }]>('digestSent');

// ---- Networking visit workflow ----

export interface NetworkingVisitInput {
  event: EventBrief;
  visitId: string;
  followUpWorkflowId: string;
  /** The networking recommendation the visit follows from (named in the coordinator's mail). */
  recommendation: Recommendation;
  pairing: VisitPairing;
  /** Host and visitors, as found in the directory. */
  associations: VisitAssociation[];
  policy?: Partial<VisitPolicy>;
}

export interface VisitView {
  eventId: string;
  visitId: string;
  workflowId: string;
  followUpWorkflowId: string;
  timeZone: string;
  status: VisitStatus;
  pairing: VisitPairing;
  /** Bumped on every pairing change; the invitations' ordinal. */
  pairingRevision: number;
  participants: VisitParticipant[];
  schedule?: VisitSchedule;
  scheduleRevision: number;
  remindersSent: number;
  report?: VisitReport & { recordedAt: string };
  cancelledReason?: string;
  history: Array<{ at: string; status: VisitStatus; note?: string }>;
}

export const getVisitView = defineQuery<VisitView>('getVisitView');
/** Coordinator: send the invitations now instead of waiting out the review period. */
export const approveVisitPairing = defineUpdate<VisitView, []>('approveVisitPairing');
export const overrideVisitPairing = defineUpdate<VisitView, [VisitPairingOverride]>(
  'overrideVisitPairing',
);
/** An association's answer, recorded by the coordinator (phone, email) or its own link. */
export const answerVisitInvitation = defineUpdate<VisitView, [VisitInvitationAnswer]>(
  'answerVisitInvitation',
);
export const scheduleVisit = defineUpdate<VisitView, [VisitSchedule]>('scheduleVisit');
export const recordVisitReport = defineUpdate<VisitView, [VisitReport]>('recordVisitReport');
export const cancelVisit = defineUpdate<VisitView, [VisitCancellation]>('cancelVisit');
/** From the follow-up: it was closed, so a visit not yet held is called off. */
export const visitFollowUpClosed = defineSignal<[{ reason: string }]>('visitFollowUpClosed');
