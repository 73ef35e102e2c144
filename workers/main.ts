import { ConfigError, parseConfig } from '../domain/config';
import { runWorker } from './worker-runtime';

/**
 * The worker alone, for deployments that run it apart from the HTTP server (Docker Compose,
 * several workers). Needs SMTP_URL: the embedded SMTP server belongs to `npm start`.
 */
async function main(): Promise<void> {
  const config = parseConfig();
  if (!config.SMTP_URL)
    throw new ConfigError(['SMTP_URL: required when the worker runs on its own']);
  const running = await runWorker(config, config.SMTP_URL);
  const stop = () => void running.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`multaqa worker polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  await running.done;
}

main().catch((error: unknown) => {
  console.error(`multaqa worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
