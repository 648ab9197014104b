/**
 * `lancaster validate FILE`: checks a scenario file as the run kind it is (src/scenario/kind.ts),
 * with that kind's own checks and without running it, as POST /api/scenarios/validate does: a
 * gravity file against its data, a strategy or negotiation section against the model and dataset,
 * any other scenario (solve or timeline) against the schema and its dataset; a sweep file (with
 * its scenario and every grid point) as `lancaster sweep` reads it.
 */
import type { Command } from '@commander-js/extra-typings';
import type { ScenarioKind } from '../scenario/kind.ts';
import * as msg from '../spec/messages/cli.ts';
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
    .description(
      'Check a scenario file (of any kind: solve, timeline, strategy, negotiation, gravity) without running it',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .action(async (file) => {
      const [{ readScenarioText }, { scenarioKind }, { isSweepText }] = await Promise.all([
        import('../scenario/parse.ts'),
        import('../scenario/kind.ts'),
        import('../sweep/plan.ts'),
      ]);
      const text = readScenarioText(file);
      if (isSweepText(text)) {
        // A sweep file (`scenario` and `draws`), as the API's validate route tells it apart.
        const plan = (await import('../sweep/plan.ts')).readSweepFile(file);
        out(msg.validSweep(file, plan.scenarioFile, plan.points.length, plan.spec.draws));
        return;
      }
      const kind = scenarioKind(text);
      const { model, dataset } = await checkAs(kind, text, file);
      out(msg.valid(file, kind, model, dataset));
    });
}

/** Checks the text as `kind` (the CLI's readers: datasets by id or folder, gravity data beside the file). */
async function checkAs(kind: ScenarioKind, text: string, file: string): Promise<{ model: string; dataset: string }> {
  if (kind === 'gravity') {
    const [{ loadGravity }, { scenarioDirOf }] = await Promise.all([
      import('../scenario/gravity/parse.ts'),
      import('../scenario/gravity/data.ts'),
    ]);
    return { model: 'gravity', dataset: loadGravity(text, file, scenarioDirOf(file)).data.file };
  }
  const { parseScenarioText } = await import('../scenario/parse.ts');
  const parsed = parseScenarioText(text, file);
  const model = parsed.scenario.model;
  if (kind === 'strategy') {
    const { prepareStrategy } = await import('../strategy/check.ts');
    return { model, dataset: prepareStrategy(parsed).dataset.manifest.id };
  }
  if (kind === 'negotiation') {
    const { setupTradeNegotiation } = await import('../negotiate/trade/run.ts');
    return { model, dataset: setupTradeNegotiation(parsed).dataset.manifest.id };
  }
  const { checkScenario } = await import('../scenario/solve.ts');
  return { model, dataset: checkScenario(parsed).dataset.manifest.id };
}
