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
  SMTP_FROM: z.string().min(3).default('multaqa <no-reply@multaqa.example.org>'),
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
  MULTAQA_VAR_DIR: z.string().min(1).default('var'),
  /** A JSON file of the deployment's sectors and provinces; unset: `config/taxonomy.json`. */
  MULTAQA_TAXONOMY: z.string().min(1).optional(),
  MULTAQA_EMBEDDED: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
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
