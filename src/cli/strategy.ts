/**
 * `lancaster strategy FILE [--json]`: solves a scenario's `strategy:` section (best response,
 * trade-war equilibrium or trade talks). Data on stdout, status on stderr. Exit codes: 0 ok,
 * 1 not converged (process.exitCode), 2 validation errors (ScenarioError with line:col, thrown
 * to main's handler).
 */
import type { Command } from '@commander-js/extra-typings';
import * as msg from '../spec/messages/scenario.ts';
import * as cliMsg from '../spec/messages/cli.ts';

function out(s: string) {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

/**
 * Adds the `strategy` command to `program`.
 *
 * @example
 * const program = new Command('lancaster');
 * registerStrategyCommand(program);
 * await program.parseAsync(['strategy', 'scenarios/strategy/us-optimal-uniform.yaml', '--json'], { from: 'user' });
 */
export function registerStrategyCommand(program: Command): void {
  program
    .command('strategy')
    .description(
      'Solve the strategy section of a scenario: best responses, trade-war (Nash) equilibrium, or trade talks',
    )
    .argument('<file>', 'scenario file (YAML or JSON) with a strategy section')
    .option(
      '--json',
      'print the machine-readable result: the solve contract plus policy, objectives, converged and solve counts',
    )
    .option('--workers <n>', 'worker threads (overrides strategy.options.workers)')
    .action(async (file, opts) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { ScenarioError } = await import('../spec/errors.ts');
      const { prepareStrategy } = await import('../strategy/check.ts');
      const { runStrategy, strategyResult } = await import('../strategy/run.ts');
      const { provenanceOf } = await import('../scenario/provenance.ts');
      const { formatStrategy } = await import('../strategy/format.ts');
      const parsed = readScenarioFile(file);
      const prepared = prepareStrategy(parsed);
      if (opts.workers !== undefined) {
        const n = Number(opts.workers);
        if (!Number.isInteger(n) || n < 0 || n > 64)
          throw new ScenarioError(file, [{ path: ['--workers'], message: msg.integerBetween(64, opts.workers) }]);
        prepared.strategy.options.workers = n;
      }
      process.stderr.write(
        `${parsed.scenario.name}: ${prepared.strategy.kind} on ` +
          `${parsed.scenario.model}/${prepared.dataset.manifest.id} with ` +
          `${prepared.spec.instruments.length} instruments…\n`,
      );
      const o = await runStrategy(prepared.spec, prepared.strategy);
      const status = o.converged && o.result.status === 'converged' ? 'converged' : 'not-converged';
      if (opts.json) out(JSON.stringify(strategyResult(o, provenanceOf(prepared.dataset, parsed.scenario)), null, 2));
      else {
        out(parsed.scenario.name);
        const owners = Object.fromEntries(prepared.spec.instruments.map((r) => [r.id, r.player]));
        const kinds = Object.fromEntries(prepared.spec.instruments.map((r) => [r.id, r.kind]));
        out(formatStrategy(o, owners, kinds));
      }
      process.stderr.write(`${o.kind}: ${status}: ${o.message}\n`);
      if (status !== 'converged') {
        process.stderr.write(`${cliMsg.strategyNoAnswers()}\n`);
        process.exitCode = 1;
      }
    });
}
