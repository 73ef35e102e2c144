import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret kept in a file (mode 0600), made on first use: embedded runs sign links and
 * authenticate coordinators without the user choosing secrets, and keep them across restarts.
 */
export function fileSecret(
  path: string,
  make: () => string = () => randomBytes(32).toString('base64url'),
): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return value;
}
