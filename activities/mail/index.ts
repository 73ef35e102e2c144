import { Context } from '@temporalio/activity';
import type { ActivityDependencies } from '../dependencies';
import type {
  SendBatchRequest,
  SendBatchResult,
  SendMessageRequest,
  SendOutcome,
} from '../../domain/messages/mail';
import { withTableFailures } from '../failures';
import { MailDelivery, type MailDeliveryOptions } from './deliver-message';
import { DEFAULT_BATCH_CONCURRENCY, sendBatch, type BatchProgress } from './send-batch';

export { MailServerUnavailableError } from './smtp-failure';
export { MessageInFlightError } from './deliver-message';

export interface MailActivityOptions extends MailDeliveryOptions {
  /** Messages of one batch in flight at once (default 4). */
  batchConcurrency?: number;
}

/** The current activity's context, or none when called outside an activity (scripts, tests). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Email activities. Retry semantics: a refused address is an outcome (`undeliverable`), never
 * an error, so campaigns go on; an unavailable mail server throws `MailServerUnavailable`
 * (retryable: the workflow's retry policy backs off until the server returns); another attempt
 * still sending the same message throws `MessageInFlight` (retryable). A `MultaqaError` fails
 * with its code from the error table: no `LINK_SECRET` is `InvalidConfiguration`, not retried.
 */
export function createMailActivities(
  deps: Pick<ActivityDependencies, 'config' | 'redis' | 'mailer' | 'now'>,
  options: MailActivityOptions = {},
) {
  const delivery = new MailDelivery(deps, options);
  const concurrency = options.batchConcurrency ?? DEFAULT_BATCH_CONCURRENCY;
  return {
    /** Sends one message exactly once per (event, recipient, purpose, revision). */
    async sendMessage(request: SendMessageRequest): Promise<SendOutcome> {
      const activity = currentActivity();
      return withTableFailures(() =>
        delivery.deliver(request, {
          signal: activity?.cancellationSignal,
          onWait: () => activity?.heartbeat(),
        }),
      );
    },

    /**
     * Sends one purpose to a batch of recipients (≤ 500), heartbeating progress; a retry after a
     * crash resumes from the last heartbeat, and the ledger catches the rest.
     */
    async sendMessageBatch(request: SendBatchRequest): Promise<SendBatchResult> {
      const activity = currentActivity();
      const result = await withTableFailures(() =>
        sendBatch(
          delivery,
          request,
          activity && {
            heartbeat: (details: BatchProgress) => activity.heartbeat(details),
            heartbeatDetails: activity.info.heartbeatDetails,
            signal: activity.cancellationSignal,
          },
          concurrency,
        ),
      );
      // The SDK adds workflowId, activityType and attempt; the event id ties it to the day.
      activity?.log.info('mail batch sent', {
        eventId: request.event.eventId,
        purpose: request.purpose,
        recipients: request.recipients.length,
        sent: result.sent,
        alreadySent: result.alreadySent,
        undeliverable: result.undeliverable.length,
      });
      return result;
    },
  };
}
