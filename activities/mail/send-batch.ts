import { createHash } from 'node:crypto';
import { z } from 'zod';
import type {
  SendBatchRequest,
  SendBatchResult,
  SendMessageRequest,
} from '../../domain/messages/mail';
import type { MailDelivery } from './deliver-message';
import { recipientKey } from '../../mail/message-identity';

/** The activity a batch runs in, when it runs in one: heartbeats carry its progress. */
export interface BatchActivity {
  heartbeat(details: BatchProgress): void;
  /** The last progress a previous attempt heartbeated, if any. */
  heartbeatDetails: unknown;
  signal?: AbortSignal;
}

/** Progress as heartbeated: everything before `next` is done and counted. */
export interface BatchProgress {
  version: 1;
  /** Which batch this progress is about: a retry of another batch never resumes from it. */
  fingerprint: string;
  next: number;
  sent: number;
  alreadySent: number;
  undeliverable: Array<{ recipientId: string; reason: string }>;
}

const BatchProgressSchema = z.object({
  version: z.literal(1),
  fingerprint: z.string(),
  next: z.number().int().min(0),
  sent: z.number().int().min(0),
  alreadySent: z.number().int().min(0),
  undeliverable: z.array(z.object({ recipientId: z.string(), reason: z.string() })),
});

/** Identifies a batch by what it sends and to whom, in order. */
export function batchFingerprint(request: SendBatchRequest): string {
  const hash = createHash('sha256').update(
    `${request.event.eventId}|${request.purpose}|${request.revision}|`,
  );
  for (const recipient of request.recipients) hash.update(`${recipientKey(recipient)}\n`);
  return hash.digest('hex');
}

function resumePoint(
  request: SendBatchRequest,
  fingerprint: string,
  details: unknown,
): BatchProgress {
  const parsed = BatchProgressSchema.safeParse(details);
  if (
    parsed.success &&
    parsed.data.fingerprint === fingerprint &&
    parsed.data.next <= request.recipients.length
  )
    return parsed.data;
  return { version: 1, fingerprint, next: 0, sent: 0, alreadySent: 0, undeliverable: [] };
}

/** How many messages of one batch are in flight at once (the SMTP pool has a few connections). */
export const DEFAULT_BATCH_CONCURRENCY = 4;

/**
 * Sends one purpose to every recipient of a batch, `concurrency` at a time, heartbeating the
 * index below which everything is done. A retry resumes there; messages an earlier attempt
 * sent past that index are caught by the ledger and counted as `alreadySent`. Refused
 * addresses are listed and the batch goes on; a server failure stops the batch and is thrown
 * (retryable) after the messages in flight have settled.
 */
export async function sendBatch(
  delivery: MailDelivery,
  request: SendBatchRequest,
  activity: BatchActivity | undefined,
  concurrency = DEFAULT_BATCH_CONCURRENCY,
): Promise<SendBatchResult> {
  const fingerprint = batchFingerprint(request);
  const start = resumePoint(request, fingerprint, activity?.heartbeatDetails);
  const progress: BatchProgress = { ...start, undeliverable: [...start.undeliverable] };
  const finished = new Map<number, { status: string; recipientId: string; reason?: string }>();
  const heartbeat = (): void => activity?.heartbeat({ ...progress });
  let cursor = start.next;
  let failure: unknown;

  const advance = (): void => {
    for (let done = finished.get(progress.next); done; done = finished.get(progress.next)) {
      finished.delete(progress.next);
      if (done.status === 'sent') progress.sent += 1;
      else if (done.status === 'already-sent') progress.alreadySent += 1;
      else
        progress.undeliverable.push({ recipientId: done.recipientId, reason: done.reason ?? '' });
      progress.next += 1;
    }
  };

  const lane = async (): Promise<void> => {
    while (
      failure === undefined &&
      !activity?.signal?.aborted &&
      cursor < request.recipients.length
    ) {
      const index = cursor;
      cursor += 1;
      const recipient = request.recipients[index];
      if (!recipient) continue;
      const details =
        request.details || request.detailsByRecipient?.[recipient.id]
          ? { ...request.details, ...request.detailsByRecipient?.[recipient.id] }
          : undefined;
      const single: SendMessageRequest = {
        purpose: request.purpose,
        event: request.event,
        recipient,
        revision: request.revision,
        ...(details ? { details } : {}),
      };
      try {
        const outcome = await delivery.deliver(single, {
          signal: activity?.signal,
          onWait: heartbeat,
        });
        finished.set(index, {
          status: outcome.status,
          recipientId: recipient.id,
          reason: outcome.reason,
        });
        advance();
        heartbeat();
      } catch (error) {
        failure ??= error;
      }
    }
  };

  const lanes = Math.max(1, Math.min(concurrency, request.recipients.length - start.next));
  await Promise.all(Array.from({ length: lanes }, lane));
  heartbeat();
  if (failure !== undefined) throw failure;
  if (activity?.signal?.aborted) throw activity.signal.reason;
  return {
    sent: progress.sent,
    alreadySent: progress.alreadySent,
    undeliverable: progress.undeliverable,
    ...(start.next > 0 ? { resumedFrom: start.next } : {}),
  };
}
