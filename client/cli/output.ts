import Table from 'cli-table3';

/** Options every command takes for its output. */
export interface OutputOptions {
  json?: boolean;
}

/** Prints `value` as JSON with `--json`, else the human text. */
export function print(options: OutputOptions, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** A plain table (no colours, so output piped to a file stays clean). */
export function table(head: string[], rows: Array<Array<string | number>>): string {
  const rendered = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) rendered.push(row.map((cell) => String(cell)));
  return rendered.toString();
}

/** A titled section of human output. */
export function section(title: string, body: string): string {
  return `\n\n${title}\n${body}`;
}
