import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { Transporter } from 'nodemailer';
import type { Config } from '../domain/config';

/** What activities are built with: the worker passes real clients, tests pass their own. */
export interface ActivityDependencies {
  config: Config;
  redis: Redis;
  mailer: Transporter;
  temporal: Client;
  /** The time source; tests may pin it. */
  now?: () => Date;
}
