import { ApplicationFailure } from '@temporalio/common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { activityFailureOf } from '../../activities/failures';
import { describeFailure, failureJson } from '../../client/cli/exit-codes';
import { errorAnswer, notFoundAnswer } from '../../client/http/http-errors';
import {
  codeOfHttpStatus,
  ERROR_CODES,
  ERROR_TABLE,
  ErrorCodes,
  ExitCode,
  MultaqaError,
  nonRetryableErrorTypes,
} from '../../domain/errors';
import { MissingLinkSecretError } from '../../mail/render-message';

const EXIT_CODES: number[] = Object.values(ExitCode);

describe('the error table', () => {
  it.each(ERROR_CODES)('gives %s an HTTP status, a CLI exit code and a description', (code) => {
    const row = ERROR_TABLE[code];
    expect(Number.isInteger(row.http) && row.http >= 400 && row.http <= 599).toBe(true);
    expect(EXIT_CODES).toContain(row.exit);
    expect(row.exit).not.toBe(ExitCode.ok);
    expect(typeof row.retryable).toBe('boolean');
    expect(row.description.length).toBeGreaterThan(0);
  });

  it('names each code once, and ErrorCodes names exactly the table', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    const named = Object.values(ErrorCodes);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('lists every non-retryable row, and no retryable one, as nonRetryableErrorTypes', () => {
    const list = nonRetryableErrorTypes();
    for (const code of ERROR_CODES) expect(list.includes(code)).toBe(!ERROR_TABLE[code].retryable);
    expect(list).toEqual(expect.arrayContaining(['InvalidInput', 'InvalidConfiguration']));
    expect(list).not.toContain('Unavailable');
  });

  it('names a bare HTTP status by its first row, else BadRequest / Internal', () => {
    expect(codeOfHttpStatus(404)).toBe('NotFound');
    expect(codeOfHttpStatus(400)).toBe('InvalidInput');
    expect(codeOfHttpStatus(429)).toBe('RateLimited');
    expect(codeOfHttpStatus(413)).toBe('TooLarge');
    expect(codeOfHttpStatus(414)).toBe('BadRequest');
    expect(codeOfHttpStatus(502)).toBe('Internal');
  });
});

describe('every edge reads the table', () => {
  it.each(ERROR_CODES)('%s: HTTP answer, CLI exit code and --json code', (code) => {
    const error = new MultaqaError(code, 'x');
    expect(errorAnswer(error)).toMatchObject({
      status: ERROR_TABLE[code].http,
      body: { error: code },
    });
    expect(describeFailure(error).code).toBe(ERROR_TABLE[code].exit);
    expect(failureJson(error, ERROR_TABLE[code].exit)).toMatchObject({ error: code });
  });

  it('answers an unknown route with the NotFound row', () => {
    expect(notFoundAnswer('GET', '/nowhere?x=1')).toEqual({
      status: 404,
      body: { error: 'NotFound', message: 'no route GET /nowhere' },
    });
  });

  it('fails an activity with the code as its type, non-retryable as the table says', () => {
    const missing = activityFailureOf(new MissingLinkSecretError());
    expect(missing).toBeInstanceOf(ApplicationFailure);
    expect(missing).toMatchObject({
      type: 'InvalidConfiguration',
      nonRetryable: true,
      message: expect.stringMatching(/LINK_SECRET/),
    });
    const down = activityFailureOf(new MultaqaError(ErrorCodes.unavailable, 'redis down'));
    expect(down).toMatchObject({ type: 'Unavailable', nonRetryable: false });
    const other = new Error('boom');
    expect(activityFailureOf(other)).toBe(other);
  });
});

describe('docs/api.md', () => {
  it('copies the error table row for row (code, status, exit code, retryable, meaning)', () => {
    const text = readFileSync(resolve(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
    const section = text.split('## Error codes')[1]!.split('\n## ')[0]!;
    const documented = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(documented).toEqual(
      ERROR_CODES.map((code) => {
        const row = ERROR_TABLE[code];
        return [
          `\`${code}\``,
          String(row.http),
          String(row.exit),
          row.retryable ? 'yes' : 'no',
          row.description,
        ];
      }),
    );
  });
});
