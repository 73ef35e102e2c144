/** Exit codes of the CLI: a stable contract for scripts. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;
