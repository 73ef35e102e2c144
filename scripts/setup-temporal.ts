import { Client, Connection } from '@temporalio/client';
import { ConfigError, parseConfig } from '../domain/config';
import { ensureSearchAttributes } from './stack/search-attributes';

/**
 * Registers multaqa's search attributes on an existing Temporal server (Docker Compose runs
 * this once). Waits for the server for up to two minutes.
 */
async function main(): Promise<void> {
  const config = parseConfig();
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const connection = await Connection.connect({
        address: config.TEMPORAL_ADDRESS,
        connectTimeout: '5s',
      });
      try {
        const added = await ensureSearchAttributes(
          new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
          config.TEMPORAL_NAMESPACE,
        );
        console.log(
          added.length > 0
            ? `registered search attributes: ${added.join(', ')}`
            : 'search attributes already registered',
        );
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((wake) => setTimeout(wake, 3000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(`multaqa setup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
