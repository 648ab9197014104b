/** `lancaster validate FILE`: checks a scenario against the schema and its dataset, as the run kind it is, without solving. */
import type { Command } from '@commander-js/extra-typings';
import { out } from './errors.ts';

/**
 * Adds `validate` to the CLI program.
 *
 * @example
 * ```ts
 * registerValidateCommand(program); // lancaster validate scenarios/nafta-cp2015.yaml
 * ```
 */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Check a scenario file against the schema and its dataset without solving')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .action(async (file) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { scenarioKind } = await import('../scenario/kind.ts');
      const parsed = readScenarioFile(file);
      // A negotiation or strategy file is checked as `lancaster negotiate` / `strategy` check it
      // (its trade domain or instruments against the dataset), as the API's validate route does.
      const kind = scenarioKind((await import('node:fs')).readFileSync(file, 'utf8'));
      const dataset =
        kind === 'negotiation'
          ? (await import('../negotiate/trade/run.ts')).setupTradeNegotiation(parsed).dataset
          : kind === 'strategy'
            ? (await import('../strategy/check.ts')).prepareStrategy(parsed).dataset
            : (await import('../scenario/solve.ts')).checkScenario(parsed).dataset;
      out(`${file}: valid (${parsed.scenario.model} on ${dataset.manifest.id})`);
    });
}
