/**
 * Picks and opens the run store: PostgreSQL when a postgres:// URL is given (or
 * LANCASTER_DATABASE_URL is set), otherwise SQLite at `runs.db` in the user's data directory.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RunStore } from './types.ts';

/** $LANCASTER_DATA_DIR, else $XDG_DATA_HOME/lancaster, else ~/.local/share/lancaster. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LANCASTER_DATA_DIR) return env.LANCASTER_DATA_DIR;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'lancaster');
  return join(homedir(), '.local', 'share', 'lancaster');
}

/** Where the default SQLite store lives. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'runs.db');
}

/** Options of {@link openRunStore}. */
export interface OpenStoreOptions {
  /** SQLite file, or a postgres:// connection string. */
  db?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the configured run store.
 *
 * @example
 * ```ts
 * const store = await openRunStore({ db: '/tmp/runs.db' });
 * ```
 */
export async function openRunStore(opts: OpenStoreOptions = {}): Promise<RunStore> {
  const env = opts.env ?? process.env;
  const target = opts.db ?? env.LANCASTER_DATABASE_URL ?? defaultDbPath(env);
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { PgRunStore } = await import('./postgres.ts');
    return PgRunStore.open(target);
  }
  const { SqliteRunStore } = await import('./sqlite.ts');
  return new SqliteRunStore(target);
}
