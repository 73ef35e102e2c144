import type { z } from 'zod';

/** Bad input from outside: every problem names its field. CLI exit code 2, HTTP 400. */
export class ValidationError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** Parses `input` with `schema`, or throws `ValidationError` with fields prefixed by `root`. */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  root?: string,
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      field: [root, ...issue.path.map(String)].filter(Boolean).join('.') || '(input)',
      message: issue.message,
    })),
  );
}
