/**
 * PPML with high-dimensional fixed effects against the references: ppmlhdfe's EU-enlargement
 * estimate of the GE_gravity example, the USITC gegravity example's ppmlhdfe coefficients and
 * robust standard errors, and an explicit-dummy Poisson fit with sandwich standard errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../data/csv.ts';
import { SpdInverse } from './dense.ts';
import { factorOf } from './hdfe.ts';
import { ppml, type PpmlProblem } from './ppml.ts';

const DATA = new URL('../../../data/gravity/', import.meta.url);

function table(name: string) {
  const file = new URL(name, DATA);
  const t = parseCsv(readFileSync(file, 'utf8'), name, []);
  const col = (c: string) => t.rows.map((r) => r.cells[t.header.indexOf(c)].trim());
  return { n: t.rows.length, col, num: (c: string) => Float64Array.from(col(c), Number) };
}

/** The rows `keep` of the EU panel as a three-way PPML problem (clusters: pairs). */
function euProblem(keep: (exp: string, imp: string, year: string) => boolean): PpmlProblem & { rows: number } {
  const t = table('wiod-fta-2000-2014.csv');
  const ex = t.col('exporter'),
    im = t.col('importer'),
    yr = t.col('year');
  const idx = [...Array(t.n).keys()].filter((i) => ex[i] !== im[i] && keep(ex[i], im[i], yr[i]));
  const trade = t.num('trade'),
    eu = t.num('eu_enlargement'),
    fta = t.num('other_fta');
  const n = idx.length;
  const x = new Float64Array(2 * n);
  idx.forEach((i, j) => {
    x[j] = eu[i];
    x[n + j] = fta[i];
  });
  const e = idx.map((i) => ex[i]),
    m = idx.map((i) => im[i]),
    y = idx.map((i) => yr[i]);
  return {
    rows: n,
    y: Float64Array.from(idx, (i) => trade[i]),
    x,
    names: ['eu_enlargement', 'other_fta'],
    factors: [
      factorOf('exporter#year', [e, y]),
      factorOf('importer#year', [m, y]),
      factorOf('exporter#importer', [e, m]),
    ],
    cluster: factorOf('pair', [e, m]).codes,
  };
}

describe('PPML with three-way fixed effects (ppmlhdfe)', () => {
  it('reproduces the EU-enlargement coefficient of the GE_gravity example (0.224249)', () => {
    const fit = ppml(euProblem(() => true));
    expect(fit.status).toBe('converged');
    expect(fit.nobs).toBe(7568);
    expect(fit.clusters).toBe(1892);
    expect(Math.abs(fit.coef[0] - 0.224249)).toBeLessThan(1e-5);
    // The Stata run stored the coefficient as float32 in eu_effect: 0.224249005317688.
    expect(Math.abs(fit.coef[0] - 0.224249005317688)).toBeLessThan(1e-7);
    expect(fit.dropped).toEqual({ singletons: 0, separatedByFixedEffects: 0, separatedByRelu: 0 });
  });
});

describe('PPML with exporter and importer fixed effects (USITC gegravity example)', () => {
  const t = table('usitc-sample-2006.csv');
  const names = ['lndist', 'contiguity', 'common_language', 'pta', 'international'];
  const x = new Float64Array(names.length * t.n);
  names.forEach((c, k) => x.set(t.num(c), k * t.n));
  const fit = ppml({
    y: t.num('trade'),
    x,
    names,
    factors: [factorOf('exporter', [t.col('exporter')]), factorOf('importer', [t.col('importer')])],
  });
  // examples_OneSectorGE.py: ppmlhdfe trade lndist contiguity common_language pta international, absorb(exp_fe imp_fe)
  const coef = [-0.3898623, 0.891577, 0.0326249, 0.4711383, -3.412584];
  const se = [0.0729915, 0.1327354, 0.0840702, 0.1076578, 0.2151235];

  it('reproduces the documented coefficients and constant to their printed digits', () => {
    expect(fit.status).toBe('converged');
    coef.forEach((b, k) => expect(Math.abs(fit.coef[k] - b)).toBeLessThan(5e-7 * Math.max(1, Math.abs(b) * 10)));
    expect(Math.abs(fit.constant - 16.32434)).toBeLessThan(5e-6);
  });

  it("reproduces ppmlhdfe's robust standard errors, the constant's included (N/(N−1))", () => {
    se.forEach((s, k) => expect(Math.abs(fit.se[k] - s)).toBeLessThan(5e-8));
    expect(Math.abs(fit.constantSe - 0.4844137)).toBeLessThan(5e-8);
  });
});

/** Dense Poisson fit on an explicit design (IRLS = Newton), with a generalised inverse for the redundant dummies. */
function densePoisson(y: Float64Array, X: Float64Array[]) {
  const n = y.length,
    p = X.length;
  const beta = new Float64Array(p),
    mu = new Float64Array(n),
    eta = new Float64Array(n);
  const ybar = y.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] + ybar) / 2;
    eta[i] = Math.log(mu[i]);
  }
  const inv = new SpdInverse(p);
  const h = new Float64Array(p * p),
    g = new Float64Array(p),
    z = new Float64Array(n);
  for (let it = 0; it < 100; it++) {
    for (let i = 0; i < n; i++) z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
    for (let a = 0; a < p; a++) {
      g[a] = 0;
      for (let i = 0; i < n; i++) g[a] += mu[i] * X[a][i] * z[i];
      for (let b = 0; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += mu[i] * X[a][i] * X[b][i];
        h[a * p + b] = s;
      }
    }
    inv.invert(h, 1e-9);
    let change = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inv.inv[a * p + b] * g[b];
      change = Math.max(change, Math.abs(s - beta[a]));
      beta[a] = s;
    }
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < p; a++) e += X[a][i] * beta[a];
      eta[i] = e;
      mu[i] = Math.exp(e);
    }
    if (change < 1e-12) break;
  }
  // Sandwich: H⁻ (Σ sᵢ sᵢᵀ) H⁻ with sᵢ = (yᵢ − μᵢ) xᵢ, robust or summed by cluster.
  const vcov = (cluster?: Int32Array) => {
    const groups = new Map<number, Float64Array>();
    for (let i = 0; i < n; i++) {
      const key = cluster ? cluster[i] : i;
      const s = groups.get(key) ?? new Float64Array(p);
      for (let a = 0; a < p; a++) s[a] += (y[i] - mu[i]) * X[a][i];
      groups.set(key, s);
    }
    const meat = new Float64Array(p * p);
    for (const s of groups.values())
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b] += s[a] * s[b];
    const G = groups.size;
    const v = new Float64Array(p * p);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++) {
        let t = 0;
        for (let c = 0; c < p; c++)
          for (let d = 0; d < p; d++) t += inv.inv[a * p + c] * meat[c * p + d] * inv.inv[d * p + b];
        v[a * p + b] = (t * G) / (G - 1);
      }
    return [Math.sqrt(v[0]), Math.sqrt(v[p + 1])];
  };
  return { beta, robust: vcov(), clustered: (c: Int32Array) => vcov(c) };
}

describe('standard errors against an explicit-dummy Poisson fit', () => {
  // Six countries whose EU and other-FTA dummies both change within pairs over 2000–2014.
  const six = new Set(['HUN', 'POL', 'DEU', 'USA', 'KOR', 'MEX']);
  const prob = euProblem((e, m) => six.has(e) && six.has(m));
  const n = prob.rows;
  // The explicit design: the two regressors, then one dummy per level of each fixed effect.
  const X: Float64Array[] = [prob.x.slice(0, n), prob.x.slice(n)];
  for (const f of prob.factors) {
    for (let l = 0; l < f.levels; l++) X.push(Float64Array.from(f.codes, (c) => (c === l ? 1 : 0)));
  }
  const dense = densePoisson(prob.y, X);

  it('gives the same coefficients as the dummy fit', () => {
    expect(n).toBe(120);
    expect(X.length).toBe(2 + 24 + 24 + 30);
    const fit = ppml(prob, { vce: 'robust' });
    for (let k = 0; k < 2; k++) expect(Math.abs(fit.coef[k] - dense.beta[k])).toBeLessThan(1e-8);
  });

  it('gives the robust sandwich standard errors of the dummy fit (N/(N−1))', () => {
    const fit = ppml(prob, { vce: 'robust' });
    for (let k = 0; k < 2; k++) expect(fit.se[k] / dense.robust[k] - 1).toBeCloseTo(0, 6);
  });

  it('gives the pair-clustered sandwich standard errors of the dummy fit (G/(G−1))', () => {
    const fit = ppml(prob);
    expect(fit.clusters).toBe(30);
    const c = dense.clustered(prob.cluster!);
    for (let k = 0; k < 2; k++) expect(fit.se[k] / c[k] - 1).toBeCloseTo(0, 6);
  });
});

describe('sample checks', () => {
  /** A small two-way panel: 5 exporters × 5 importers, one regressor. */
  function small(y: number[], x: number[]): PpmlProblem {
    const e = y.map((_, i) => `e${Math.floor(i / 5)}`),
      m = y.map((_, i) => `m${i % 5}`);
    return {
      y: Float64Array.from(y),
      x: Float64Array.from(x),
      names: ['x'],
      factors: [factorOf('e', [e]), factorOf('m', [m])],
    };
  }
  const base = [5, 3, 8, 1, 2, 4, 6, 2, 9, 3, 7, 1, 3, 5, 6, 2, 8, 4, 1, 7, 3, 3, 6, 2, 5];
  const xs = base.map((_, i) => Math.sin(i) + (i % 3));

  it('drops the observations of a fixed-effect level whose flows are all zero', () => {
    const y = base.slice();
    for (let j = 0; j < 5; j++) y[10 + j] = 0; // exporter e2 never exports
    const fit = ppml(small(y, xs));
    expect(fit.status).toBe('converged');
    expect(fit.dropped.separatedByFixedEffects).toBe(5);
    expect(fit.nobs).toBe(20);
    // The same as leaving the five rows out.
    const without = ppml({
      ...small(base, xs),
      weights: Float64Array.from(base, (_, i) => (i >= 10 && i < 15 ? 0 : 1)),
    });
    expect(fit.coef[0]).toBeCloseTo(without.coef[0], 9);
  });

  it('drops singletons, repeatedly', () => {
    const p = small(base, xs);
    const codes = new Int32Array(25).fill(0);
    codes[0] = 1; // observation 0 alone in its level of a third effect
    const fit = ppml({ ...p, factors: [...p.factors, { name: 'g', codes, levels: 2 }] });
    expect(fit.dropped.singletons).toBeGreaterThanOrEqual(1);
    expect(fit.nobs).toBe(24);
  });

  it('drops zeros separated by a regressor (ReLU) and keeps the estimate finite', () => {
    const y = base.slice(),
      x = xs.slice();
    const d = new Array(25).fill(0);
    // d = 1 only on three zero flows: without the check the coefficient of d runs to −∞.
    for (const i of [2, 8, 19]) {
      y[i] = 0;
      d[i] = 1;
    }
    const p = small(y, x);
    const fit = ppml({ ...p, x: Float64Array.from([...x, ...d]), names: ['x', 'd'] });
    expect(fit.status).toBe('converged');
    expect(fit.dropped.separatedByRelu).toBe(3);
    expect(fit.omitted[1]).toBe(1); // d is all zero on the sample left
    expect(Number.isFinite(fit.coef[0])).toBe(true);
  });

  it('omits a regressor collinear with the fixed effects', () => {
    const p = small(base, xs);
    const exporterOnly = base.map((_, i) => Math.floor(i / 5) * 0.7);
    const fit = ppml({ ...p, x: Float64Array.from([...xs, ...exporterOnly]), names: ['x', 'z'] });
    expect(fit.omitted).toEqual(Uint8Array.from([0, 1]));
    expect(fit.coef[0]).toBeCloseTo(ppml(p).coef[0], 9);
  });

  it('treats frequency weights as duplicated observations', () => {
    const p = small(base, xs);
    const w = Float64Array.from(base, (_, i) => 1 + (i % 3));
    const weighted = ppml({ ...p, weights: w });
    const idx = [...Array(25).keys()].flatMap((i) => Array(w[i]).fill(i) as number[]);
    const e = idx.map((i) => `e${Math.floor(i / 5)}`),
      m = idx.map((i) => `m${i % 5}`);
    const dup = ppml({
      y: Float64Array.from(idx, (i) => base[i]),
      x: Float64Array.from(idx, (i) => xs[i]),
      names: ['x'],
      factors: [factorOf('e', [e]), factorOf('m', [m])],
    });
    expect(weighted.coef[0]).toBeCloseTo(dup.coef[0], 10);
    expect(weighted.se[0]).toBeCloseTo(dup.se[0], 10);
  });

  it('refuses negative flows', () => {
    const y = base.slice();
    y[3] = -1;
    expect(() => ppml(small(y, xs))).toThrow(RangeError);
  });
});
