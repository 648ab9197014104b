/** Helpers for the strategy tests: games on in-memory datasets. */
import type { Dataset } from '../../../src/data/dataset.ts';
import { NO_CONTROLS } from '../../../src/policy/controls.ts';
import type { Scenario } from '../../../src/spec/scenario.ts';
import { makeGame, strategySpec, type Game } from '../../../src/strategy/game.ts';
import { StrategySchema } from '../../../src/spec/strategy.ts';

/** The game of a `strategy:` section (raw, as in a file) on dataset `d` with the multisector model. */
export function syntheticGame(d: Dataset, strategy: unknown): Game {
  const s = StrategySchema.parse(strategy);
  const scenario = { lancaster: 1, name: 'test', model: 'multisector', options: {}, policy: {} } as Scenario;
  const spec = strategySpec(
    d,
    d,
    scenario,
    { tau: Float64Array.from(d.tariff, (t) => 1 + t), controls: NO_CONTROLS, capacity: undefined },
    s,
  );
  return makeGame(spec, s.options);
}

/** A uniform-tariff instrument of `importer` on everyone else. */
export function uniform(id: string, importer: string, extra: Record<string, unknown> = {}) {
  return { id, tariff: { importer, exporter: '*' }, min: 0, max: 1, ...extra };
}
