import { Client, Connection } from '@temporalio/client';
import type { Config } from '../domain/config';

/** A Temporal client for the configured server; close its `connection` when done. */
export async function connectTemporalClient(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
): Promise<Client> {
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: '5s',
  });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}
