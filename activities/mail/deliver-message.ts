import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SendMailOptions, Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { EmailSchema } from '../../domain/common';
import type { Config } from '../../domain/config';
import type { SendMessageRequest, SendOutcome } from '../../domain/messages/mail';
import { messageIdFor, type MessageIdentity } from '../../mail/message-identity';
import { renderMessage, type RenderedMessage } from '../../mail/render-message';
import {
  MAIL_RECORD_RETENTION_SECONDS,
  SendLedger,
  type ClaimResult,
} from '../../stores/send-ledger';
import { SendRateLimiter } from '../../stores/send-rate-limiter';
import { publicBaseUrl } from '../../mail/signed-links';
import { classifySmtpFailure, MailServerUnavailableError } from './smtp-failure';
import { recordPossibleDuplicate } from '../../stores/possible-duplicates';
import { messagesCounter, possibleDuplicatesCounter } from '../../observability/product-metrics';
import { recordUndeliverable } from '../../stores/undeliverable-register';
import { bounceAddress, bounceTagOf, rememberBounceTag } from '../../stores/bounce-tags';
import { poolSizeOf, WireSlots } from './wire-slots';

/** Tuning of the exactly-once machinery; defaults suit production. */
export interface MailDeliveryOptions {
  /**
   * How long a claim holds without renewal (default 30 s). A sender renews it every third of
   * that while it sends; a crashed sender's messages wait this long before another may send.
   */
  leaseMs?: number;
  /** How long a day's ledger and refusals are kept after the last write (default 90 days). */
  retentionSeconds?: number;
  /** How long to wait for another live attempt's claim before giving up retryably (default 2 leases). */
  busyWaitMs?: number;
}

/** Called while a send waits (rate limit, another attempt's claim), to heartbeat. */
export interface DeliveryHooks {
  signal?: AbortSignal;
  onWait?: () => void;
}

/** Another attempt is sending this very message; retry later (after its lease ends). */
export class MessageInFlightError extends Error {
  constructor(messageId: string) {
    super(`message ${messageId} is being sent by another attempt`);
    this.name = 'MessageInFlight';
  }
}

interface DeliveryDependencies {
  config: Config;
  redis: Redis;
  mailer: Transporter;
  now?: () => Date;
}

const DEFAULT_LEASE_MS = 15_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends messages exactly once per (event, recipient, purpose, revision): claim in the ledger,
 * render, wait for the shared rate limit, hand to SMTP, record the verdict. Refused addresses
 * come back as `undeliverable`; server trouble is thrown as `MailServerUnavailable` (retryable).
 */
export class MailDelivery {
  readonly ledger: SendLedger;
  private readonly limiter: SendRateLimiter;
  private readonly leaseMs: number;
  private readonly retentionSeconds: number;
  private readonly busyWaitMs: number;
  private readonly baseUrl: string;
  private readonly wireSlots: WireSlots;
  /** SMTP_FROM's address: the sender of days that name none of their own. */
  private readonly defaultSender: string;

  constructor(
    private readonly deps: DeliveryDependencies,
    options: MailDeliveryOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.retentionSeconds = options.retentionSeconds ?? MAIL_RECORD_RETENTION_SECONDS;
    this.busyWaitMs = options.busyWaitMs ?? 2 * this.leaseMs;
    this.ledger = new SendLedger(deps.redis, deps.config.REDIS_PREFIX, {
      leaseMs: this.leaseMs,
      retentionSeconds: this.retentionSeconds,
    });
    this.limiter = new SendRateLimiter(
      deps.redis,
      `${deps.config.REDIS_PREFIX}mail:rate`,
      deps.config.SMTP_RATE_PER_SECOND,
    );
    this.baseUrl = publicBaseUrl(deps.config);
    this.wireSlots = new WireSlots(poolSizeOf(deps.config.SMTP_URL));
    const [parsed] = addressparser(deps.config.SMTP_FROM, { flatten: true });
    this.defaultSender = parsed?.address || deps.config.SMTP_FROM;
  }

  /** Renders a message exactly as it would be sent now, without sending it. */
  render(request: SendMessageRequest): Promise<RenderedMessage> {
    return renderMessage(request, {
      linkSecret: this.deps.config.LINK_SECRET,
      baseUrl: this.baseUrl,
      now: this.deps.now?.() ?? new Date(),
      linkTtlDays: this.deps.config.LINK_TTL_DAYS,
    });
  }

  /** Sends one message unless it was already sent or refused; see the class comment. */
  async deliver(request: SendMessageRequest, hooks: DeliveryHooks = {}): Promise<SendOutcome> {
    const outcome = await this.deliverOnce(request, hooks);
    messagesCounter.inc({ purpose: request.purpose, outcome: outcome.status });
    return outcome;
  }

  private async deliverOnce(
    request: SendMessageRequest,
    hooks: DeliveryHooks,
  ): Promise<SendOutcome> {
    const identity: MessageIdentity = {
      eventId: request.event.eventId,
      generation: request.event.generation,
      recipient: request.recipient,
      purpose: request.purpose,
      revision: request.revision,
    };
    const messageId = messageIdFor(identity);
    const owner = randomUUID();
    const claim = await this.claim(identity, owner, messageId, hooks);
    if (claim.state === 'sent') return { status: 'already-sent', messageId };
    if (claim.state === 'undeliverable')
      return { status: 'undeliverable', messageId, reason: claim.reason };
    if (claim.tookOverFrom === 'on-wire') await this.notePossibleDuplicate(request, messageId);

    const address = EmailSchema.safeParse(request.recipient.email);
    if (!address.success)
      return this.refuse(request, identity, owner, messageId, 'invalid email address');

    // While the claim is held: keep its lease, and keep the activity's heartbeat going even
    // when the SMTP server is slow to answer.
    const renewal = setInterval(
      () => {
        hooks.onWait?.();
        void this.ledger.renew(identity, owner).catch(() => undefined);
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
    renewal.unref();
    let rendered: RenderedMessage;
    let giveBack: (() => void) | undefined;
    try {
      rendered = await this.render(request);
      await this.rememberBounceTag(request, messageId);
      hooks.onWait?.();
      giveBack = await this.wireSlots.take();
      await this.limiter.acquire(hooks.signal);
    } catch (error) {
      giveBack?.();
      clearInterval(renewal);
      await this.ledger.release(identity, owner).catch(() => undefined);
      throw error;
    }
    try {
      if (!(await this.ledger.markOnWire(identity, owner)))
        // Our lease ran out while we waited (a frozen process): another attempt owns it now.
        throw new MessageInFlightError(messageId);
      try {
        await this.deps.mailer.sendMail(this.mailOptions(rendered, request, messageId));
      } catch (error) {
        clearInterval(renewal);
        const failure = classifySmtpFailure(error);
        if (failure.kind === 'recipient-refused')
          return await this.refuse(request, identity, owner, messageId, failure.reason);
        // A message that may have reached the server stays on the wire with its lease ended:
        // the retry takes it over from there and flags its copy as a possible duplicate.
        if (failure.mayHaveArrived)
          await this.ledger.endLease(identity, owner).catch(() => undefined);
        else await this.ledger.release(identity, owner).catch(() => undefined);
        throw failure.error;
      }
    } finally {
      // Whatever ends this attempt (Redis lost while marking the message on the wire too), it
      // stops renewing its lease: a lease renewed for ever made every retry "in flight".
      clearInterval(renewal);
      giveBack();
    }
    await this.recordSent(identity, owner);
    return { status: 'sent', messageId };
  }

  /** Claims the message, waiting out another live attempt's claim for up to `busyWaitMs`. */
  private async claim(
    identity: MessageIdentity,
    owner: string,
    messageId: string,
    hooks: DeliveryHooks,
  ): Promise<Exclude<ClaimResult, { state: 'busy' }>> {
    const deadline = Date.now() + this.busyWaitMs;
    for (;;) {
      const claim = await this.ledger.claim(identity, owner);
      if (claim.state !== 'busy') return claim;
      if (Date.now() >= deadline) throw new MessageInFlightError(messageId);
      if (hooks.signal?.aborted) throw hooks.signal.reason;
      hooks.onWait?.();
      await sleep(Math.min(Math.max(claim.retryInMs, 20) + 10, 500));
    }
  }

  private async notePossibleDuplicate(
    request: SendMessageRequest,
    messageId: string,
  ): Promise<void> {
    possibleDuplicatesCounter.inc({ purpose: request.purpose });
    await recordPossibleDuplicate(
      this.deps.redis,
      this.deps.config.REDIS_PREFIX,
      request.event.eventId,
      {
        recipientKind: request.recipient.kind,
        recipientId: request.recipient.id,
        email: request.recipient.email,
        purpose: request.purpose,
        revision: request.revision,
        messageId,
        at: (this.deps.now?.() ?? new Date()).toISOString(),
      },
      this.retentionSeconds,
    );
  }

  private async refuse(
    request: SendMessageRequest,
    identity: MessageIdentity,
    owner: string,
    messageId: string,
    reason: string,
  ): Promise<SendOutcome> {
    await this.ledger.markUndeliverable(identity, owner, reason);
    await recordUndeliverable(
      this.deps.redis,
      this.deps.config.REDIS_PREFIX,
      request.event.eventId,
      {
        recipientKind: request.recipient.kind,
        recipientId: request.recipient.id,
        email: request.recipient.email,
        purpose: request.purpose,
        revision: request.revision,
        reason,
        at: (this.deps.now?.() ?? new Date()).toISOString(),
      },
      this.retentionSeconds,
    );
    return { status: 'undeliverable', messageId, reason };
  }

  /**
   * The server has the message: record it, trying hard, because until this write lands a
   * crash would let a retry send it again.
   */
  private async recordSent(identity: MessageIdentity, owner: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.ledger.markSent(identity, owner);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(100 * attempt);
      }
    }
  }

  /** With SMTP_BOUNCE_ADDRESS: which message this one's bounce address stands for. */
  private async rememberBounceTag(request: SendMessageRequest, messageId: string): Promise<void> {
    if (!this.deps.config.SMTP_BOUNCE_ADDRESS) return;
    await rememberBounceTag(
      this.deps.redis,
      this.deps.config.REDIS_PREFIX,
      bounceTagOf(messageId),
      {
        eventId: request.event.eventId,
        recipientKind: request.recipient.kind,
        recipientId: request.recipient.id,
        email: request.recipient.email,
        purpose: request.purpose,
        revision: request.revision,
      },
      this.retentionSeconds,
    );
  }

  private mailOptions(
    rendered: RenderedMessage,
    request: SendMessageRequest,
    messageId: string,
  ): SendMailOptions {
    const bounces = this.deps.config.SMTP_BOUNCE_ADDRESS;
    return {
      // The organiser's name, at its own address when the day has one (domain: OrganiserSchema).
      from: { name: rendered.from.name, address: rendered.from.address ?? this.defaultSender },
      ...(bounces
        ? {
            envelope: {
              from: bounceAddress(bounces, bounceTagOf(messageId)),
              to: request.recipient.email,
            },
          }
        : {}),
      to: rendered.to,
      replyTo: rendered.replyTo,
      subject: rendered.subject,
      messageId: rendered.messageId,
      text: rendered.text,
      html: rendered.html,
      headers: rendered.headers,
      ...(rendered.ics
        ? {
            icalEvent: {
              method: rendered.calendarMethod ?? 'REQUEST',
              filename:
                rendered.calendarMethod === 'CANCEL' ? 'cancellation.ics' : 'invitation.ics',
              content: rendered.ics,
            },
          }
        : {}),
      attachments: rendered.inlineImages.map((image) => ({
        filename: image.filename,
        content: image.content,
        contentType: image.contentType,
        cid: image.cid,
      })),
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }
}

export { MailServerUnavailableError };
