import type { Command } from 'commander';
import { z } from 'zod';
import { SlugSchema } from '../../domain/common';
import { parseOrThrow } from '../validation';
import { checkOutputFile } from './session';

/** `--limit` and `--offset` of every listing: whole numbers in a sane range. */
const LimitSchema = z.coerce.number().int('must be a whole number').min(1).max(10_000);
const OffsetSchema = z.coerce.number().int('must be a whole number').min(0).max(10_000_000);

/**
 * Checks what every command shares before it runs, so no command can forget: each argument
 * named `…Id` is a slug (a path or a 5,000-character id is bad input, not "not found"), and
 * `--limit` / `--offset` are in range, an `--html` file can be written. Problems name the
 * argument or option (exit code 2).
 */
export function checkCommonArguments(command: Command): void {
  command.registeredArguments.forEach((argument, index) => {
    const name = argument.name();
    const value: unknown = command.processedArgs[index];
    if (name.endsWith('Id') && typeof value === 'string') parseOrThrow(SlugSchema, value, name);
  });
  const options = command.opts<{ limit?: string; offset?: string; html?: string }>();
  if (options.limit !== undefined) parseOrThrow(LimitSchema, options.limit, '--limit');
  if (options.offset !== undefined) parseOrThrow(OffsetSchema, options.offset, '--offset');
  if (options.html !== undefined) checkOutputFile(options.html, '--html');
}
