import { freePort } from '../../scripts/stack/ports';
import { startTestHttpServer, startTestStack, type TestStack } from './stack';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

/** The real stack with the HTTP server in front of it, on a free port its links point at. */
export interface ServedStack {
  stack: TestStack;
  server: { url: string; close(): Promise<void> };
  stop(): Promise<void>;
}

/**
 * Starts the stack with a coordinator and a viewer key, and the HTTP server; `outboxDir` is the
 * folder of `.eml` files the dashboard's outbox view reads (none: the outbox is off); `env`
 * overrides the stack's environment.
 */
export async function startServedStack(
  name: string,
  keys: { coordinator: string; viewer: string },
  options: { outboxDir?: string; env?: Record<string, string> } = {},
): Promise<ServedStack> {
  const port = await freePort();
  const stack = await startTestStack(name, {
    API_KEYS: `coordinator:${keys.coordinator},viewer:${keys.viewer}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...options.env,
  });
  const server = await startTestHttpServer(stack, { port, outboxDir: options.outboxDir });
  return {
    stack,
    server,
    stop: async () => {
      await server.close();
      await stack.stop();
    },
  };
}

/** A JSON API call with a key: `call(method, path, body?, key?)` → `{ status, json }`. */
export function apiCaller(baseUrl: () => string, defaultKey: string) {
  return async (method: string, path: string, body?: unknown, key = defaultKey) => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  };
}
