import type { Transporter } from 'nodemailer';
import { createMailActivities } from '../../activities/mail';
import { listPossibleDuplicates } from '../../stores/possible-duplicates';
import { SendLedger } from '../../stores/send-ledger';
import { parseConfig } from '../../domain/config';
import { freePort } from '../../scripts/stack/ports';
import type { SendMessageRequest } from '../../domain/messages/mail';
import { createMailTransport } from '../../workers/mail-transport';
import { connectTestRedis } from '../support/redis';
import { SmtpSink } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import { associationIn, seedEventBrief } from '../unit/mail-fixtures';
import { SmtpRelay } from './mail-smtp-proxy';

/**
 * Sends whose outcome the sender cannot know: the server took the message but its reply was
 * lost (slow, then the connection dropped). The ledger cannot prove such a message single, so
 * the copy a retry sends is flagged to the coordinator as a possible duplicate; failures that
 * prove nothing left are not flagged. Real Redis, a real SMTP server behind a loopback relay.
 */
describe('a send whose reply never came', () => {
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;
  let sink: SmtpSink;
  let relay: SmtpRelay;
  const mailers: Transporter[] = [];

  beforeAll(async () => {
    redis = await connectTestRedis('mail-lost-reply');
    sink = await new SmtpSink().start();
    relay = await new SmtpRelay(sink.port).start();
  });
  afterAll(async () => {
    for (const mailer of mailers) mailer.close();
    await relay?.stop();
    await sink?.stop();
    await redis?.cleanup();
  });

  function setUp(name: string) {
    const mailer = createMailTransport(relay.url);
    mailers.push(mailer);
    const config = parseConfig({
      REDIS_PREFIX: redis.prefix,
      SMTP_URL: relay.url,
      SMTP_RATE_PER_SECOND: '1000',
      LINK_SECRET: TEST_LINK_SECRET,
    });
    const event = {
      ...seedEventBrief(),
      eventId: `${name}-${Math.random().toString(36).slice(2, 8)}`,
    };
    const request: SendMessageRequest = {
      purpose: 'association-invitation',
      event,
      recipient: associationIn('fr'),
      revision: 0,
    };
    const ledger = new SendLedger(redis.redis, redis.prefix, {
      leaseMs: 1000,
      retentionSeconds: 60,
    });
    const copies = () =>
      sink.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === event.eventId,
      );
    return {
      mail: createMailActivities({ config, redis: redis.redis, mailer }),
      event,
      request,
      copies,
      entry: () => ledger.peek({ ...request, eventId: event.eventId }),
    };
  }

  it('flags the second copy when the server took the message and the reply was lost', async () => {
    const { mail, event, request, copies, entry } = setUp('lost-reply');
    relay.muteAfterData(true);
    const first = mail.sendMessage(request);
    first.catch(() => undefined);
    // The server has the whole message; the sender is still waiting for its "250".
    await sink.waitFor(() => copies().length === 1);
    relay.cut();
    relay.muteAfterData(false);
    await expect(first).rejects.toMatchObject({ name: 'MailServerUnavailable' });
    expect(await entry()).toMatchObject({ state: 'on-wire' });

    const retry = await mail.sendMessage(request);
    expect(retry.status).toBe('sent');
    await sink.waitFor(() => copies().length === 2);
    expect(new Set(copies().map((copy) => copy.parsed.messageId))).toEqual(
      new Set([retry.messageId]),
    );
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).toEqual([
      expect.objectContaining({
        recipientId: request.recipient.id,
        purpose: 'association-invitation',
        messageId: retry.messageId,
      }),
    ]);
    expect(await entry()).toMatchObject({ state: 'sent' });
  });

  it('sends once, unflagged, when the connection died before the message data went out', async () => {
    const { mail, event, request, copies, entry } = setUp('dropped-early');
    relay.hold();
    const first = mail.sendMessage(request);
    // The sender is on the wire but its commands are stuck before the data: drop the connection.
    for (let tries = 0; (await entry())?.state !== 'on-wire'; tries += 1) {
      if (tries > 500) throw new Error('the message never went on the wire');
      await new Promise((wake) => setTimeout(wake, 10));
    }
    relay.cut();
    relay.release();
    // The pool sends it again on a fresh connection: the first copy never left.
    expect((await first).status).toBe('sent');
    await sink.waitFor(() => copies().length === 1);
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).toEqual([]);
  });

  it('flags nothing when no connection could be opened (nothing can have arrived)', async () => {
    const down = await freePort();
    const mailer = createMailTransport(`smtp://127.0.0.1:${down}`);
    mailers.push(mailer);
    const { event, request, entry } = setUp('refused');
    const mail = createMailActivities({
      config: parseConfig({
        REDIS_PREFIX: redis.prefix,
        SMTP_URL: `smtp://127.0.0.1:${down}`,
        LINK_SECRET: TEST_LINK_SECRET,
      }),
      redis: redis.redis,
      mailer,
    });
    await expect(mail.sendMessage(request)).rejects.toMatchObject({
      name: 'MailServerUnavailable',
    });
    expect(await entry()).toBeUndefined();
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).toEqual([]);
  });
});
