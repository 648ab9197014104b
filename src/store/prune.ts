/**
 * Retention of stored runs: `lancaster runs prune --older-than 30d --keep 1000` and the server's
 * --retain-days / --retain-count. Only finished runs (done, failed, cancelled) are ever removed.
 */
import type { RunStore } from './types.ts';
import * as msg from '../spec/messages/run.ts';

/** Retention rule: age in days and/or a count of newest finished runs to keep. */
export interface Retention {
  days?: number;
  count?: number;
}

/**
 * Applies a retention rule; returns how many runs were deleted.
 *
 * @example
 * ```ts
 * await pruneRuns(store, { days: 30, count: 1000 }); // e.g. 12
 * ```
 */
export async function pruneRuns(store: RunStore, r: Retention, now = Date.now()): Promise<number> {
  if (r.days === undefined && r.count === undefined) return 0;
  return store.prune({
    ...(r.days !== undefined ? { before: new Date(now - r.days * 86_400_000).toISOString() } : {}),
    ...(r.count !== undefined ? { keep: r.count } : {}),
  });
}

/** Parses an age like 30d, 12h or 90m into days; throws RangeError naming what it found. */
export function parseAge(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([dhm])$/.exec(v.trim());
  if (!m) throw new RangeError(msg.badAge(v));
  const n = Number(m[1]);
  return m[2] === 'd' ? n : m[2] === 'h' ? n / 24 : n / 1440;
}
