import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { nonRetryableErrorTypes } from '../domain/errors';

/** One message: retried for hours (an SMTP server down), never for a refused address. */
export const MESSAGE_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
};

/** A batch of messages: heartbeats its progress and resumes where it stopped after a retry. */
export const BATCH_OPTIONS: ActivityOptions = {
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
};

/** Directory reads and the campaign's plan: Redis only, retried briefly then for longer. */
export const DIRECTORY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
};

/** The read model is a copy: a few tries, then the next publication catches up. */
export const READ_MODEL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumAttempts: 5,
    nonRetryableErrorTypes: nonRetryableErrorTypes(),
  },
};

export const mail = proxyActivities<Pick<Activities, 'sendMessage'>>(MESSAGE_OPTIONS);
export const mailBatch = proxyActivities<Pick<Activities, 'sendMessageBatch'>>(BATCH_OPTIONS);
export const directory =
  proxyActivities<Pick<Activities, 'planInvitations' | 'loadInvitees' | 'getAssociation'>>(
    DIRECTORY_OPTIONS,
  );
export const readModel =
  proxyActivities<Pick<Activities, 'publishTrainingDayStatus'>>(READ_MODEL_OPTIONS);
