import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { oneSectorDataset } from './synthetic.ts';
import { syntheticGame, uniform } from '../../test/support/strategy/testing.ts';
import { bestResponse } from './bestResponse.ts';
import { nashEquilibrium } from './nash.ts';
import { tradeTalks } from './cooperative.ts';
import { pointAt, startOf, type Game } from './game.ts';
import { latticeOf } from './optim/grid.ts';
import { clearEvaluationCache } from './evaluator.ts';

// Three regions, one sector: A and B play, C is passive.
const d = oneSectorDataset(
  ['A', 'B', 'C'],
  5,
  [
    [60, 10, 8],
    [12, 70, 9],
    [7, 9, 50],
  ],
  [
    [0, 0.05, 0.05],
    [0.05, 0, 0.05],
    [0.05, 0.05, 0],
  ],
);
const players = (extra: Record<string, unknown> = {}) => ({
  A: { objective: 'real_income', instruments: [uniform('a', 'A', extra)] },
  B: { objective: 'real_income', instruments: [uniform('b', 'B', extra)] },
});

/** Largest gain any player gets by deviating unilaterally to a value of `values`. */
async function bestDeviationGain(g: Game, x: Float64Array, values: (k: number) => number[]): Promise<number> {
  const at = await pointAt(g, x);
  let worst = -Infinity;
  for (let k = 0; k < g.players.length; k++) {
    const i = g.owned[k][0];
    const pts = values(i).map((v) => {
      const y = Float64Array.from(x);
      y[i] = v;
      return y;
    });
    const ev = await g.evaluator.evaluate(pts);
    for (const e of ev) worst = Math.max(worst, e.objectives[k] - at.objectives[k]);
  }
  return worst;
}

describe('best responses', () => {
  it('never do worse than the starting policy, from any start (property)', async () => {
    const g = syntheticGame(d, { kind: 'nash', players: players(), options: { max_evaluations: 300 } });
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1 }),
        async (a, b, k) => {
          const br = await bestResponse(g, k, Float64Array.of(a, b));
          expect(br.after).toBeGreaterThanOrEqual(br.before);
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  });
});

describe('trade-war (Nash) equilibrium', () => {
  it('on a grid is an exact fixed point: no player gains more than 1e-6 by deviating on the grid', async () => {
    const step = 0.01;
    const g = syntheticGame(d, {
      kind: 'nash',
      players: players(),
      options: { method: 'grid', grid_step: step, tolerance: 1e-12 },
    });
    const war = await nashEquilibrium(g, startOf(g));
    expect(war.converged).toBe(true);
    expect(war.change).toBe(0);
    const gain = await bestDeviationGain(g, war.x, (i) => latticeOf(g.instruments[i].lo, g.instruments[i].hi, step));
    expect(gain).toBeLessThanOrEqual(1e-6);
  });

  it('with continuous best responses is a fixed point on a fine grid around it, and reports its path', async () => {
    const g = syntheticGame(d, { kind: 'nash', players: players(), options: { tolerance: 1e-7 } });
    const war = await nashEquilibrium(g, startOf(g));
    expect(war.converged).toBe(true);
    expect(war.path[0].round).toBe(0);
    expect(war.path.at(-1)!.change).toBeLessThan(1e-7);
    const fine = (i: number) => Array.from({ length: 41 }, (_, m) => war.x[i] + (m - 20) * 5e-4).filter((v) => v >= 0);
    expect(await bestDeviationGain(g, war.x, fine)).toBeLessThanOrEqual(1e-6);
    // Both governments are worse off in the war than at the baseline's 5% tariffs (a prisoner's dilemma).
    expect(war.objectives[0]).toBeLessThan(0);
    expect(war.objectives[1]).toBeLessThan(0);
  });

  it('reports non-convergence instead of hiding it', async () => {
    const g = syntheticGame(d, { kind: 'nash', players: players(), options: { max_rounds: 1, tolerance: 1e-9 } });
    const war = await nashEquilibrium(g, startOf(g));
    expect(war.converged).toBe(false);
    expect(war.message).toMatch(/no convergence in 1 rounds/);
  });
});

describe('trade talks', () => {
  it('find agreements both prefer to the war: equal gains, the Nash product maximum, an efficient frontier', async () => {
    const g = syntheticGame(d, { kind: 'cooperative', players: players(), options: { frontier: 3 } });
    const war = await nashEquilibrium(g, startOf(g));
    const t = await tradeTalks(g, war);
    const eg = t.equalGains.gains,
      nb = t.nashBargaining.gains;
    expect(Math.min(...eg)).toBeGreaterThan(0);
    expect(Math.abs(eg[0] - eg[1])).toBeLessThan(2e-3);
    expect(Math.min(...nb)).toBeGreaterThan(0);
    const product = (x: Float64Array) => x[0] * x[1];
    expect(product(nb)).toBeGreaterThanOrEqual(product(eg) - 1e-9);
    expect(t.frontier.length).toBeGreaterThan(0);
    for (const f of t.frontier) {
      expect(Math.min(...f.gains)).toBeGreaterThan(0);
      // no sampled agreement is dominated by the Nash bargaining one
      expect(f.gains[0] > nb[0] - 1e-9 || f.gains[1] > nb[1] - 1e-9).toBe(true);
    }
  });
});

describe('evaluation', () => {
  it("gives the same equilibrium on a worker pool and inline, bit for bit (warm starts from each round's anchor, not from whichever solve finished first), and answers repeats from the cache", async () => {
    clearEvaluationCache();
    const inline = syntheticGame(d, { kind: 'nash', players: players(), options: { workers: 0 } });
    const a = await nashEquilibrium(inline, startOf(inline));
    const solves = inline.evaluator.stats.solves;
    expect(inline.evaluator.stats.warmStarts).toBe(solves - 1);
    const again = syntheticGame(d, { kind: 'nash', players: players(), options: { workers: 0 } });
    await nashEquilibrium(again, startOf(again));
    expect(again.evaluator.stats.solves).toBe(0);
    clearEvaluationCache();
    const pooled = syntheticGame(d, { kind: 'nash', players: players(), options: { workers: 2 } });
    try {
      const b = await nashEquilibrium(pooled, startOf(pooled));
      expect(pooled.evaluator.stats.solves).toBeGreaterThan(0);
      expect(b.x).toEqual(a.x);
      expect(b.objectives).toEqual(a.objectives);
      expect(b.path).toEqual(a.path);
    } finally {
      await pooled.evaluator.close();
    }
  });

  it('gives the same trade talks on a worker pool and inline, bit for bit (the searches warm-start within one scope, not from whichever solve finished first)', async () => {
    const talksOn = async (workers: number) => {
      clearEvaluationCache();
      const g = syntheticGame(d, { kind: 'cooperative', players: players(), options: { workers, frontier: 2 } });
      try {
        const war = await nashEquilibrium(g, startOf(g));
        const t = await tradeTalks(g, war);
        return {
          war: [war.x, war.objectives],
          solves: g.evaluator.stats.solves,
          agreements: [t.equalGains, t.nashBargaining, ...t.frontier].map((a) => ({
            x: a.x,
            objectives: a.objectives,
            gains: a.gains,
            evaluations: a.evaluations,
            message: a.message,
          })),
        };
      } finally {
        await g.evaluator.close();
      }
    };
    const inline = await talksOn(0);
    const pooled = await talksOn(2);
    expect(pooled.solves).toBeGreaterThan(0);
    expect(pooled.agreements.length).toBe(4);
    expect(pooled).toEqual(inline);
  });
});
