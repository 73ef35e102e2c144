import { z } from 'zod';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import { DASHBOARD_COOKIE, type ApiKeys } from '../api-keys';
import type { HttpContext } from '../http-context';

/** The dashboard's sign-in: a key kept in an HttpOnly cookie that only authorises reads. */
export function registerSessionRoutes(
  { routes }: HttpContext,
  keys: ApiKeys,
  signInLimit: { max: number; timeWindowMs: number },
): void {
  routes.add(
    {
      method: 'POST',
      url: '/api/session',
      summary: 'Sign the dashboard in with an API key (sets an HttpOnly cookie for reads)',
      tag: 'service',
      access: 'public',
      body: z.object({ key: z.string().min(1, 'must not be empty').max(200) }).strict(),
      // Guessing keys costs a minute per few tries from one address.
      config: { rateLimit: { max: signInLimit.max, timeWindow: signInLimit.timeWindowMs } },
      responses: {
        200: { description: '{ role }' },
        401: { description: 'unknown key' },
        429: { description: 'too many sign-in attempts from this address' },
      },
    },
    async ({ body, reply, request }) => {
      const role = keys.roleOf(body.key);
      if (!role) throw new MultaqaError(ErrorCodes.unauthorized, 'unknown API key', 'key');
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header(
        'set-cookie',
        `${DASHBOARD_COOKIE}=${encodeURIComponent(body.key)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${12 * 3600}${secure}`,
      );
      return { role };
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/session',
      summary: 'Who the presented key is',
      tag: 'service',
      access: 'viewer',
      responses: { 200: { description: '{ role }' } },
    },
    async ({ role }) => ({ role }),
  );

  routes.add(
    {
      method: 'DELETE',
      url: '/api/session',
      summary: 'Sign the dashboard out (clears its cookie)',
      tag: 'service',
      access: 'public',
      responses: { 200: { description: '{}' } },
    },
    async ({ reply }) => {
      reply.header(
        'set-cookie',
        `${DASHBOARD_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
      );
      return {};
    },
  );
}
