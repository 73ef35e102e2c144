import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/**
 * The environment every multaqa process reads, once, at start-up. Unset values take the
 * embedded defaults that `npm start` runs on.
 */
export const ConfigSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('multaqa'),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  REDIS_URL: z
    .url()
    .refine((url) => /^rediss?:/.test(url), 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]*$/i)
    .default('multaqa:'),
  /** Unset: the embedded SMTP server that keeps messages under var/outbox. */
  SMTP_URL: z
    .url()
    .refine((url) => /^smtps?:/.test(url), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /**
   * The sender when a day names no address of its own (`organiser.email`); the display name is
   * always the day's organiser.
   */
  SMTP_FROM: z.string().min(3).default('multaqa <no-reply@multaqa.example.org>'),
  /**
   * Envelope sender (Return-Path) for bounces, e.g. `bounces@chamber.example`: each message gets
   * its own, `bounces+<tag>@chamber.example` (VERP), so a bounce names the message it is about
   * (`POST /api/bounces`). Unset: the From address, and bounces go to the organiser's inbox.
   */
  SMTP_BOUNCE_ADDRESS: z.email().optional(),
  /** Messages per second allowed across every worker (the SMTP provider's quota). */
  SMTP_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(20),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: z.url().optional(),
  /** Secret that signs public links (RSVP, check-in, survey). At least 32 characters. */
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LINK_TTL_DAYS: z.coerce.number().int().positive().max(365).default(60),
  /** API keys, `role:key` pairs separated by commas; roles are coordinator and viewer. */
  API_KEYS: z
    .string()
    .regex(
      /^((coordinator|viewer):[A-Za-z0-9._~-]{16,})(,(coordinator|viewer):[A-Za-z0-9._~-]{16,})*$/,
      'must be role:key pairs (roles coordinator or viewer, keys of 16+ characters), separated by commas',
    )
    .optional(),
  /**
   * Which proxies in front of the server are believed about the client's address
   * (X-Forwarded-For): `false` (none, the default), `true` (any), a hop count, or
   * comma-separated addresses or CIDR ranges. Per-IP rate limits count by that address.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-f.:/]+(,\s*[0-9a-f.:/]+)*)$/i,
      'must be true, false, a hop count, or addresses/CIDR ranges separated by commas',
    )
    .default('false')
    .transform(parseTrustProxy),
  /** Requests a minute one address may make to the public link pages, all pages together. */
  LINK_RATE_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(30),
  /** Sign-in attempts a minute one address may make on the dashboard. */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().positive().max(10_000).default(10),
  /** Largest associations CSV the HTTP import reads, in megabytes. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  /** Most data rows one associations CSV may hold. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().max(10_000_000).default(250_000),
  /**
   * Workflows a worker keeps in memory between their tasks (its sticky cache). Each costs
   * memory for as long as it is cached; the SDK's own default grows with the heap (over 2,000 on
   * a 4 GB heap), which let a worker with many running days grow past a gigabyte.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(100),
  /** Workflow tasks a worker runs at once (at least 2). */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1000).default(40),
  /** Activities a worker runs at once (mail batches, projections, lookups). */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * How long a stopping worker (SIGTERM, Ctrl-C) lets its running activities finish (a mail
   * batch) before cancelling them; keep it below the orchestrator's kill delay.
   */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(25),
  /**
   * Where `npm run worker` serves its `/metrics` (the product's and the Temporal SDK's);
   * port 0 turns it off. Under `npm start` the HTTP server's `/metrics` has both instead.
   */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  MULTAQA_VAR_DIR: z.string().min(1).default('var'),
  /** A JSON file of the deployment's sectors and provinces; unset: `config/taxonomy.json`. */
  MULTAQA_TAXONOMY: z.string().min(1).optional(),
  MULTAQA_EMBEDDED: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
/** Fastify's `trustProxy` from the TRUST_PROXY text (a hop count trusts that many hops). */
function parseTrustProxy(
  value: string,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value.split(',').map((part) => part.trim());
}

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws `ConfigError` listing every bad variable and why. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}
