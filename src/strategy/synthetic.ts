/**
 * Small in-memory `io-table` datasets for closed-form checks: one sector, value-added share 1
 * (no input–output links), so the multi-sector model reduces to the Armington/Eaton–Kortum
 * gravity model with trade elasticity θ.
 *
 * Closed form used by the tests (two countries H, F; H levies t on imports from F, F levies
 * nothing; trade balanced; tariff revenue rebated to H's consumers). F's exports to H, in units
 * of F's good, equal F's import spending λ_FH·w_F L_F (balanced trade), and with the relative
 * price of F's good q = w_F / w_H, λ_FH = A_H q^θ / (A_H q^θ + A_F), so F's export supply
 * elasticity is
 *     ε* = d ln(λ_FH w_F L_F) / d ln q = θ (1 − λ_FH) = θ λ_FF.
 * H's real income I_H / P_H is maximised by the inverse of the foreign export supply elasticity
 * (Johnson 1953; Costinot & Rodríguez-Clare 2014, sec. 6):
 *     t* = 1 / ε* = 1 / (θ λ_FF),
 * with λ_FF F's domestic expenditure share in the equilibrium with t*. If the dataset's baseline
 * already has t* = 1/(θ λ_FF) with its own λ_FF, that baseline is H's optimum, so an optimiser
 * started anywhere must return t* (the hat algebra makes the baseline's location irrelevant).
 */
import type { Dataset } from '../data/dataset.ts';
import * as msg from '../spec/messages/strategy.ts';

/**
 * A one-sector dataset with N regions. `flows[n][i]` is the value (net of tariffs) importer n buys
 * from exporter i (diagonal: domestic sales); `tariffs[n][i]` the ad valorem rate n levies on i.
 *
 * @example
 * const d = oneSectorDataset(['H', 'F'], 4, [[50, 20], [20, 80]], [[0, 0.3125], [0, 0]]);
 */
export function oneSectorDataset(regions: string[], theta: number, flows: number[][], tariffs: number[][]): Dataset {
  const N = regions.length;
  if (
    flows.length !== N ||
    tariffs.length !== N ||
    flows.some((r) => r.length !== N) ||
    tariffs.some((r) => r.length !== N)
  ) {
    throw new TypeError(msg.syntheticShape(N, flows.length, tariffs.length));
  }
  const f = new Float64Array(N * N),
    t = new Float64Array(N * N);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      f[n * N + i] = flows[n][i];
      t[n * N + i] = n === i ? 0 : tariffs[n][i];
    }
  return {
    manifest: {
      lancaster_dataset: 1,
      id: `synthetic-${N}`,
      name: `Synthetic one-sector ${N}-region economy`,
      description: 'In-memory test economy',
      version: '0',
      base_year: 2000,
      layout: 'io-table',
      default_model: 'multisector',
      unit: 'units',
      regions: regions.map((code) => ({ code, name: code })),
      sectors: [{ code: 'g', name: 'goods', tradable: true, theta }],
      groups: {},
      region_columns: {},
      schedules: {},
      provenance: {
        sources: [{ name: 'synthetic', licence: 'none' }],
        built_by: 'src/strategy/synthetic.ts',
        built_at: '2000-01-01',
        method: 'in memory',
        assumptions: [],
        checks: [],
      },
    },
    source: 'memory',
    N,
    J: 1,
    regions,
    sectors: ['g'],
    theta: Float64Array.of(theta),
    flows: f,
    tariff: t,
    vaShare: new Float64Array(N).fill(1),
    finalShare: new Float64Array(N).fill(1),
    io: new Float64Array(N).fill(1),
    regionData: {},
    schedules: {},
  };
}

/**
 * Two countries H and F whose baseline is H's optimum: F's domestic share is `lambdaFF`, trade is
 * balanced, and H levies t* = 1/(θ λ_FF) on F. Returns the dataset and t*.
 */
export function optimalTariffEconomy(
  theta: number,
  lambdaFF: number,
  homeDomestic = 50,
): { dataset: Dataset; tStar: number } {
  const tStar = 1 / (theta * lambdaFF);
  const xFF = 100 * lambdaFF,
    xFH = 100 * (1 - lambdaFF);
  const dataset = oneSectorDataset(
    ['H', 'F'],
    theta,
    [
      [homeDomestic, xFH],
      [xFH, xFF],
    ],
    [
      [0, tStar],
      [0, 0],
    ],
  );
  return { dataset, tStar };
}
