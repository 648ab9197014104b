/**
 * The GE gravity counterfactual against Stata's ge_gravity run of the GE_gravity example
 * (year 2000, θ = 4, the ppmlhdfe EU-enlargement effect on the new EU pairs): the welfare factor
 * of every exporter and every new flow, additive and multiplicative imbalances, to float32
 * precision (1e-6 relative).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../data/csv.ts';
import { geGravity } from './ge.ts';

const file = new URL('../../../data/gravity/wiod-fta-2000-2014.csv', import.meta.url);
const t = parseCsv(readFileSync(file, 'utf8'), 'wiod-fta-2000-2014.csv', []);
const at = (c: string) => t.header.indexOf(c);
const rows = t.rows.filter((r) => r.cells[at('year')] === '2000');
const countries = [...new Set(rows.map((r) => r.cells[at('exporter')]))].sort();
const N = countries.length;
const pos = new Map(countries.map((c, i) => [c, i]));
const flows = new Float64Array(N * N),
  beta = new Float64Array(N * N);
const ref = {
  w_eu: new Float64Array(N * N),
  X_eu: new Float64Array(N * N),
  w_mult: new Float64Array(N * N),
  X_mult: new Float64Array(N * N),
};
for (const r of rows) {
  const k = pos.get(r.cells[at('exporter')])! * N + pos.get(r.cells[at('importer')])!;
  flows[k] = Number(r.cells[at('trade')]);
  // ppmlhdfe's coefficient 0.224249 on the pairs that joined the EU in 2000–2014 (eu_effect).
  beta[k] = Number(r.cells[at('eu_effect')]);
  for (const c of Object.keys(ref) as (keyof typeof ref)[]) ref[c][k] = Number(r.cells[at(c)]);
}

describe('GE gravity counterfactual (ge_gravity)', () => {
  it.each([
    ['additive', 'w_eu', 'X_eu'],
    ['multiplicative', 'w_mult', 'X_mult'],
  ] as const)('reproduces Stata for all 44 countries with %s imbalances (%s, %s)', (imbalances, w, x) => {
    expect(N).toBe(44);
    const r = geGravity({ n: N, flows, beta, theta: 4, imbalances });
    expect(r.status).toBe('converged');
    let maxW = 0,
      maxX = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const k = i * N + j;
        // w is the exporter's welfare factor, repeated on each of its rows.
        maxW = Math.max(maxW, Math.abs(r.welfare[i] / ref[w][k] - 1));
        maxX = Math.max(maxX, Math.abs(r.flows[k] / ref[x][k] - 1));
      }
    }
    expect(maxW).toBeLessThan(1e-6);
    expect(maxX).toBeLessThan(1e-6);
  });

  it('gives the published welfare factors of Malta, Hungary and Slovenia', () => {
    const r = geGravity({ n: N, flows, beta, theta: 4, imbalances: 'additive' });
    expect(r.welfare[pos.get('MLT')!]).toBeCloseTo(1.0153, 4);
    expect(r.welfare[pos.get('HUN')!]).toBeCloseTo(1.014, 4);
    expect(r.welfare[pos.get('SVN')!]).toBeCloseTo(1.0118, 4);
  });

  it('leaves everything unchanged without a shock and keeps world output fixed with one', () => {
    const none = geGravity({ n: N, flows, beta: new Float64Array(N * N), theta: 4, imbalances: 'additive' });
    for (let i = 0; i < N; i++) expect(none.welfare[i]).toBeCloseTo(1, 12);
    const r = geGravity({ n: N, flows, beta, theta: 4, imbalances: 'additive' });
    let y0 = 0,
      y1 = 0;
    for (let k = 0; k < N * N; k++) {
      y0 += flows[k];
      y1 += r.flows[k];
    }
    expect(y1 / y0).toBeCloseTo(1, 10);
  });

  it('refuses a partial effect on domestic sales and a non-positive elasticity', () => {
    const b = beta.slice();
    b[0] = 0.1;
    expect(() => geGravity({ n: N, flows, beta: b, theta: 4, imbalances: 'additive' })).toThrow(/domestic sales/);
    expect(() => geGravity({ n: N, flows, beta, theta: 0, imbalances: 'additive' })).toThrow(RangeError);
  });

  it('reports non-convergence instead of hiding it', () => {
    const r = geGravity({ n: N, flows, beta, theta: 4, imbalances: 'additive', maxIterations: 3 });
    expect(r.status).toBe('not-converged');
    expect(r.residual).toBeGreaterThan(1e-12);
  });
});
