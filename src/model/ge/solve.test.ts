/**
 * The solver's reporting contract: non-convergence and non-finite values are results with a
 * status, the iterations used, the residual and a message naming where — never a silent answer.
 */
import { describe, it, expect } from 'vitest';
import type { Dataset } from '../../data/dataset.ts';
import { loadDataset } from '../../data/load.ts';
import { baselineFromDataset } from './baseline.ts';
import { solveGe, type GeShock } from './solve.ts';
import { asBaseline, countryResults } from './outputs.ts';
import { calibratedBaseline } from './run.ts';

describe('solveGe reporting', () => {
  const d = loadDataset('cp2015');
  const raw = baselineFromDataset(d);
  const zeroDeficit: GeShock = { tauNew: raw.tau, D: new Float64Array(raw.N) };

  it('reports not-converged with the iterations, residual and a message when maxIterations is too small', () => {
    const sol = solveGe(raw, zeroDeficit, { maxIterations: 2 });
    expect(sol.report.status).toBe('not-converged');
    expect(sol.report.iterations).toBe(2);
    expect(sol.report.residual).toBeGreaterThan(1e-10);
    expect(sol.report.message).toMatch(/did not reach 1e-10 in 2 iterations \(residual \d/);
  });

  it('reports converged with iterations, residual below tol, and no message', () => {
    const sol = solveGe(raw, zeroDeficit);
    expect(sol.report.status).toBe('converged');
    expect(sol.report.residual).toBeLessThan(1e-10);
    expect(sol.report.iterations).toBeGreaterThan(2);
    expect(sol.report.iterations).toBeLessThan(200);
    expect(sol.report.seconds).toBeGreaterThan(0);
    expect(sol.report.message).toBeUndefined();
  });

  it('reports a NaN injected in the data as not-converged, naming the array and the place', () => {
    const n = d.regions.indexOf('MEX'),
      i = d.regions.indexOf('USA'),
      j = 3;
    const flows = Float64Array.from(d.flows);
    flows[(n * d.N + i) * d.J + j] = NaN;
    const bad: Dataset = { ...d, flows };
    const b = baselineFromDataset(bad);
    const sol = solveGe(b, { tauNew: b.tau, D: new Float64Array(b.N) });
    expect(sol.report.status).toBe('not-converged');
    expect(sol.report.message).toContain('NaN');
    // The NaN flow makes MEX's sector-3 spending the first bad baseline value.
    expect(sol.report.message).toBe(`Non-finite input: baseline spending X is NaN at region ${n}, sector ${j}`);
    expect(Number.isNaN(sol.lw[0])).toBe(true);
  });

  it('reports a NaN in a new tariff schedule by importer, exporter and sector', () => {
    const tauNew = Float64Array.from(raw.tau);
    tauNew[(4 * raw.N + 19) * raw.J + 2] = NaN;
    const sol = solveGe(raw, { tauNew, D: new Float64Array(raw.N) });
    expect(sol.report.status).toBe('not-converged');
    expect(sol.report.message).toBe(
      "Non-finite input: new tariff factor τ' is NaN at importer 4, exporter 19, sector 2",
    );
  });

  it('reports a value that overflows during the iteration, naming where', () => {
    const b = asBaseline(raw, zeroDeficit, solveGe(raw, zeroDeficit));
    // An absurd iceberg saving (d̂ = 1e-300) on every import of region 5 drives
    // its import terms beyond double range.
    const dHat = new Float64Array(b.pi.length).fill(1);
    for (let i = 0; i < b.N; i++) if (i !== 5) for (let j = 0; j < b.J; j++) dHat[(5 * b.N + i) * b.J + j] = 1e-300;
    const sol = solveGe(b, { tauNew: b.tau, dHat, D: b.D });
    expect(sol.report.status).toBe('not-converged');
    expect(sol.report.message).toMatch(/^Non-finite value in iteration 1 \(price index of region 5, sector \d+\)$/);
  });

  it('makes the calibration of a dataset with a NaN throw a RangeError naming the dataset and the place', () => {
    const flows = Float64Array.from(d.flows);
    flows[7] = NaN;
    expect(() => calibratedBaseline({ ...d, flows }, 'zero-deficit')).toThrow(
      /cp2015 to converge, found: Non-finite input: baseline spending X is NaN at region 0, sector 7/,
    );
  });

  it('accepts a warm start and converges in fewer iterations from a nearby solution', () => {
    const cold = solveGe(raw, zeroDeficit);
    const warm = solveGe(raw, zeroDeficit, {}, cold);
    expect(warm.report.status).toBe('converged');
    expect(warm.report.iterations).toBeLessThan(5);
    for (let n = 0; n < raw.N; n++) expect(warm.lw[n]).toBeCloseTo(cold.lw[n], 10);
  });

  it('keeps every reported percentage of the NAFTA experiment within 1e-8 of a solve converged to 1e-13', () => {
    const nafta = ['CAN', 'MEX', 'USA'].map((c) => d.regions.indexOf(c));
    const tau = Float64Array.from(d.tariff, (t) => 1 + t);
    const sched = d.schedules['tariffs-2005'];
    for (const n of nafta)
      for (const i of nafta)
        if (n !== i) for (let j = 0; j < d.J; j++) tau[(n * d.N + i) * d.J + j] = 1 + sched[(n * d.N + i) * d.J + j];
    const rows = (tol: number) => {
      const base = solveGe(raw, zeroDeficit, { tol });
      const b = asBaseline(raw, zeroDeficit, base);
      const shock: GeShock = { tauNew: tau, D: b.D };
      const sol = solveGe(b, shock, { tol });
      expect(sol.report.status).toBe('converged');
      return countryResults(b, shock, sol, true);
    };
    const dflt = rows(1e-10),
      tight = rows(1e-13);
    let worst = 0;
    for (let n = 0; n < d.N; n++)
      for (const k of Object.keys(tight[n])) worst = Math.max(worst, Math.abs(dflt[n][k]! - tight[n][k]!));
    expect(worst).toBeLessThan(1e-8);
  });
});
