import { describe, it, expect } from 'vitest';
import { optimalTariffEconomy } from './synthetic.ts';
import { syntheticGame } from '../../test/support/strategy/testing.ts';
import { bestResponse } from './bestResponse.ts';
import { startOf } from './game.ts';

// Two countries, one sector, value-added share 1: t* = 1/(θ λ_FF) (derivation in synthetic.ts).
describe('optimal tariff of a two-country Armington/EK economy', () => {
  const cases = [
    { theta: 4, lambdaFF: 0.8 }, // t* = 0.3125
    { theta: 8, lambdaFF: 0.5 }, // t* = 0.25
    { theta: 2.5, lambdaFF: 0.95 }, // t* ≈ 0.421
  ];
  for (const { theta, lambdaFF } of cases) {
    for (const method of ['auto', 'quasi-newton', 'nelder-mead'] as const) {
      it(`matches t* = 1/(θ λ_FF) to 1e-4 (θ = ${theta}, λ_FF = ${lambdaFF}, ${method}, started from 0)`, async () => {
        const { dataset, tStar } = optimalTariffEconomy(theta, lambdaFF);
        const g = syntheticGame(dataset, {
          kind: 'best-response',
          players: {
            H: {
              objective: 'real_income',
              instruments: [{ id: 't', tariff: { importer: 'H', exporter: 'F' }, min: 0, max: 2, start: 0 }],
            },
          },
          options: { method },
        });
        const br = await bestResponse(g, 0, startOf(g));
        expect(br.converged).toBe(true);
        expect(Math.abs(br.x[0] - tStar)).toBeLessThan(1e-4);
        // The baseline is the optimum: real income there is the baseline's (0%), and every tariff does worse.
        expect(br.after).toBeCloseTo(0, 9);
        expect(br.before).toBeLessThan(0);
      });
    }
  }
});
