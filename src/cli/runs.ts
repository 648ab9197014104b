/**
 * `lancaster runs prune [--older-than 30d] [--keep N] [--db PATH|URL]`: deletes finished runs
 * (done, failed, cancelled) of the run store by age and/or count; queued and running runs stay.
 */
import type { Command } from '@commander-js/extra-typings';
import { InputError, out } from './errors.ts';
import * as msg from '../spec/messages/cli.ts';

/**
 * Adds `runs prune` to the CLI program.
 *
 * @example
 * ```ts
 * registerRunsCommand(program); // lancaster runs prune --older-than 30d --keep 1000
 * ```
 */
export function registerRunsCommand(program: Command): void {
  const runs = program.command('runs').description('Manage stored runs');
  runs
    .command('prune')
    .description('Delete finished runs older than an age and/or beyond the newest N (queued and running runs stay)')
    .option('--older-than <age>', 'age like 30d, 12h or 90m')
    .option('--keep <n>', 'finished runs to keep, newest first')
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $LANCASTER_DATABASE_URL or runs.db in the data directory)',
    )
    .action(async (opts) => {
      const { parseAge, pruneRuns } = await import('../store/prune.ts');
      const { openRunStore } = await import('../store/open.ts');
      let days: number | undefined, count: number | undefined;
      try {
        days = opts.olderThan === undefined ? undefined : parseAge(opts.olderThan);
        if (opts.keep !== undefined) {
          count = Number(opts.keep);
          if (!Number.isInteger(count) || count < 0) throw new RangeError(msg.keepWholeNumber(opts.keep));
        }
        if (days === undefined && count === undefined) throw new RangeError(msg.pruneNeedsALimit());
      } catch (e) {
        throw new InputError((e as Error).message);
      }
      const store = await openRunStore({ db: opts.db });
      try {
        const n = await pruneRuns(store, { days, count });
        out(`pruned ${n} finished run${n === 1 ? '' : 's'}`);
      } finally {
        await store.close();
      }
    });
}
