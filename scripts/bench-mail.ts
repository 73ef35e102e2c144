/**
 * Mail benchmark: renders messages, then sends a campaign through the real exactly-once path
 * (Redis ledger, shared rate limit, pooled SMTP) to an SMTP server on loopback, in batches of
 * 500 as the invitation shards send them. Prints messages per second and memory.
 *
 *   npx tsx scripts/bench-mail.ts [--messages 2000] [--parallel 2] [--rate 10000]
 *
 * Needs Redis (REDIS_URL, default 127.0.0.1:6379); its keys go under a throwaway prefix.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { createMailActivities } from '../activities/mail';
import { renderMessage } from '../mail/render-message';
import { parseConfig } from '../domain/config';
import type { EventBrief } from '../domain/event-brief';
import type { MessagePurpose, MessageRecipient } from '../domain/messages/mail';
import { resolveSchedule } from '../domain/schedule';
import { TrainingDayDefinitionSchema } from '../domain/training-day';
import { createMailTransport } from '../workers/mail-transport';
import { startEmbeddedSmtp } from './stack/embedded-smtp';
import { numberOption } from './stack/number-option';

export interface MailBenchmarkOptions {
  messages: number;
  /** Batches sent at once (activities running side by side on one worker). */
  parallelBatches: number;
  /** SMTP_RATE_PER_SECOND for the run; high by default, to measure the pipeline itself. */
  ratePerSecond: number;
  redisUrl: string;
}

export interface MailBenchmarkResult {
  messages: number;
  renderInvitationsPerSecond: number;
  renderConfirmationsPerSecond: number;
  sendPerSecond: number;
  resendCheckPerSecond: number;
  received: number;
  peakRssMb: number;
  peakHeapMb: number;
}

function seedBrief(eventId: string): EventBrief {
  // From scripts/ (tsx) or dist/scripts/ (built).
  const file = [resolve(__dirname, '..', 'examples'), resolve(__dirname, '..', '..', 'examples')]
    .map((folder) => resolve(folder, 'safi-2018-11-23.json'))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error('examples/safi-2018-11-23.json not found');
  const day = TrainingDayDefinitionSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const schedule = resolveSchedule(day);
  return {
    eventId,
    title: day.title,
    theme: day.theme,
    organiser: day.organiser,
    venue: day.venue,
    timeZone: day.timeZone,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    rsvpDeadlineAt: schedule.rsvpDeadlineAt,
    revision: 0,
    languages: day.languages,
    capacity: day.capacity,
    seatsPerAssociation: day.seatsPerAssociation,
    reminders: day.reminders,
    agenda: day.agenda,
    agendaSchedule: schedule.agenda,
  };
}

function recipients(count: number): MessageRecipient[] {
  return Array.from({ length: count }, (_unused, index) => ({
    id: `association-${index}`,
    kind: 'association',
    name: index % 2 ? `Association des artisans n° ${index}` : `جمعية الحرفيين رقم ${index}`,
    email: `association-${index}@example.org`,
    language: (['ar', 'fr', 'en'] as const)[index % 3] ?? 'fr',
    shard: Math.floor(index / 500),
  }));
}

/** Runs the benchmark; see the file comment. */
export async function runMailBenchmark(
  options: MailBenchmarkOptions,
): Promise<MailBenchmarkResult> {
  const prefix = `multaqa-bench:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  let received = 0;
  const smtp = await startEmbeddedSmtp({ onMessage: () => (received += 1) });
  const mailer = createMailTransport(smtp.url);
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  try {
    const config = parseConfig({
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      SMTP_RATE_PER_SECOND: String(options.ratePerSecond),
      LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
    });
    const event = seedBrief(`bench-${randomUUID().slice(0, 8)}`);
    const everyone = recipients(options.messages);
    const renderOptions = {
      linkSecret: config.LINK_SECRET,
      baseUrl: 'https://multaqa.example.org',
      now: new Date('2018-10-20T09:00:00Z'),
    };

    const timeRender = async (purpose: MessagePurpose, count: number): Promise<number> => {
      const started = process.hrtime.bigint();
      for (const recipient of everyone.slice(0, count))
        await renderMessage(
          { purpose, event, recipient, revision: 0, details: { seats: 3 } },
          renderOptions,
        );
      return count / (Number(process.hrtime.bigint() - started) / 1e9);
    };
    const renderInvitationsPerSecond = await timeRender(
      'association-invitation',
      Math.min(options.messages, 2000),
    );
    const renderConfirmationsPerSecond = await timeRender(
      'rsvp-confirmation',
      Math.min(options.messages, 500),
    );

    const mail = createMailActivities({ config, redis, mailer });
    const batches: MessageRecipient[][] = [];
    for (let start = 0; start < everyone.length; start += 500)
      batches.push(everyone.slice(start, start + 500));
    const campaign = async (): Promise<number> => {
      const started = process.hrtime.bigint();
      for (let first = 0; first < batches.length; first += options.parallelBatches) {
        await Promise.all(
          batches.slice(first, first + options.parallelBatches).map((batch) =>
            mail.sendMessageBatch({
              purpose: 'association-invitation',
              event,
              recipients: batch,
              revision: 0,
              details: { seats: 3 },
            }),
          ),
        );
      }
      return everyone.length / (Number(process.hrtime.bigint() - started) / 1e9);
    };
    const sendPerSecond = await campaign();
    // The same campaign again: every message is found sent in the ledger (a retried campaign).
    const resendCheckPerSecond = await campaign();
    return {
      messages: options.messages,
      renderInvitationsPerSecond,
      renderConfirmationsPerSecond,
      sendPerSecond,
      resendCheckPerSecond,
      received,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    mailer.close();
    await smtp.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

/** Targets a run must meet (exit code 1 otherwise). */
const MIN_SEND_PER_SECOND = 50;
const MAX_HEAP_MB = 256;

async function main(): Promise<void> {
  const result = await runMailBenchmark({
    messages: Math.floor(numberOption('messages', 2000)),
    parallelBatches: Math.floor(numberOption('parallel', 2)),
    ratePerSecond: numberOption('rate', 10_000),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  const round = (value: number): string => value.toFixed(0);
  console.log(
    `mail benchmark: ${result.messages} messages (received by the SMTP server: ${result.received})`,
  );
  console.log(
    `  render invitations (ar/fr/en, .ics, links): ${round(result.renderInvitationsPerSecond)} msg/s`,
  );
  console.log(
    `  render confirmations (+ QR code):           ${round(result.renderConfirmationsPerSecond)} msg/s`,
  );
  console.log(`  send campaign (ledger, rate limit, SMTP):   ${round(result.sendPerSecond)} msg/s`);
  console.log(
    `  re-run of a sent campaign (ledger only):    ${round(result.resendCheckPerSecond)} msg/s`,
  );
  console.log(
    `  peak memory: rss ${round(result.peakRssMb)} MB, heap ${round(result.peakHeapMb)} MB`,
  );
  console.log(
    JSON.stringify({
      bench: 'mail',
      ...Object.fromEntries(
        Object.entries(result).map(([name, value]) => [name, Math.round(value)]),
      ),
    }),
  );
  if (result.received !== result.messages)
    throw new Error(`expected ${result.messages} messages at the server, got ${result.received}`);
  // Targets: the pipeline must never be what limits a campaign (providers allow tens of
  // messages a second), and memory must not grow with the campaign.
  if (result.sendPerSecond < MIN_SEND_PER_SECOND)
    throw new Error(
      `sending at ${round(result.sendPerSecond)} msg/s, below ${MIN_SEND_PER_SECOND}`,
    );
  if (result.peakHeapMb > MAX_HEAP_MB)
    throw new Error(`heap peaked at ${round(result.peakHeapMb)} MB, above ${MAX_HEAP_MB}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
