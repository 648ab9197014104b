/**
 * `lancaster gravity FILE [--json]`: PPML with fixed effects, the GE counterfactual and the pairs
 * bootstrap of a gravity scenario. Data on stdout, progress on stderr. Exit codes: 0 ok,
 * 1 not converged, 2 validation errors (ScenarioError with file:line:col, thrown to main).
 */
import type { Command } from '@commander-js/extra-typings';
import { EXIT, out } from './errors.ts';
import * as msg from '../spec/messages/scenario.ts';
import * as cliMsg from '../spec/messages/cli.ts';

/**
 * Adds the `gravity` command to `program`.
 *
 * @example
 * registerGravityCommand(program);
 * await program.parseAsync(['gravity', 'scenarios/gravity/usitc-sample.yaml', '--json'], { from: 'user' });
 */
export function registerGravityCommand(program: Command): void {
  program
    .command('gravity')
    .description(
      'Estimate a structural gravity model (PPML with fixed effects), solve its GE counterfactual and bootstrap both',
    )
    .argument('<file>', 'gravity scenario file (YAML or JSON, kind: gravity)')
    .option('--json', 'print the machine-readable result (estimates, ge, bands)')
    .option('--workers <n>', 'worker threads for the bootstrap (0 runs it in this thread)', '0')
    .option('--replications <n>', 'override bootstrap.replications (0 skips the bootstrap)')
    .action(async (file, opts) => {
      const { loadGravityFile } = await import('../scenario/gravity/parse.ts');
      const { readScenarioText } = await import('../scenario/parse.ts');
      const { scenarioDirOf } = await import('../scenario/gravity/data.ts');
      const { ScenarioError } = await import('../spec/errors.ts');
      const { runGravity } = await import('../scenario/gravity/run.ts');
      const { gravityText } = await import('../report/gravity.ts');
      const int = (v: string, flag: string, max: number) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > max)
          throw new ScenarioError(file, [{ path: [flag], message: msg.integerBetween(max, v) }]);
        return n;
      };
      const workers = int(opts.workers, '--workers', 64);
      const p = loadGravityFile(file);
      if (opts.replications !== undefined) {
        const n = int(opts.replications, '--replications', 100_000);
        if (n === 0) delete p.scenario.bootstrap;
        else p.scenario.bootstrap = { seed: 1, level: 0.95, chunks: 8, ...p.scenario.bootstrap, replications: n };
      }
      process.stderr.write(`${cliMsg.ppmlStarting(p.scenario.name, p.problem.y.length, p.problem.factors.length)}\n`);
      const r = runGravity(p);
      process.stderr.write(
        `PPML ${r.status} in ${r.iterations} iterations (${(r.estimation.seconds * 1000).toFixed(0)} ` +
          `ms)${r.ge ? `; GE ${r.ge.status} in ${r.ge.iterations} iterations` : ''}\n`,
      );
      if (p.scenario.bootstrap && r.converged) {
        const { bootstrapGravity } = await import('../exec/gravityBootstrap.ts');
        const { InlineExecutor } = await import('../exec/inline.ts');
        const { PoolExecutor } = await import('../exec/pool.ts');
        const ex = workers > 0 ? new PoolExecutor({ threads: workers }) : new InlineExecutor();
        const t0 = performance.now();
        try {
          r.bands = await bootstrapGravity(ex, p, readScenarioText(file), file, {
            scenarioDir: scenarioDirOf(file),
            progress: (q) => process.stderr.write(`${q.message}\n`),
          });
        } finally {
          await ex.close();
        }
        process.stderr.write(`bootstrap: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      }
      out(opts.json ? JSON.stringify(r, null, 2) : gravityText(r, p.scenario.report?.countries));
      if (!r.converged) {
        process.stderr.write(`${cliMsg.gravityNoAnswers(r.message)}\n`);
        process.exitCode = EXIT.failure;
      }
    });
}
