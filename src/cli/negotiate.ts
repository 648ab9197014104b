/**
 * `lancaster negotiate FILE [--json]`: runs a scenario's `negotiation:` section on its trade
 * domain: maps every deal with the equilibrium model, analyses the frontier and ratification with
 * and without linkage, runs the agent pairings, and solves the final deal's economic effects.
 * Data on stdout, progress on stderr. Exit codes: 0 ok, 1 a solve failed, 2 validation errors.
 */
import type { Command } from '@commander-js/extra-typings';
import * as msg from '../spec/messages/scenario.ts';
import * as cliMsg from '../spec/messages/cli.ts';

function out(s: string) {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

/**
 * Adds the `negotiate` command to `program`.
 *
 * @example
 * registerNegotiateCommand(program);
 * await program.parseAsync(['negotiate', 'scenarios/negotiation/london-2025.yaml', '--json'], { from: 'user' });
 */
export function registerNegotiateCommand(program: Command): void {
  program
    .command('negotiate')
    .description(
      'Run the negotiation section of a scenario: trade domain from the model, frontier, ' +
        "ratification with and without linkage, agent sessions, the deal's effects",
    )
    .argument('<file>', 'scenario file (YAML or JSON) with a negotiation section and a trade domain')
    .option('--json', 'print the machine-readable result (session logs included)')
    .option('--workers <n>', 'worker threads for mapping the deals (overrides negotiation.domain.workers)')
    .action(async (file, opts) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { ScenarioError } = await import('../spec/errors.ts');
      const { runTradeNegotiation } = await import('../negotiate/trade/run.ts');
      const { formatTradeNegotiation } = await import('../negotiate/trade/format.ts');
      let workers: number | undefined;
      if (opts.workers !== undefined) {
        workers = Number(opts.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64)
          throw new ScenarioError(file, [{ path: ['--workers'], message: msg.integerBetween(64, opts.workers) }]);
      }
      const parsed = readScenarioFile(file);
      const tty = process.stderr.isTTY && !process.env.NO_COLOR;
      let last = -1;
      let r;
      try {
        r = await runTradeNegotiation(parsed, {
          workers,
          onProgress: (f, m) => {
            const step = Math.floor(f * 10);
            if (tty) process.stderr.write(`\r${(100 * f).toFixed(0).padStart(3)}% ${m}\x1b[K`);
            else if (step !== last) process.stderr.write(`${(100 * f).toFixed(0)}% ${m}\n`);
            last = step;
          },
        });
      } catch (e) {
        if (e instanceof RangeError && /converge/.test(e.message)) {
          process.stderr.write(`\n${cliMsg.negotiationNoAnswers(e.message)}\n`);
          process.exitCode = 1;
          return;
        }
        throw e;
      }
      if (tty) process.stderr.write('\n');
      out(opts.json ? JSON.stringify(r, null, 2) : formatTradeNegotiation(r));
      process.stderr.write(`negotiation: ${r.evaluation.solves} solves, ${r.seconds.toFixed(1)} s\n`);
    });
}
