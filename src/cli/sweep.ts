/**
 * `lancaster sweep FILE`: seeded Monte Carlo over the priors of src/sweep/priors.ts and a grid over
 * any scenario field, on worker threads or (with --redis / LANCASTER_REDIS_URL) on the BullMQ queue.
 * Prints bands (percentiles 5/50/95) beside every measure; --json prints the SweepResult, --out
 * writes sweep.json and sweep.html (fan charts, intervals) atomically. Exit 1 when any draw failed
 * or did not converge (they are listed), 2 for a bad sweep file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from '@commander-js/extra-typings';
import { cliExecutor, positiveInt } from './executor.ts';
import * as msg from '../spec/messages/reasons.ts';

function writeAtomic(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const seedInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) throw new InvalidArgumentError(msg.wholeNumberUpTo(v));
  return n;
};

export function registerSweepCommand(program: Command) {
  program
    .command('sweep')
    .description('Monte Carlo over elasticity priors and a grid over scenario fields, with 5/50/95% bands')
    .argument('<file>', 'sweep file (YAML or JSON): scenario, draws, seed, priors, set, grid (docs/scale.md)')
    .option('--json', 'print the sweep result as JSON (values with a parallel bands object)')
    .option('--out <dir>', 'also write sweep.json and sweep.html to this folder')
    .option('--draws <n>', 'number of draws (overrides the file)', positiveInt)
    .option('--seed <n>', 'seed (overrides the file)', seedInt)
    .option(
      '--redis <url>',
      'submit the draws to the BullMQ queue on this Redis (default $LANCASTER_REDIS_URL); threads otherwise',
    )
    .option('--queue <name>', 'queue base name (the code hash is appended)', 'lancaster')
    .option('--threads <n>', 'worker threads without Redis (default: all cores)', positiveInt)
    .action(async (file, opts) => {
      const { readSweepFile } = await import('../sweep/plan.ts');
      const { runSweep } = await import('../sweep/run.ts');
      const { progressReporter } = await import('./progress.ts');
      const plan = readSweepFile(file, { draws: opts.draws, seed: opts.seed });
      const log = (s: string) => process.stderr.write(`${s}\n`);
      const { executor, name } = await cliExecutor(opts, log);
      log(`lancaster sweep: ${plan.points.length} grid point(s) × (1 central + ${plan.spec.draws} draws) on ${name}`);
      const bar = progressReporter('runs');
      let result;
      try {
        result = await runSweep(plan, executor, { executorName: name, onProgress: (d, t, f) => bar.update(d, t, f) });
      } finally {
        bar.stop();
        await executor.close();
      }
      const files: string[] = [];
      if (opts.out) {
        const { sweepHtml } = await import('../report/sweep-html.ts');
        mkdirSync(opts.out, { recursive: true });
        files.push(join(opts.out, 'sweep.json'), join(opts.out, 'sweep.html'));
        writeAtomic(files[0], `${JSON.stringify(result, null, 2)}\n`);
        writeAtomic(files[1], sweepHtml(result));
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const { sweepText } = await import('../report/sweep-text.ts');
        process.stdout.write(`${sweepText(result, files)}\n`);
      }
      if (result.status !== 'complete') {
        log('lancaster: some runs failed or did not converge (listed above); the bands leave them out');
        process.exitCode = 1;
      }
    });
}
