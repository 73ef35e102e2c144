import { MockActivityEnvironment } from '@temporalio/testing';
import { Redis } from 'ioredis';
import type { Transporter } from 'nodemailer';
import { createMailActivities } from '../../activities/mail';
import { MailDelivery } from '../../activities/mail/deliver-message';
import { messageIdFor } from '../../mail/message-identity';
import { listPossibleDuplicates } from '../../stores/possible-duplicates';
import { listUndeliverable } from '../../stores/undeliverable-register';
import type { BatchProgress } from '../../activities/mail/send-batch';
import { SendLedger } from '../../stores/send-ledger';
import { SendRateLimiter } from '../../stores/send-rate-limiter';
import { verifyLinkToken } from '../../mail/signed-links';
import { parseConfig, type Config } from '../../domain/config';
import type {
  MessageRecipient,
  SendBatchResult,
  SendMessageRequest,
} from '../../domain/messages/mail';
import { freePort } from '../../scripts/stack/ports';
import { createMailTransport } from '../../workers/mail-transport';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis';
import { SmtpSink, type CapturedMessage } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import { calendarEvent, readCalendar } from '../unit/mail-ics-reader';
import {
  associationIn,
  seedAssociations,
  seedEventBrief,
  seedPartnersAndSpeakers,
} from '../unit/mail-fixtures';
import { SmtpRelay } from './mail-smtp-proxy';

type MailActivities = ReturnType<typeof createMailActivities>;

let redis: Awaited<ReturnType<typeof connectTestRedis>>;
let sink: SmtpSink;
const mailers: Transporter[] = [];

beforeAll(async () => {
  redis = await connectTestRedis('mail-delivery');
  sink = await new SmtpSink().start();
});

afterAll(async () => {
  for (const mailer of mailers) mailer.close();
  await sink?.stop();
  await redis?.cleanup();
});

function configFor(smtpUrl: string, overrides: Record<string, string> = {}): Config {
  return parseConfig({
    REDIS_PREFIX: redis.prefix,
    SMTP_URL: smtpUrl,
    SMTP_RATE_PER_SECOND: '1000',
    LINK_SECRET: TEST_LINK_SECRET,
    PUBLIC_BASE_URL: 'https://multaqa.example.org',
    ...overrides,
  });
}

/** A worker's mail activities over the real Redis and a real SMTP transport to `smtpUrl`. */
function mailActivities(
  smtpUrl = sink.url,
  overrides: Record<string, string> = {},
): MailActivities {
  const mailer = createMailTransport(smtpUrl);
  mailers.push(mailer);
  return createMailActivities({
    config: configFor(smtpUrl, overrides),
    redis: redis.redis,
    mailer,
  });
}

/** A copy of the seed day under its own id, so tests do not share ledger entries. */
function freshEvent(name: string) {
  return { ...seedEventBrief(), eventId: `${name}-${Math.random().toString(36).slice(2, 8)}` };
}

function messagesFor(eventId: string): CapturedMessage[] {
  return sink.messages.filter(
    (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
  );
}

function recipients(count: number, prefix: string): MessageRecipient[] {
  return Array.from({ length: count }, (_unused, index) => ({
    id: `${prefix}-${index}`,
    kind: 'association' as const,
    name: `Association ${index}`,
    email: `${prefix}-${index}@example.org`,
    language: (['ar', 'fr', 'en'] as const)[index % 3] ?? 'fr',
    shard: index % 5,
  }));
}

describe('the seed day’s messages, read back from a real SMTP server', () => {
  it('reach every association in its language, with a calendar invitation and working RSVP links', async () => {
    const mail = mailActivities();
    const event = freshEvent('seed-invitations');
    const associations = seedAssociations();
    const result = await mail.sendMessageBatch({
      purpose: 'association-invitation',
      event,
      recipients: associations,
      revision: 0,
      details: { seats: event.seatsPerAssociation },
    });
    expect(result).toEqual({ sent: associations.length, alreadySent: 0, undeliverable: [] });
    const received = await sink.waitFor(
      () => messagesFor(event.eventId).length >= associations.length,
    );
    expect(messagesFor(event.eventId)).toHaveLength(associations.length);

    for (const association of associations) {
      const [message, ...others] = sink
        .to(association.email)
        .filter((candidate) => messagesFor(event.eventId).includes(candidate));
      expect(others).toHaveLength(0);
      if (!message) throw new Error(`nothing reached ${association.email}`);
      const { parsed } = message;
      const language = association.language;
      expect(parsed.messageId).toBe(
        messageIdFor({
          eventId: event.eventId,
          recipient: association,
          purpose: 'association-invitation',
          revision: 0,
        }),
      );
      expect(parsed.headers.get('content-language')).toBe(language);
      expect(parsed.html).toContain(
        `<html dir="${language === 'ar' ? 'rtl' : 'ltr'}" lang="${language}">`,
      );
      const greeting = { ar: 'تحية طيبة إلى', fr: 'Bonjour', en: 'Dear' }[language];
      expect(parsed.text).toContain(greeting);
      expect(parsed.subject).toContain(event.title[language]);
      expect(parsed.replyTo?.value[0]?.address).toBe(event.organiser.coordinatorEmail);

      const ics = parsed.attachments.find(
        (attachment) => attachment.contentType === 'application/ics',
      );
      if (!ics) throw new Error('no calendar attachment');
      const calendar = readCalendar(ics.content.toString('utf8'));
      expect(calendar.get('METHOD')).toBe('REQUEST');
      const vevent = calendarEvent(calendar);
      expect(vevent.get('UID')).toBe(`${event.eventId}@multaqa`);
      expect(vevent.get('DTSTART')).toBe('20181123T140000Z');
      expect(vevent.get('ATTENDEE')).toBe(`mailto:${association.email}`);

      const links = [
        ...(parsed.html || '').matchAll(
          /href="https:\/\/multaqa\.example\.org\/links\/rsvp\/([^"?]+)\?answer=(accept|decline)"/g,
        ),
      ];
      expect(links.map((link) => link[2])).toEqual(['accept', 'decline']);
      for (const link of links) {
        const claims = verifyLinkToken(
          decodeURIComponent(link[1] ?? ''),
          TEST_LINK_SECRET,
          new Date('2018-11-01T00:00:00Z'),
          'rsvp',
        );
        expect(claims).toMatchObject({
          eventId: event.eventId,
          associationId: association.id,
          shard: association.shard,
        });
      }
    }
    // Arabic plain text is right to left even in clients that ignore HTML.
    const arabic = sink
      .to(associationIn('ar').email)
      .find((message) => messagesFor(event.eventId).includes(message));
    expect(arabic?.parsed.text?.split('\n')[0]?.startsWith('\u200f')).toBe(true);
    expect(received.length).toBeGreaterThan(0);
  });

  it('reach partners and speakers in their language, speakers with a calendar invitation', async () => {
    const mail = mailActivities();
    const event = freshEvent('seed-partners');
    for (const recipient of seedPartnersAndSpeakers()) {
      const purpose = recipient.kind === 'partner' ? 'partner-request' : 'speaker-invitation';
      const agendaItemId = event.agenda.find((item) => item.speakerId === recipient.id)?.id;
      const outcome = await mail.sendMessage({
        purpose,
        event,
        recipient,
        revision: 0,
        details: {
          contributions: ['speaker', 'outreach'],
          ...(agendaItemId ? { agendaItemId } : {}),
        },
      });
      expect(outcome.status).toBe('sent');
      const [message] = await sink.waitFor(() =>
        sink.to(recipient.email).some((m) => messagesFor(event.eventId).includes(m)),
      );
      expect(message).toBeDefined();
      const received = sink.to(recipient.email).find((m) => messagesFor(event.eventId).includes(m));
      expect(received?.parsed.headers.get('content-language')).toBe(recipient.language);
      const hasCalendar = received?.parsed.attachments.some(
        (attachment) => attachment.contentType === 'application/ics',
      );
      expect(hasCalendar).toBe(recipient.kind === 'speaker');
    }
  });

  it('confirm a seat with a check-in QR code inline and a check-in link valid through the day', async () => {
    const mail = mailActivities();
    const event = freshEvent('seed-confirmation');
    const recipient = associationIn('ar');
    await mail.sendMessage({
      purpose: 'rsvp-confirmation',
      event,
      recipient,
      revision: 0,
      details: { seats: 2 },
    });
    await sink.waitFor(() => messagesFor(event.eventId).length === 1);
    const [message] = messagesFor(event.eventId);
    const qr = message?.parsed.attachments.find(
      (attachment) => attachment.cid === 'check-in-qr@multaqa',
    );
    expect(qr?.contentType).toBe('image/png');
    // mailparser resolves the cid reference to the attached image: it was found.
    expect(message?.parsed.html).toContain('src="data:image/png;base64,');
    const token = /\/links\/check-in\/([^"]+)"/.exec(message?.parsed.html || '')?.[1] ?? '';
    expect(
      verifyLinkToken(
        decodeURIComponent(token),
        TEST_LINK_SECRET,
        new Date('2018-11-23T17:00:00Z'),
        'check-in',
      ).associationId,
    ).toBe(recipient.id);
    expect(() =>
      verifyLinkToken(
        decodeURIComponent(token),
        TEST_LINK_SECRET,
        new Date('2018-11-24T00:00:00Z'),
      ),
    ).toThrow(/expired/);
  });
});

describe('exactly once', () => {
  it('sends the same request once, however often it is repeated', async () => {
    const mail = mailActivities();
    const event = freshEvent('twice');
    const request: SendMessageRequest = {
      purpose: 'rsvp-reminder',
      event,
      recipient: associationIn('fr'),
      revision: 1,
    };
    const first = await mail.sendMessage(request);
    const second = await mail.sendMessage(request);
    expect(first.status).toBe('sent');
    expect(second).toEqual({ status: 'already-sent', messageId: first.messageId });
    await mail.sendMessage({ ...request, revision: 2 });
    await sink.waitFor(() => messagesFor(event.eventId).length >= 2);
    await new Promise((settle) => setTimeout(settle, 200));
    expect(
      messagesFor(event.eventId).map((message) => message.parsed.headers.get('x-multaqa-revision')),
    ).toEqual(['1', '2']);
  });

  it('sends once when two workers race on the same message', async () => {
    const workerA = mailActivities();
    const workerB = mailActivities();
    const event = freshEvent('race');
    const request: SendMessageRequest = {
      purpose: 'association-invitation',
      event,
      recipient: associationIn('ar'),
      revision: 0,
    };
    const outcomes = await Promise.all([
      workerA.sendMessage(request),
      workerB.sendMessage(request),
      workerA.sendMessage(request),
      workerB.sendMessage(request),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'already-sent')).toHaveLength(3);
    await sink.waitFor(() => messagesFor(event.eventId).length >= 1);
    await new Promise((settle) => setTimeout(settle, 200));
    expect(messagesFor(event.eventId)).toHaveLength(1);
  });
});

describe('the ledger is bound to the day’s generation', () => {
  it('sends the invitation of a later day with the same id, and keeps a running day’s ledger as it was', async () => {
    const mail = mailActivities();
    // A day created before generations: its ledger key is the one running campaigns use.
    const older = freshEvent('same-id');
    const request: SendMessageRequest = {
      purpose: 'association-invitation',
      event: older,
      recipient: associationIn('fr'),
      revision: 0,
    };
    const first = await mail.sendMessage(request);
    expect(first.status).toBe('sent');
    expect(await redis.redis.hlen(`${redis.prefix}mail:ledger:${older.eventId}`)).toBe(1);
    expect(await mail.sendMessage(request)).toEqual({
      status: 'already-sent',
      messageId: first.messageId,
    });

    // The same id created again (a new generation): its own ledger, its own Message-ID.
    const later = { ...older, generation: 1_764_570_000_000 };
    const again = await mail.sendMessage({ ...request, event: later });
    expect(again.status).toBe('sent');
    expect(again.messageId).not.toBe(first.messageId);
    expect(await mail.sendMessage({ ...request, event: later })).toEqual({
      status: 'already-sent',
      messageId: again.messageId,
    });
    await sink.waitFor(() => messagesFor(older.eventId).length >= 2);
    const [, laterMessage] = messagesFor(older.eventId);
    const links = laterMessage!.parsed.text!.match(/\/links\/rsvp\/([A-Za-z0-9_.-]+)/);
    expect(
      verifyLinkToken(links![1]!, TEST_LINK_SECRET, new Date('2018-11-01T00:00:00Z'), 'rsvp')
        .generation,
    ).toBe(later.generation);
  });
});

describe('the send ledger after a dead attempt', () => {
  const shortLease = () =>
    new SendLedger(redis.redis, redis.prefix, { leaseMs: 200, retentionSeconds: 60 });
  const identityOf = (request: SendMessageRequest) => ({
    ...request,
    eventId: request.event.eventId,
  });

  it('resends a message whose attempt died before handing it over, with no doubt recorded', async () => {
    const mail = mailActivities();
    const event = freshEvent('dead-claimed');
    const request: SendMessageRequest = {
      purpose: 'rsvp-reminder',
      event,
      recipient: associationIn('fr'),
      revision: 0,
    };
    expect(await shortLease().claim(identityOf(request), 'dead-attempt')).toEqual({
      state: 'claimed',
    });
    await new Promise((settle) => setTimeout(settle, 250));
    expect(await mail.sendMessage(request)).toMatchObject({ status: 'sent' });
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).toEqual([]);
    await sink.waitFor(() => messagesFor(event.eventId).length === 1);
  });

  it('resends a message whose attempt died while handing it over, and flags a possible duplicate', async () => {
    const mail = mailActivities();
    const event = freshEvent('dead-on-wire');
    const request: SendMessageRequest = {
      purpose: 'rsvp-reminder',
      event,
      recipient: associationIn('ar'),
      revision: 0,
    };
    const ledger = shortLease();
    await ledger.claim(identityOf(request), 'dead-attempt');
    expect(await ledger.markOnWire(identityOf(request), 'dead-attempt')).toBe(true);
    await new Promise((settle) => setTimeout(settle, 250));
    const outcome = await mail.sendMessage(request);
    expect(outcome.status).toBe('sent');
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).toEqual([
      expect.objectContaining({ recipientId: request.recipient.id, messageId: outcome.messageId }),
    ]);
  });

  it('lets a retry take over a message whose attempt lost Redis while putting it on the wire (the lease is no longer renewed)', async () => {
    const event = freshEvent('lost-redis');
    const request: SendMessageRequest = {
      purpose: 'rsvp-reminder',
      event,
      recipient: associationIn('fr'),
      revision: 0,
    };
    const mailer = createMailTransport(sink.url);
    mailers.push(mailer);
    const delivery = new MailDelivery(
      { config: configFor(sink.url), redis: redis.redis, mailer },
      { leaseMs: 300, busyWaitMs: 2_000 },
    );
    // Redis answers nothing at that moment (killed): the call fails, the attempt ends.
    const markOnWire = delivery.ledger.markOnWire.bind(delivery.ledger);
    delivery.ledger.markOnWire = () => Promise.reject(new Error('Connection is closed.'));
    await expect(delivery.deliver(request)).rejects.toThrow('Connection is closed.');
    delivery.ledger.markOnWire = markOnWire;
    // Before: the dead attempt's timer renewed its lease for ever, and every retry was told
    // the message was "being sent by another attempt".
    expect(await delivery.deliver(request)).toMatchObject({ status: 'sent' });
    await sink.waitFor(() => messagesFor(event.eventId).length === 1);
  });

  it('makes a second attempt wait for a live one, then find the message sent', async () => {
    const mail = mailActivities();
    const event = freshEvent('live-claim');
    const request: SendMessageRequest = {
      purpose: 'rsvp-reminder',
      event,
      recipient: associationIn('en'),
      revision: 0,
    };
    const ledger = new SendLedger(redis.redis, redis.prefix, {
      leaseMs: 10_000,
      retentionSeconds: 60,
    });
    await ledger.claim(identityOf(request), 'live-attempt');
    const waiting = mail.sendMessage(request);
    await new Promise((settle) => setTimeout(settle, 300));
    await ledger.markSent(identityOf(request), 'live-attempt');
    expect(await waiting).toMatchObject({ status: 'already-sent' });
    expect(messagesFor(event.eventId)).toHaveLength(0);
  });

  it('stops an attempt that lost its claim from putting the message on the wire', async () => {
    const event = freshEvent('lost-claim');
    const identity = {
      eventId: event.eventId,
      recipient: associationIn('fr'),
      purpose: 'rsvp-reminder' as const,
      revision: 0,
    };
    const ledger = shortLease();
    await ledger.claim(identity, 'frozen-attempt');
    await new Promise((settle) => setTimeout(settle, 250));
    expect(await ledger.claim(identity, 'new-attempt')).toEqual({
      state: 'claimed',
      tookOverFrom: 'claimed',
    });
    expect(await ledger.markOnWire(identity, 'frozen-attempt')).toBe(false);
    expect(await ledger.markOnWire(identity, 'new-attempt')).toBe(true);
  });
});

describe('failures', () => {
  it('records a refused address against its invitee and lets the batch go on', async () => {
    const mail = mailActivities();
    const event = freshEvent('refused');
    const batch = recipients(8, `refused-${event.eventId}`);
    const refused = batch[3];
    if (!refused) throw new Error('batch too small');
    sink.reject(refused.email);
    const result = await mail.sendMessageBatch({
      purpose: 'association-invitation',
      event,
      recipients: batch,
      revision: 0,
    });
    expect(result.sent).toBe(7);
    expect(result.undeliverable).toEqual([
      { recipientId: refused.id, reason: expect.stringContaining('550') },
    ]);
    await sink.waitFor(() => messagesFor(event.eventId).length >= 7);
    expect(sink.to(refused.email)).toHaveLength(0);

    const register = await listUndeliverable(redis.redis, redis.prefix, event.eventId);
    expect(register).toEqual([
      expect.objectContaining({
        recipientId: refused.id,
        email: refused.email,
        purpose: 'association-invitation',
      }),
    ]);
    // A retry keeps the verdict and does not knock on the server again.
    const again = await mail.sendMessage({
      purpose: 'association-invitation',
      event,
      recipient: refused,
      revision: 0,
    });
    expect(again.status).toBe('undeliverable');
  });

  it('treats an address that is not an email address as undeliverable without sending', async () => {
    const mail = mailActivities();
    const event = freshEvent('invalid-address');
    const outcome = await mail.sendMessage({
      purpose: 'association-invitation',
      event,
      recipient: {
        ...associationIn('fr'),
        email: 'potiers@example.org\r\nBcc: victim@example.org',
      },
      revision: 0,
    });
    expect(outcome).toMatchObject({ status: 'undeliverable', reason: 'invalid email address' });
    await new Promise((settle) => setTimeout(settle, 200));
    expect(messagesFor(event.eventId)).toHaveLength(0);
    expect(sink.to('victim@example.org')).toHaveLength(0);
  });

  it('keeps an injected header out of the message and the envelope', async () => {
    const mail = mailActivities();
    const event = freshEvent('injection');
    event.title = { ...event.title, fr: 'Journée\r\nBcc: victim@example.org' };
    const recipient = {
      ...associationIn('fr'),
      name: 'Potiers\r\nBcc: victim@example.org\r\n\r\n<b>x</b>',
    };
    await mail.sendMessage({ purpose: 'association-invitation', event, recipient, revision: 0 });
    await sink.waitFor(() => messagesFor(event.eventId).length === 1);
    const [message] = messagesFor(event.eventId);
    expect(message?.to).toEqual([recipient.email]);
    expect(message?.parsed.bcc).toBeUndefined();
    const head = message?.raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
    expect(head).not.toMatch(/^Bcc:/im);
    expect(sink.to('victim@example.org')).toHaveLength(0);
  });

  it('throws a retryable error while the mail server is down, and sends once it is back', async () => {
    const port = await freePort();
    const mail = mailActivities(`smtp://127.0.0.1:${port}`);
    const event = freshEvent('server-down');
    const request: SendMessageRequest = {
      purpose: 'association-invitation',
      event,
      recipient: associationIn('en'),
      revision: 0,
    };
    await expect(mail.sendMessage(request)).rejects.toMatchObject({
      name: 'MailServerUnavailable',
    });
    const ledger = new SendLedger(redis.redis, redis.prefix, {
      leaseMs: 1000,
      retentionSeconds: 60,
    });
    expect(await ledger.peek({ ...request, eventId: event.eventId })).toBeUndefined();

    const returned = await new SmtpSink().start(port);
    try {
      await expect(mail.sendMessage(request)).resolves.toMatchObject({ status: 'sent' });
      await returned.waitFor((messages) => messages.length === 1);
    } finally {
      // The pooled connection would keep the server's close waiting.
      mailers.at(-1)?.close();
      await returned.stop();
    }
  });

  it('resumes a batch from its last heartbeat after the server went away mid-batch, each message once', async () => {
    const relay = await new SmtpRelay(sink.port).start();
    try {
      const mail = mailActivities(relay.url, { SMTP_RATE_PER_SECOND: '200' });
      const event = freshEvent('mid-batch');
      const batch = recipients(40, `mid-${event.eventId}`);
      const request = {
        purpose: 'association-invitation' as const,
        event,
        recipients: batch,
        revision: 0,
      };
      const heartbeats: BatchProgress[] = [];
      const first = new MockActivityEnvironment();
      first.on('heartbeat', (details: BatchProgress) => details && heartbeats.push(details));
      const running = first.run(mail.sendMessageBatch, request);
      await sink.waitFor(() => messagesFor(event.eventId).length >= 12);
      // Stop sends at a known point (nothing half-answered), then take the server away.
      relay.hold();
      const ledger = new SendLedger(redis.redis, redis.prefix, {
        leaseMs: 1000,
        retentionSeconds: 60,
      });
      await waitUntil(async () => {
        const sent = [...(await ledger.entries(event)).values()].filter(
          (entry) => entry.state === 'sent',
        );
        return sent.length === messagesFor(event.eventId).length;
      });
      relay.refuse(true);
      relay.cut();
      await expect(running).rejects.toMatchObject({ name: 'MailServerUnavailable' });
      const last = heartbeats.at(-1);
      expect(last?.next).toBeGreaterThan(0);
      const deliveredBefore = messagesFor(event.eventId).length;
      expect(deliveredBefore).toBeLessThan(batch.length);

      relay.refuse(false);
      relay.release();
      const retry = new MockActivityEnvironment({ heartbeatDetails: last });
      const result = (await retry.run(mail.sendMessageBatch, request)) as SendBatchResult;
      expect(result.resumedFrom).toBe(last?.next);
      expect(result.sent + result.alreadySent).toBe(batch.length);
      expect(result.undeliverable).toEqual([]);
      await sink.waitFor(() => messagesFor(event.eventId).length >= batch.length);
      await new Promise((settle) => setTimeout(settle, 200));
      const delivered = messagesFor(event.eventId);
      expect(delivered).toHaveLength(batch.length);
      expect(new Set(delivered.map((message) => message.parsed.messageId)).size).toBe(batch.length);
      for (const recipient of batch) expect(sink.to(recipient.email)).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });
});

describe('the shared send rate', () => {
  it('hands out send slots exactly 1/rate apart to workers on separate Redis connections', async () => {
    const otherConnection = new Redis(TEST_REDIS_URL);
    try {
      const key = `${redis.prefix}mail:rate-slots`;
      const workers = [
        new SendRateLimiter(redis.redis, key, 20),
        new SendRateLimiter(otherConnection, key, 20),
      ];
      const started = Date.now();
      const slots = await Promise.all(
        Array.from({ length: 30 }, (_unused, index) => workers[index % 2]!.acquire()),
      );
      const times = slots.map((slot) => slot.slotAt).sort((a, b) => a - b);
      for (let index = 1; index < times.length; index += 1)
        expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeCloseTo(50, 3);
      // Each caller waited for its slot: the last one ~29 intervals after the first.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      otherConnection.disconnect();
    }
  });

  it('holds across two workers sending a campaign at once', async () => {
    const rate = 20;
    const workerA = mailActivities(sink.url, { SMTP_RATE_PER_SECOND: String(rate) });
    const workerB = mailActivities(sink.url, { SMTP_RATE_PER_SECOND: String(rate) });
    const event = freshEvent('rate');
    const batch = recipients(40, `rate-${event.eventId}`);
    const started = Date.now();
    const results = await Promise.all([
      workerA.sendMessageBatch({
        purpose: 'rsvp-reminder',
        event,
        recipients: batch.slice(0, 20),
        revision: 0,
      }),
      workerB.sendMessageBatch({
        purpose: 'rsvp-reminder',
        event,
        recipients: batch.slice(20),
        revision: 0,
      }),
    ]);
    // 40 messages at 20 a second take at least 39 intervals of 50 ms, whatever the machine
    // (without the shared limit, two workers would send them in a fraction of that).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(results.map((result) => result.sent)).toEqual([20, 20]);
    await sink.waitFor(() => messagesFor(event.eventId).length >= batch.length);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let stableSince: number | undefined;
  for (;;) {
    if (await condition()) {
      stableSince ??= Date.now();
      if (Date.now() - stableSince >= 300) return;
    } else stableSince = undefined;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((settle) => setTimeout(settle, 50));
  }
}
