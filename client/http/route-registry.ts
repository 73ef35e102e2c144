import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  onRequestHookHandler,
} from 'fastify';
import type { z } from 'zod';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import { parseOrThrow } from '../validation';
import { presentedKey, type ApiKeys, type Role } from './api-keys';

/** Who may call a route: anyone, or a key of at least this role. */
export type Access = 'public' | Role;

/** A route as both Fastify and the OpenAPI document know it. */
export interface RouteSpec<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'DELETE'>;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Request media type when not JSON (e.g. text/csv). */
  bodyMediaType?: string;
  /** Answers, by status, for the document. */
  responses: Record<number, { description: string; mediaType?: string }>;
  /** Fastify route config (rate limits of public routes). */
  config?: Record<string, unknown>;
  /** Runs before the route's checks (e.g. a rate limit shared by several routes). */
  onRequest?: onRequestHookHandler;
  /** Kept out of the OpenAPI document (dashboard pages, static files). */
  hidden?: boolean;
}

export interface RouteInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  role?: Role;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Every route defined through `RouteRegistry.add`, for the OpenAPI document. */
export class RouteRegistry {
  readonly routes: RouteSpec[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly keys: ApiKeys,
  ) {}

  /**
   * Registers a route: checks the caller's key and role (401 without a valid key, 403 for a
   * viewer on a coordinator route), validates params, query and body with zod (400 naming
   * the fields), then runs `handler`.
   */
  add<Params extends z.ZodType, Query extends z.ZodType, Body extends z.ZodType>(
    spec: RouteSpec<Params, Query, Body>,
    handler: (
      input: RouteInput<z.infer<Params>, z.infer<Query>, z.infer<Body>>,
    ) => Promise<unknown>,
  ): void {
    this.routes.push(spec as unknown as RouteSpec);
    this.app.route({
      method: spec.method,
      url: spec.url,
      config: spec.config,
      ...(spec.onRequest ? { onRequest: spec.onRequest } : {}),
      handler: async (request, reply) => {
        const role = this.authorise(spec.access, request);
        const input = {
          params: spec.params ? parseOrThrow(spec.params, request.params) : request.params,
          query: spec.query ? parseOrThrow(spec.query, request.query) : request.query,
          body: spec.body ? parseOrThrow(spec.body, request.body ?? {}) : request.body,
          role,
          request,
          reply,
        } as RouteInput<z.infer<Params>, z.infer<Query>, z.infer<Body>>;
        return handler(input);
      },
    });
  }

  private authorise(access: Access, request: FastifyRequest): Role | undefined {
    if (access === 'public') return undefined;
    const key = presentedKey(request);
    if (!key)
      throw new MultaqaError(
        ErrorCodes.unauthorized,
        this.keys.configured
          ? 'an API key is needed: Authorization: Bearer <key> or x-api-key'
          : 'no API keys are configured on this server (set API_KEYS)',
      );
    const role = this.keys.roleOf(key);
    if (!role) throw new MultaqaError(ErrorCodes.unauthorized, 'unknown API key');
    if (access === 'coordinator' && role !== 'coordinator')
      throw new MultaqaError(
        ErrorCodes.forbidden,
        'a viewer key only reads; this needs a coordinator key',
      );
    return role;
  }
}
