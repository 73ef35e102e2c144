import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { nonRetryableErrorTypes } from '../../domain/errors';

const FOLLOW_UP_MESSAGE = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 30,
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
} as const satisfies ActivityOptions;

/**
 * The activity options of every workflow, one named set per kind of activity call, and the
 * proxies that use them. A workflow calls an activity only through the proxy of its kind.
 */
export const ACTIVITY_OPTIONS = {
  /** One lifecycle message: retried for hours (an SMTP server down), never for a refused address. */
  message: {
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: '5 seconds',
      backoffCoefficient: 2,
      maximumInterval: '30 minutes',
      nonRetryableErrorTypes: nonRetryableErrorTypes(),
    },
  },

  /** A batch of messages: heartbeats its progress and resumes where it stopped after a retry. */
  mailBatch: {
    startToCloseTimeout: '30 minutes',
    // A batch heartbeats after every message and every few seconds while it waits: a worker that
    // died is noticed within this, not minutes later (the campaign's cost of a crash).
    heartbeatTimeout: '20 seconds',
    retry: {
      initialInterval: '5 seconds',
      backoffCoefficient: 2,
      maximumInterval: '30 minutes',
      nonRetryableErrorTypes: nonRetryableErrorTypes(),
    },
  },

  /** Directory reads and the campaign's plan: Redis only, retried briefly then for longer. */
  directory: {
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '2 minutes',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      nonRetryableErrorTypes: nonRetryableErrorTypes(),
    },
  },

  /** The read model is a copy: a few tries, then the next publication catches up. */
  readModel: {
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumAttempts: 5,
      nonRetryableErrorTypes: nonRetryableErrorTypes(),
    },
  },

  /**
   * One follow-up message (reminder, escalation, visit): retried for hours, never for a refused
   * address or bad input; unlike a lifecycle message it gives up after 30 attempts (a follow-up
   * lives for months and tries again at its next step).
   */
  followUpMessage: FOLLOW_UP_MESSAGE,

  /** A coordination digest's batch: as a follow-up message, with a heartbeat per page. */
  digestBatch: { ...FOLLOW_UP_MESSAGE, heartbeatTimeout: '1 minute' },

  /** Follow-up reads and schedules (attendees, directory, digests): quick, retried briefly. */
  lookup: {
    startToCloseTimeout: '1 minute',
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      maximumAttempts: 10,
      nonRetryableErrorTypes: nonRetryableErrorTypes(),
    },
  },
} as const satisfies Record<string, ActivityOptions>;

export const mail = proxyActivities<Pick<Activities, 'sendMessage'>>(ACTIVITY_OPTIONS.message);
export const mailBatch = proxyActivities<Pick<Activities, 'sendMessageBatch'>>(
  ACTIVITY_OPTIONS.mailBatch,
);
export const directory = proxyActivities<
  Pick<Activities, 'planInvitations' | 'loadInvitees' | 'getAssociation'>
>(ACTIVITY_OPTIONS.directory);
export const readModel = proxyActivities<Pick<Activities, 'publishTrainingDayStatus'>>(
  ACTIVITY_OPTIONS.readModel,
);
export const followUpMail = proxyActivities<Pick<Activities, 'sendMessage'>>(
  ACTIVITY_OPTIONS.followUpMessage,
);
export const digestMail = proxyActivities<Pick<Activities, 'sendMessageBatch'>>(
  ACTIVITY_OPTIONS.digestBatch,
);
export const lookups = proxyActivities<
  Pick<
    Activities,
    | 'readDigestSource'
    | 'listAttendeeRecipients'
    | 'listVisitCandidates'
    | 'ensureDigestSchedule'
    | 'deleteDigestSchedule'
    | 'planNextTrainingDay'
    | 'describeAssociations'
  >
>(ACTIVITY_OPTIONS.lookup);
