import { escapeForDisplay } from './text/unicode-policy.js';

/**
 * The one error type the command line turns into an exit status, and the one
 * function (`describeFailure`) that turns anything a command throws into the
 * status and the line to print. Stack traces only with `--debug`.
 */

/** Exit statuses, by meaning. */
export const EXIT = {
  ok: 0,
  /** An article has errors (diagnostics were printed). */
  content: 1,
  /** The command line was wrong: unknown option, bad value, missing file, refused --out. */
  usage: 2,
  /**
   * The system refused (permission, read-only file system, disk full, a file
   * where a folder should be, another build writing to the same folder).
   */
  operator: 2,
  /** A bug. */
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
  constructor(kind: ExitKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.kind = kind;
  }
  get exitCode(): number {
    return EXIT[this.kind];
  }
}

export const usageError = (message: string): CliError => new CliError('usage', message);
export const operatorError = (message: string, cause?: unknown): CliError => new CliError('operator', message, { cause });

/** What the system said, in words, for the error codes an operator can act on. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'a file of that name already exists',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'folder not empty',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EBUSY: 'resource busy',
  EXDEV: 'cannot move across file systems',
  EIO: 'input/output error',
};

/** What the failed call was doing, by system call. */
const ACTIONS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rm: 'remove',
  unlink: 'remove',
  rename: 'replace',
  scandir: 'list the folder',
  opendir: 'list the folder',
  stat: 'read',
  lstat: 'read',
  copyfile: 'copy',
  utime: 'touch',
  realpath: 'resolve',
  access: 'access',
};

interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** A Node system error whose code is one an operator can act on (not a bug). */
export function isOperatorError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as SystemError).code === 'string' && (error as SystemError).code in CAUSES;
}

/**
 * Text from a path or a source that may hold control characters, printable:
 * every character the Unicode policy refuses (C0/C1 controls, bidi and
 * zero-width characters …) as a `\u{…}` escape, so a message never moves the
 * cursor, recolours or retitles the terminal.
 */
export const printable = (text: string): string => escapeForDisplay(text);

/** One line for a system error: what could not be done to which path, and why. */
export function describeSystemError(error: SystemError, show: (p: string) => string = (p) => p): string {
  const cause = CAUSES[error.code] ?? error.code;
  const action = (error.syscall && ACTIONS[error.syscall]) || 'use';
  if (error.path && error.dest) return `cannot ${action} ${printable(show(error.dest))} (from ${printable(show(error.path))}): ${cause} (${error.code})`;
  if (error.path) return `cannot ${action} ${printable(show(error.path))}: ${cause} (${error.code})`;
  return `${printable(error.message)}: ${cause} (${error.code})`;
}

export interface FailureOptions {
  /** Print the stack trace too. */
  debug?: boolean;
  /** Paths in messages are shown relative to this folder when inside it. */
  cwd?: string;
}

/**
 * Exit status and text to print for anything thrown by a command: a
 * CliError's message, a system error as one line with the path and the
 * cause (exit 2), anything else as an internal error. Without `debug`, no
 * stack trace.
 */
export function describeFailure(error: unknown, opts: FailureOptions = {}): { exitCode: number; message: string } {
  const stack = (e: unknown): string => (opts.debug && e instanceof Error && e.stack ? `\n${e.stack}` : '');
  const show = (p: string): string => {
    if (!opts.cwd || !p.startsWith('/')) return p;
    const rel = p.startsWith(`${opts.cwd}/`) ? p.slice(opts.cwd.length + 1) : p === opts.cwd ? '.' : null;
    return rel ?? p;
  };
  if (error instanceof CliError) {
    const cause = error.cause !== undefined && opts.debug ? stack(error.cause) : '';
    return { exitCode: error.exitCode, message: `${error.message}${stack(error)}${cause}` };
  }
  if (isOperatorError(error)) return { exitCode: EXIT.operator, message: `${describeSystemError(error, show)}${stack(error)}` };
  const text = error instanceof Error ? error.message : String(error);
  const hint = opts.debug ? '' : ' (run with --debug for the stack trace)';
  return { exitCode: EXIT.internal, message: `internal error: ${printable(text)}${hint}${stack(error)}` };
}
