import type { FastifyInstance } from 'fastify';
import type { Connections } from '../connections';
import type { TrainingDayChangeFeed } from './change-feed';
import type { RouteRegistry } from './route-registry';

/** What every route module is given. */
export interface HttpContext {
  app: FastifyInstance;
  routes: RouteRegistry;
  connections: Connections;
  feed: TrainingDayChangeFeed;
  /** The embedded SMTP server's folder of sent messages, when it is in use. */
  outboxDir?: string;
}
