import { simpleParser } from 'mailparser';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One message kept by the embedded SMTP server. */
export interface OutboxEntry {
  file: string;
  subject: string;
  from: string;
  to: string;
  date: string;
  /** The `X-Multaqa-Purpose` header, when the message carries one. */
  purpose?: string;
  language?: string;
}

export interface OutboxMessage extends OutboxEntry {
  text: string;
  html?: string;
}

const FILE_NAME = /^[A-Za-z0-9._-]+\.eml$/;

/**
 * Reads the `.eml` files of the embedded SMTP server's outbox folder. Parsed headers are
 * cached by file name and modification time, so a refreshing dashboard does not re-parse.
 */
export class OutboxReader {
  private readonly cache = new Map<string, { mtimeMs: number; entry: OutboxEntry }>();

  constructor(readonly dir: string) {}

  /** The newest messages first. An absent folder is an empty outbox. */
  async list(limit = 200): Promise<{ total: number; messages: OutboxEntry[] }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => FILE_NAME.test(name));
    } catch {
      return { total: 0, messages: [] };
    }
    const withTimes = await Promise.all(
      names.map(async (name) => ({ name, mtimeMs: (await stat(join(this.dir, name))).mtimeMs })),
    );
    withTimes.sort((a, b) => b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name));
    const newest = withTimes.slice(0, limit);
    const messages = await Promise.all(
      newest.map(({ name, mtimeMs }) => this.entry(name, mtimeMs)),
    );
    return { total: names.length, messages };
  }

  /** One message in full, or undefined when there is no such file. */
  async read(file: string): Promise<OutboxMessage | undefined> {
    if (!FILE_NAME.test(file) || basename(file) !== file) return undefined;
    let raw: Buffer;
    try {
      raw = await readFile(join(this.dir, file));
    } catch {
      return undefined;
    }
    const parsed = await simpleParser(raw);
    return {
      ...describe(file, parsed),
      text: parsed.text ?? '',
      ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    };
  }

  private async entry(name: string, mtimeMs: number): Promise<OutboxEntry> {
    const cached = this.cache.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.entry;
    const parsed = await simpleParser(await readFile(join(this.dir, name)), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    const entry = describe(name, parsed);
    this.cache.set(name, { mtimeMs, entry });
    return entry;
  }
}

function describe(file: string, parsed: Awaited<ReturnType<typeof simpleParser>>): OutboxEntry {
  const addressText = (value: typeof parsed.to): string =>
    value === undefined
      ? ''
      : Array.isArray(value)
        ? value.map((item) => item.text).join(', ')
        : value.text;
  const header = (name: string): string | undefined => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    file,
    subject: parsed.subject ?? '',
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    date: (parsed.date ?? new Date(0)).toISOString(),
    ...(header('x-multaqa-purpose') ? { purpose: header('x-multaqa-purpose') } : {}),
    ...(header('content-language') ? { language: header('content-language') } : {}),
  };
}
