import { describe, it, expect } from 'vitest';
import type { Dataset } from '../data/dataset.ts';
import { NO_CONTROLS } from '../policy/controls.ts';
import type { PolicyError } from '../policy/errors.ts';
import type { Scenario } from '../spec/scenario.ts';
import { expandAllPartners } from './allPartners.ts';
import { clearEvaluationCache } from './evaluator.ts';
import { makeGame, pointAt, strategySpec, type Game } from './game.ts';
import { nashEquilibrium } from './nash.ts';
import { latticeOf } from './optim/grid.ts';
import { StrategySchema } from '../spec/strategy.ts';
import { oneSectorDataset } from './synthetic.ts';

/** Four regions (C and D form the union U), two sectors with different θ, no input–output links. */
function fourRegions(): Dataset {
  const base = oneSectorDataset(
    ['A', 'B', 'C', 'D'],
    4,
    [
      [60, 9, 7, 6],
      [10, 70, 8, 5],
      [6, 8, 50, 12],
      [5, 6, 11, 40],
    ],
    [
      [0, 0.05, 0.04, 0.04],
      [0.05, 0, 0.05, 0.05],
      [0.03, 0.03, 0, 0],
      [0.03, 0.03, 0, 0],
    ],
  );
  const N = 4,
    J = 2;
  const flows = new Float64Array(N * N * J),
    tariff = new Float64Array(N * N * J);
  for (let q = 0; q < N * N; q++) {
    flows[q * J] = base.flows[q];
    flows[q * J + 1] = base.flows[q] * (q % 3 === 0 ? 0.5 : 0.8);
    tariff[q * J] = base.tariff[q];
    tariff[q * J + 1] = base.tariff[q] * 1.5;
  }
  return {
    ...base,
    manifest: {
      ...base.manifest,
      id: 'synthetic-4x2',
      groups: { U: ['C', 'D'] },
      sector_groups: { goods: ['g', 'h'] },
      sectors: [
        { code: 'g', name: 'goods g', tradable: true, theta: 4 },
        { code: 'h', name: 'goods h', tradable: true, theta: 8 },
      ],
    },
    J,
    sectors: ['g', 'h'],
    theta: Float64Array.of(4, 8),
    flows,
    tariff,
    vaShare: new Float64Array(N * J).fill(1),
    finalShare: new Float64Array(N * J).fill(0.5),
    io: new Float64Array(N * J * J).fill(0.5),
  };
}

const d = fourRegions();
const parse = (allPartners: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  StrategySchema.parse({ kind: 'nash', all_partners: allPartners, ...extra });

function gameOf(s: ReturnType<typeof parse>): Game {
  const e = expandAllPartners(d, s);
  const scenario = { lancaster: 1, name: 'test', model: 'multisector', options: {}, policy: {} } as Scenario;
  return makeGame(
    strategySpec(
      d,
      d,
      scenario,
      { tau: Float64Array.from(d.tariff, (t) => 1 + t), controls: NO_CONTROLS, capacity: undefined },
      e,
    ),
    e.options,
  );
}

describe('the all-partner game (Ossa 2014 setting)', () => {
  it('gives every region, and a union as one player, one tariff per sector on all partners', () => {
    const s = expandAllPartners(d, parse({ unions: ['U'], sectors: ['goods'] }));
    expect(Object.keys(s.players)).toEqual(['A', 'B', 'U']);
    expect(s.players.U.instruments.map((i) => i.id)).toEqual(['U.g', 'U.h']);
    expect(s.players.A.instruments[1].tariff).toEqual({ importer: 'A', exporter: '*', sectors: ['h'] });
  });

  it("covers each importer's whole cross-border imports of a sector exactly once (a union's internal trade stays free of it)", () => {
    const g = gameOf(parse({ unions: ['U'], sectors: ['goods'] }));
    const cells = g.instruments.flatMap((r) => [...r.cells]);
    expect(new Set(cells).size).toBe(cells.length);
    const N = 4,
      J = 2;
    // 2 sectors × (A: 3 partners + B: 3 partners + U's members: 2 × 2 outside partners)
    expect(cells.length).toBe(J * (3 + 3 + 4));
    const C = 2,
      D = 3,
      A = 0;
    expect(cells).not.toContain((C * N + D) * J); // C's imports from its union partner D
    expect(cells).toContain((C * N + A) * J); // C's imports from A: under U's common external tariff
  });

  it('adds partner-specific tariffs for named pairs and removes the pair from the all-partner ones', () => {
    const s = expandAllPartners(d, parse({ sectors: ['g'], partner_specific: [['A', 'B']] }));
    expect(s.players.A.instruments.map((i) => i.id)).toEqual(['A.g', 'A.B.g']);
    expect(s.players.A.instruments[0].tariff?.except).toEqual(['B']);
    const g = gameOf(parse({ sectors: ['g'], partner_specific: [['A', 'B']] }));
    const cells = g.instruments.flatMap((r) => [...r.cells]);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('with per_sector false sets one tariff per player on all the listed sectors', () => {
    const s = expandAllPartners(d, parse({ sectors: ['goods'], per_sector: false, regions: ['A', 'B'] }));
    expect(s.players.B.instruments.map((i) => [i.id, i.tariff?.sectors])).toEqual([['B.all', ['g', 'h']]]);
  });

  it('rejects unknown regions, union members playing alone, and unknown pairs with their paths', () => {
    const err = (a: Record<string, unknown>) => {
      try {
        expandAllPartners(d, parse(a));
      } catch (e) {
        return e as PolicyError;
      }
      throw new Error('expected an error');
    };
    expect(err({ sectors: ['g'], unions: ['X'] }).path).toEqual(['all_partners', 'unions', 0]);
    expect(err({ sectors: ['g'], unions: ['U'], regions: ['A', 'C'] }).message).toMatch(
      /expected a region outside the customs unions, found "C", which plays inside its union/,
    );
    expect(err({ sectors: ['g'], partner_specific: [['A', 'Z']] }).path).toEqual([
      'all_partners',
      'partner_specific',
      0,
      1,
    ]);
    expect(err({ sectors: ['q'] }).path).toEqual(['all_partners', 'sectors', 0]);
  });

  it('reports the war against the factual policy: objectives there are 0 on the dataset baseline', async () => {
    const { runStrategy } = await import('./run.ts');
    const e = expandAllPartners(d, parse({ sectors: ['g'], unions: ['U'] }, { options: { tolerance: 1e-6 } }));
    const scenario = { lancaster: 1, name: 'test', model: 'multisector', options: {}, policy: {} } as Scenario;
    const spec = strategySpec(
      d,
      d,
      scenario,
      { tau: Float64Array.from(d.tariff, (t) => 1 + t), controls: NO_CONTROLS, capacity: undefined },
      e,
    );
    const o = await runStrategy(spec, e);
    expect(o.converged).toBe(true);
    for (const p of ['A', 'B', 'U']) {
      expect(o.factual[p]).toBeCloseTo(0, 10);
      expect(o.by_player[p].war_vs_factual_pct).toBeCloseTo(o.objectives[p], 10);
    }
    expect(o.mean_over_players.tariff_simple.war).toBeCloseTo(
      (o.by_player.A.tariff_simple.war! + o.by_player.B.tariff_simple.war! + o.by_player.U.tariff_simple.war!) / 3,
      12,
    );
  });

  it('has a Nash equilibrium on its grid that is a fixed point of best responses: no player gains by moving any tariff', async () => {
    clearEvaluationCache();
    const step = 0.02;
    const g = gameOf(
      parse(
        { unions: ['U'], sectors: ['goods'], max: 0.6 },
        { options: { method: 'grid', grid_step: step, tolerance: 1e-12, max_rounds: 40 } },
      ),
    );
    const war = await nashEquilibrium(
      g,
      Float64Array.from(g.instruments, (r) => r.start),
    );
    expect(war.converged).toBe(true);
    expect(war.change).toBe(0);
    const at = await pointAt(g, war.x);
    let gain = -Infinity;
    for (let k = 0; k < g.players.length; k++) {
      for (const i of g.owned[k]) {
        const pts = latticeOf(g.instruments[i].lo, g.instruments[i].hi, step).map((v) => {
          const y = Float64Array.from(war.x);
          y[i] = v;
          return y;
        });
        for (const e of await g.evaluator.evaluate(pts)) gain = Math.max(gain, e.objectives[k] - at.objectives[k]);
      }
    }
    expect(gain).toBeLessThanOrEqual(1e-6);
    // Every player taxes imports in the war (terms-of-trade motive). With one factor and no
    // input–output links the best import tariffs are uniform across sectors whatever θ
    // (Costinot, Donaldson, Vogel & Rodríguez-Clare 2015): the lattice finds the same rate.
    for (const k of [0, 1, 2]) {
      const [tg, th] = g.owned[k].map((i) => war.x[i]);
      expect(tg).toBeGreaterThan(0);
      expect(Math.abs(tg - th)).toBeLessThanOrEqual(step);
    }
    await g.evaluator.close();
  });
});
