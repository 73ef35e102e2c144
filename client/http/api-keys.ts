import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Who a request acts as. A coordinator acts; a viewer only reads. */
export type Role = 'coordinator' | 'viewer';

/** The cookie the dashboard keeps its key in (HttpOnly, SameSite=Strict). */
export const DASHBOARD_COOKIE = 'multaqa_key';

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** The API keys of the configuration (`role:key` pairs), checked in constant time. */
export class ApiKeys {
  private readonly entries: Array<{ digest: Buffer; role: Role }>;

  constructor(configured: string | undefined) {
    this.entries = (configured ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const separator = pair.indexOf(':');
        return {
          role: pair.slice(0, separator) as Role,
          digest: digest(pair.slice(separator + 1)),
        };
      });
  }

  get configured(): boolean {
    return this.entries.length > 0;
  }

  /** The role of `key`, or undefined when it is not a configured key. */
  roleOf(key: string): Role | undefined {
    const candidate = digest(key);
    let role: Role | undefined;
    // Compare with every entry, so timing does not reveal which one matched.
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, candidate)) role ??= entry.role;
    }
    return role;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The header the dashboard's own scripts send with a change made through its forms. */
export const DASHBOARD_HEADER = 'x-multaqa-dashboard';

/**
 * The key a request presents: `Authorization: Bearer <key>`, `x-api-key`, or the dashboard's
 * cookie, for reads, and for changes only along with `x-multaqa-dashboard: 1` from the same
 * origin. A cross-site form can set neither that header nor (SameSite=Strict) send the cookie,
 * so it cannot act with a coordinator's browser session.
 */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  if (request.method === 'GET' || request.method === 'HEAD' || fromDashboardScript(request))
    return cookieValue(request.headers.cookie, DASHBOARD_COOKIE);
  return undefined;
}

function fromDashboardScript(request: FastifyRequest): boolean {
  if (request.headers[DASHBOARD_HEADER] !== '1') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
