import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { requireTemporalBinary } from '../../scripts/stack/temporal-binaries';

let runtimeInstalled = false;
/** Quiet SDK logs; must run before any worker or environment is created in this file. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test in this module registry.
  }
}

/** The shared dev server's address, from the global setup. */
export function devServerAddress(): string {
  const address = process.env.MULTAQA_TEST_TEMPORAL_ADDRESS;
  if (!address)
    throw new Error(
      'no Temporal dev server: run integration tests through jest (global setup starts one)',
    );
  return address;
}

/** The workflow bundle built once per jest run by the global setup. */
export function workflowBundle(): { code: string } {
  const file = process.env.MULTAQA_TEST_WORKFLOW_BUNDLE;
  if (!file || !existsSync(file))
    throw new Error('no workflow bundle: run tests through jest (global setup builds it)');
  return { code: readFileSync(file, 'utf8') };
}

export function uniqueTaskQueue(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

export function uniqueId(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}

export interface DevServerClients {
  client: Client;
  connection: Connection;
  nativeConnection: NativeConnection;
  close(): Promise<void>;
}

/** A client and a worker connection to the shared dev server. */
export async function connectToDevServer(): Promise<DevServerClients> {
  quietTemporalRuntime();
  const address = devServerAddress();
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return {
    client: new Client({ connection, namespace: 'default' }),
    connection,
    nativeConnection,
    close: async () => {
      await connection.close();
      await nativeConnection.close();
    },
  };
}

/** A fresh time-skipping test server (the Java SDK's), from the project's binary. */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: requireTemporalBinary('temporal-test-server') },
    },
  });
}
