import type { Client } from '@temporalio/client';
import formBody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../domain/config';
import type { Logger } from '../logging';
import { TrainingDayChangeFeed } from './change-feed';
import { ApiKeys } from './api-keys';
import { defaultProbes, type DependencyName, type Probe } from './health-checks';
import type { HttpContext } from './http-context';
import { handleHttpError, handleNotFound } from './http-errors';
import { buildOpenApiDocument } from './openapi';
import { RouteRegistry } from './route-registry';
import { registerAgendaRoutes } from './routes/agenda';
import { registerAssociationRoutes } from './routes/associations';
import { registerAttendeeRoutes } from './routes/attendees';
import { registerDashboardRoutes } from './routes/dashboard';
import { registerDeliveryRoutes } from './routes/deliveries';
import { registerDocumentRoutes } from './routes/documents';
import { registerEventRoutes } from './routes/events';
import { registerFollowUpRoutes } from './routes/follow-ups';
import { registerHealthRoutes } from './routes/health';
import { registerMetricsRoutes } from './routes/metrics';
import { registerOutboxRoutes } from './routes/outbox';
import { registerParticipantRoutes } from './routes/participants';
import { registerProjectionRoutes } from './routes/projections';
import { registerPublicLinkRoutes } from './routes/public-links';
import { registerSessionRoutes } from './routes/session';
import { registerStreamRoutes } from './routes/stream';

export interface HttpServerOptions {
  config: Config;
  temporal: Client;
  redis: Redis;
  /** The embedded SMTP server's folder of kept messages: enables the outbox view. */
  outboxDir?: string;
  /** The SMTP server the worker sends through, for the health check (default config.SMTP_URL). */
  smtpUrl?: string;
  /** Replaces some of the health probes (e.g. the worker's, when it runs in this process). */
  health?: Partial<Record<DependencyName, Probe>>;
  /** Requests per window and IP on the public link pages (default LINK_RATE_PER_MINUTE a minute). */
  publicRateLimit?: { max: number; timeWindowMs?: number };
  /** Overrides config.HOST / config.PORT (tests pass port 0). */
  host?: string;
  port?: number;
  /** The Temporal SDK's metrics of a worker in this process, appended to `/metrics`. */
  temporalMetricsUrl?: string;
  /** Where request and access-log lines go (see client/logging.ts); none: no logging. */
  logger?: Logger;
}

/** A request id a proxy in front may pass along (X-Request-Id), kept if it looks sane. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The default content security policy of every HTML answer: scripts and styles from this
 * server only (inline styles for the outbox preview of HTML emails), never framed.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the HTTP app (API, public link pages, dashboard) without listening. */
export async function buildHttpApp(
  options: HttpServerOptions,
): Promise<{ app: FastifyInstance; feed: TrainingDayChangeFeed }> {
  const { config, temporal, redis } = options;
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger as FastifyBaseLogger }
      : { logger: false }),
    // Every log line of a request (its access-log lines included) carries this id, and the
    // answer echoes it, so a coordinator's "it failed at 10:42" can be found in the log.
    genReqId: (request) => {
      const forwarded = request.headers['x-request-id'];
      return typeof forwarded === 'string' && FORWARDED_REQUEST_ID.test(forwarded)
        ? forwarded
        : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    // Live streams never end on their own: closing the server must cut them.
    forceCloseConnections: true,
    // Signed link tokens are longer than Fastify's default limit for a path parameter.
    routerOptions: { maxParamLength: 1100 },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Lines about one training day name it, so its whole story can be grepped by event id.
    const eventId = (request.params as { eventId?: unknown } | undefined)?.eventId;
    if (typeof eventId === 'string') {
      request.log = request.log.child({ eventId });
      reply.log = request.log;
    }
  });
  app.setErrorHandler(handleHttpError);
  app.setNotFoundHandler(handleNotFound);
  // Security headers on every answer (nosniff, frame-ancestors, a CSP for the HTML pages);
  // pages that need a stricter policy (the signed-link pages) set their own.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  await app.register(formBody);
  await app.register(rateLimit, {
    global: false,
    redis,
    nameSpace: `${config.REDIS_PREFIX}rate-limit:`,
  });
  const keys = new ApiKeys(config.API_KEYS);
  const feed = new TrainingDayChangeFeed(redis, config.REDIS_PREFIX);
  const context: HttpContext = {
    app,
    routes: new RouteRegistry(app, keys),
    connections: { config, temporal, redis },
    feed,
    outboxDir: options.outboxDir,
  };
  registerHealthRoutes(context, {
    ...defaultProbes({ config, temporal, redis, smtpUrl: options.smtpUrl }),
    ...options.health,
  });
  registerMetricsRoutes(context, options.temporalMetricsUrl);
  registerSessionRoutes(context, keys, {
    max: config.SIGN_IN_RATE_PER_MINUTE,
    timeWindowMs: 60_000,
  });
  registerEventRoutes(context);
  registerAgendaRoutes(context);
  registerParticipantRoutes(context);
  registerAttendeeRoutes(context);
  registerDeliveryRoutes(context);
  registerAssociationRoutes(context);
  registerProjectionRoutes(context);
  registerDocumentRoutes(context);
  registerFollowUpRoutes(context);
  registerStreamRoutes(context);
  registerOutboxRoutes(context);
  registerPublicLinkRoutes(context, {
    max: options.publicRateLimit?.max ?? config.LINK_RATE_PER_MINUTE,
    timeWindowMs: options.publicRateLimit?.timeWindowMs ?? 60_000,
  });
  registerDashboardRoutes(context);
  const document = buildOpenApiDocument(context.routes.routes, {
    title: 'multaqa',
    version: '0.1.0',
    serverUrl: config.PUBLIC_BASE_URL,
  });
  app.get('/openapi.json', async () => document);
  app.addHook('onClose', async () => feed.close());
  return { app, feed };
}

/**
 * Starts the HTTP server: the coordinators' API (behind API keys), the public link pages
 * (signed tokens, rate-limited), the live dashboard, `/healthz` and `/openapi.json`.
 * `close()` stops listening and ends live streams; the clients passed in stay open.
 */
export async function startHttpServer(
  options: HttpServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const { app } = await buildHttpApp(options);
  const host = options.host ?? options.config.HOST;
  const port = options.port ?? options.config.PORT;
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${boundPort}`,
    close: () => app.close(),
  };
}
