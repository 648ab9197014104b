import * as reasons from '../spec/messages/reasons.ts';

/** Bad user input found by a library that throws TypeError/RangeError (exit 2, not a crash). */
export class InputError extends Error {
  override name = 'InputError';
}

/** Exit codes of the CLI: 0 ok, 1 run-time failure or non-convergence, 2 usage or validation error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What human output shows instead of a table when a solve did not converge: its numbers are not answers. */
export const NO_ANSWER = reasons.noAnswer();

/** Writes one line (adding the newline) to stdout: data goes to stdout, messages to stderr. */
export function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}
