/**
 * The one error type the command line turns into an exit status. Everything
 * else that escapes a command is an internal error (exit 2, with a stack).
 */

/** Exit statuses, by meaning. */
export const EXIT = {
  ok: 0,
  /** An article has errors (diagnostics were printed). */
  content: 1,
  /** The command line was wrong: unknown option, bad value, missing file. */
  usage: 2,
  /** A bug or an environment failure. */
  internal: 2,
  /** Interrupted by SIGINT (128 + 2). */
  interrupted: 130,
  /** Terminated by SIGTERM (128 + 15). */
  terminated: 143,
} as const;

export type ExitKind = keyof typeof EXIT;

/** A failure explained to the user in one message, without a stack trace. */
export class CliError extends Error {
  readonly kind: ExitKind;
  constructor(kind: ExitKind, message: string) {
    super(message);
    this.name = 'CliError';
    this.kind = kind;
  }
  get exitCode(): number {
    return EXIT[this.kind];
  }
}

export const usageError = (message: string): CliError => new CliError('usage', message);

/** Exit status and text to print for anything thrown by a command. */
export function describeFailure(error: unknown): { exitCode: number; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { exitCode: EXIT.internal, message: `internal error: ${text}` };
}
