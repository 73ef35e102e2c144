import { proxyActivities } from '@temporalio/workflow';
import type { createMailActivities } from '../../../activities/mail';
import type { EventBrief } from '../../../domain/event-brief';
import type {
  MessageDetails,
  MessagePurpose,
  MessageRecipient,
} from '../../../domain/messages/mail';

type MailActivities = ReturnType<typeof createMailActivities>;

/** Test-only: a short heartbeat timeout so a killed worker is noticed within seconds. */
const { sendMessageBatch } = proxyActivities<MailActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '2 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '2 seconds',
  },
});

export interface MailCampaignInput {
  purpose: MessagePurpose;
  event: EventBrief;
  recipients: MessageRecipient[];
  revision: number;
  details?: MessageDetails;
  batchSize: number;
  /** Batches sent at once. */
  parallelBatches: number;
}

export interface MailCampaignResult {
  sent: number;
  alreadySent: number;
  undeliverable: string[];
  /** For each batch that resumed a crashed attempt, the index it resumed from. */
  resumedFrom: number[];
}

/**
 * Sends one purpose to every recipient in batches through the real `sendMessageBatch`
 * activity: the campaign the crash test kills a worker in the middle of.
 */
export async function mailCampaignWorkflow(input: MailCampaignInput): Promise<MailCampaignResult> {
  const batches: MessageRecipient[][] = [];
  for (let start = 0; start < input.recipients.length; start += input.batchSize)
    batches.push(input.recipients.slice(start, start + input.batchSize));
  const result: MailCampaignResult = {
    sent: 0,
    alreadySent: 0,
    undeliverable: [],
    resumedFrom: [],
  };
  for (let first = 0; first < batches.length; first += input.parallelBatches) {
    const outcomes = await Promise.all(
      batches.slice(first, first + input.parallelBatches).map((recipients) =>
        sendMessageBatch({
          purpose: input.purpose,
          event: input.event,
          recipients,
          revision: input.revision,
          details: input.details,
        }),
      ),
    );
    for (const outcome of outcomes) {
      result.sent += outcome.sent;
      result.alreadySent += outcome.alreadySent;
      result.undeliverable.push(...outcome.undeliverable.map((entry) => entry.recipientId));
      if (outcome.resumedFrom !== undefined) result.resumedFrom.push(outcome.resumedFrom);
    }
  }
  return result;
}
