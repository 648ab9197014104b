/**
 * `lancaster fit [SCENARIO]`: estimates the within-a-year trade elasticity level from China's
 * observed monthly exports to the US in the first half of 2025 (src/scenario/fit.ts), then predicts
 * the second half and prints the out-of-sample error beside the unfitted model (Boehm, Levchenko &
 * Pandalai-Nayar's ratio). Fitted and predicted months are marked.
 */
import type { Command } from '@commander-js/extra-typings';
import { scenarioPath } from './run.ts';
import * as msg from '../spec/messages/cli.ts';

export function registerFitCommand(program: Command) {
  program
    .command('fit')
    .description(
      'Fit the within-a-year trade elasticity on observed H1 2025 China→US ' +
        'exports and predict H2 (marked fitted / predicted)',
    )
    .argument('[scenario]', 'scenario with a timeline that reports CHN->USA in report.trade', 'us-china-2025')
    .option('--through <month>', 'last month used for the fit (YYYY-MM); later months are predicted', '2025-06')
    .option('--json', 'print the fit as JSON')
    .action(async (arg, opts) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { checkScenario } = await import('../scenario/solve.ts');
      const { runTimeline } = await import('../scenario/runTimeline.ts');
      const { fitWithinYear } = await import('../scenario/fit.ts');
      const parsed = readScenarioFile(scenarioPath(arg));
      const { dataset } = checkScenario(parsed);
      if (!/^\d{4}-\d{2}$/.test(opts.through)) {
        process.stderr.write(`${msg.fitThroughMonth(opts.through)}\n`);
        process.exitCode = 2;
        return;
      }
      const run = runTimeline(parsed);
      if (run.status !== 'converged') {
        process.stderr.write(`${msg.stepNotConvergedNoFit()}\n`);
        process.exitCode = 1;
        return;
      }
      const fit = fitWithinYear(run, dataset, opts.through);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(fit, null, 2)}\n`);
        return;
      }
      const { formatFit } = await import('../report/text.ts');
      process.stdout.write(`${formatFit(fit)}\n`);
    });
}
