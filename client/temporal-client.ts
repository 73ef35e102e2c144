import type { Client, ClientInterceptors, Connection } from '@temporalio/client';
import type { Config } from '../domain/config';
import { ErrorCodes, MultaqaError } from '../domain/errors';

/** The error for a service that does not answer, naming where it was looked for and what to set. */
export function unavailable(service: string, address: string, variable: string, cause: unknown) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MultaqaError(
    ErrorCodes.unavailable,
    `${service} at ${address} does not answer (${reason}); start it (npm start does) or set ${variable}`,
  );
}

/**
 * A Temporal client for the configured server; close its `connection` when done. Fails with
 * an `Unavailable` error naming the address when the server does not answer within 5 s.
 */
export async function connectTemporalClient(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
  options: { interceptors?: ClientInterceptors } = {},
): Promise<Client> {
  // Loaded here, not at the top: the CLI's Redis-only commands never pay for it (~0.2-0.5 s).
  const { Client, Connection } = await import('@temporalio/client');
  let connection: Connection;
  try {
    connection = await Connection.connect({
      address: config.TEMPORAL_ADDRESS,
      connectTimeout: '5s',
    });
  } catch (error) {
    throw unavailable('Temporal', config.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS', error);
  }
  return new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
  });
}
