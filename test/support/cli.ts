import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '..', '..', 'bin', 'multaqa.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables a test runner may have that would take precedence over a `.env` file. */
const MULTAQA_VARIABLES = /^(TEMPORAL_|REDIS_|SMTP_|LINK_|API_KEYS$|MULTAQA_|PUBLIC_BASE_URL$)/;

/**
 * Runs the built `multaqa` command (bin/multaqa.js) as a user would, with extra environment.
 * `cwd` runs it from another directory (its `.env` and `var/`); `onlyEnv` drops the runner's
 * own multaqa variables first, so only `env` and the files in `cwd` configure it.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
  options: { cwd?: string; onlyEnv?: boolean } = {},
): Promise<CliResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !options.onlyEnv || !MULTAQA_VARIABLES.test(name),
    ),
  );
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...inherited, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
