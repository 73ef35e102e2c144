/** Exit codes of the CLI: a stable contract for scripts (defined beside the error table). */
export { ExitCode } from '../../domain/errors';
