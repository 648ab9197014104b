/** `lancaster validate FILE`: checks a scenario against the schema and its dataset, without solving. */
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
      const { checkScenario } = await import('../scenario/solve.ts');
      const parsed = readScenarioFile(file);
      const { dataset } = checkScenario(parsed);
      out(`${file}: valid (${parsed.scenario.model} on ${dataset.manifest.id})`);
    });
}
