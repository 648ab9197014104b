/**
 * Numerical honesty after every solve (docs/security.md, "Numbers"): a result is `converged` only
 * if its residual is finite and within the tolerance, a re-check of the equilibrium in the data's
 * own units agrees (multi-sector models: value added equals wages in every region), and every
 * reported indicator is a finite, possible percent change. Anything else becomes `not-converged`
 * with a message saying what failed and where — never numbers presented as answers.
 */
import type { ModelResult } from './result.ts';
import type { GeRun } from './ge/run.ts';
import { valueAddedOfSales } from './ge/equations.ts';
import { recheckOneSector, type OneSectorRecheckInput } from './oneSector2025/recheck.ts';
import * as msg from '../spec/messages/model.ts';

/** What the re-check in the data's units reads: the multi-sector run, or the one-sector solve's inputs and unknowns. */
export type Recheck = { ge: GeRun; regions?: readonly string[] } | { oneSector: OneSectorRecheckInput };

/**
 * Largest believable percent change of an indicator (a 10 000-fold rise); beyond it the numbers are
 * overflow, not economics.
 */
export const MAX_PCT = 1e6;

/** Changes of quantities that stay positive (a deficit, by contrast, may change sign: −600% is possible). */
const POSITIVE_LEVELS = new Set([
  'real_income_pct',
  'real_wage_pct',
  'prices_pct',
  'exports_pct',
  'imports_pct',
  'employment_pct',
]);

/** Tolerance of the re-check relative to the solver's own: summation order may differ, nothing else. */
const RECHECK_SLACK = 10;

/** Smallest relative gap the one-sector re-check asks for: sums of 194² flows in thousand USD round at about 1e-14. */
const RECHECK_FLOOR = 1e-12;

/** Marks `r` not-converged with `message` (first failure wins). */
function fail(r: ModelResult, message: string): ModelResult {
  if (r.status !== 'converged') return r;
  return { ...r, status: 'not-converged', message };
}

/** The first non-finite or impossible indicator of a row set, as "USA.welfare_pct is NaN". */
function firstBadIndicator(rows: Record<string, Record<string, unknown>> | undefined): string | undefined {
  for (const [code, row] of Object.entries(rows ?? {})) {
    for (const [field, v] of Object.entries(row)) {
      if (typeof v !== 'number') continue; // absent or null: a value the model does not produce
      if (!Number.isFinite(v)) return msg.indicatorNotFinite(code, field, v);
      if (field.endsWith('_pct') && Math.abs(v) > MAX_PCT)
        return msg.indicatorOverflow(code, field, v.toExponential(3), MAX_PCT);
      if (POSITIVE_LEVELS.has(field) && v < -100 - 1e-9)
        return msg.indicatorBelowMinus100(code, field, v.toExponential(3));
    }
  }
  return undefined;
}

/**
 * The checks every solve passes through. `tol` is the solver's tolerance in its residual's norm;
 * `recheck` what the re-check in the data's units needs (the multi-sector run and region names, or
 * the one-sector solve's inputs and unknowns).
 */
export function honestResult(r: ModelResult, tol: number, recheck?: Recheck): ModelResult {
  if (r.status !== 'converged') return r;
  if (!Number.isFinite(r.residual)) return fail(r, msg.solverReportedConvergence(r.residual));
  if (r.residual > tol * RECHECK_SLACK)
    return fail(r, msg.solverReportedConvergenceResidual(r.residual.toExponential(2), tol));
  if (recheck && 'oneSector' in recheck) {
    const failure = recheckOneSector(recheck.oneSector, Math.max(tol, RECHECK_FLOOR) * RECHECK_SLACK);
    if (failure) return fail(r, failure);
  }
  if (recheck && 'ge' in recheck) {
    const { ge, regions } = recheck;
    const { N, J, VA } = ge.baseline;
    const B = ge.solution.shares?.B ?? ge.baseline.B;
    const va = valueAddedOfSales(N, J, B, ge.solution.Y, new Float64Array(N));
    let world = 0,
      gap = 0,
      worst = 0,
      at = 0;
    for (let n = 0; n < N; n++) {
      const wages = Math.exp(ge.solution.lw[n]) * VA[n];
      const d = Math.abs(va[n] - wages);
      world += VA[n];
      gap += d;
      if (!(d <= worst)) (worst = d), (at = n);
    }
    const rel = gap / world;
    if (!Number.isFinite(rel) || rel > tol * RECHECK_SLACK) {
      return fail(
        r,
        msg.valueAddedRecheckFailed(gap.toExponential(3), rel.toExponential(2), tol, regions?.[at] ?? `region ${at}`),
      );
    }
  }
  const bad =
    firstBadIndicator(r.countries as Record<string, Record<string, unknown>>) ??
    firstBadIndicator(r.groups as Record<string, Record<string, unknown>> | undefined);
  if (bad) return fail(r, msg.solveEndedIndicator(bad));
  return r;
}
