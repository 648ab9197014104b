/**
 * `lancaster worker --redis URL [--concurrency N]`: runs queued jobs (sweep draws, API runs) on
 * this machine until SIGINT/SIGTERM, which let running jobs finish first (docs/scale.md).
 */
import type { Command } from '@commander-js/extra-typings';
import { positiveInt } from './executor.ts';
import * as msg from '../spec/messages/cli.ts';

export function registerWorkerCommand(program: Command) {
  program
    .command('worker')
    .description('Run queued jobs from Redis (BullMQ) on worker threads of this machine')
    .option('--redis <url>', 'Redis URL (default $LANCASTER_REDIS_URL)')
    .option('--concurrency <n>', 'jobs at once, one worker thread each', positiveInt, 1)
    .option('--queue <name>', 'queue base name (the code hash is appended)', 'lancaster')
    .option('--preload <ids>', 'comma-separated datasets each thread loads at start', 'multisector-2025')
    .option('--lock-ms <ms>', 'job lock: how soon the jobs of a killed worker move to another one', positiveInt, 30_000)
    .action(async (opts) => {
      const url = opts.redis ?? process.env.LANCASTER_REDIS_URL;
      if (!url) {
        process.stderr.write(`${msg.workerNeedsRedis()}\n`);
        process.exitCode = 2;
        return;
      }
      const { startQueueWorker } = await import('../exec/queue-worker.ts');
      const w = await startQueueWorker({
        url,
        concurrency: opts.concurrency,
        queue: opts.queue,
        preload: opts.preload.split(',').filter(Boolean),
        lockMs: opts.lockMs,
      });
      process.stdout.write(`${w.id} ${w.queue}\n`);
      await new Promise<void>((resolve) => {
        const stop = (sig: string) => {
          process.stderr.write(`${msg.workerStopping(sig)}\n`);
          w.close().then(resolve, resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
