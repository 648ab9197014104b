/**
 * Government objectives evaluated on a solved multi-sector equilibrium (models `multisector` and
 * `cp2015`). For a player with member regions M (one region, or a dataset group):
 *
 *   G = Σ_{n∈M} [I'_n + Σ_j (λ_j − 1) VA'_nj] / P̂_n  ÷  Σ_{n∈M} [I_n + Σ_j (λ_j − 1) VA_nj]
 *   objective % = 100 (G − 1) + Σ_j σ_j · 100 (Σ_n Y'_nj/ĉ_nj ÷ Σ_n Y_nj − 1)
 *
 * I = VA + tariff revenue + D is income exactly as the model counts it (outputs.ts `income`:
 * revenue on every import, net of tariffs, is rebated to the importer's consumers), P̂ the
 * Cobb–Douglas consumer price index, VA_nj = γ_nj Y_nj sector value added. With every political
 * weight λ_j = 1 (Ossa 2014's benchmark) G is exact real income, so the objective equals
 * `real_income_pct` (and `welfare_pct` of `multisector`). λ_j > 1 weighs the income of sector j's
 * factor owners more (Ossa's λ; Grossman–Helpman style). σ_j is a security weight on the real
 * domestic supply of sector j (gross output deflated by its unit cost ĉ). The published CP welfare
 * of `cp2015` (ToT + VoT) is used only when `objective: welfare` and no weights are given; a group
 * then averages it with baseline income weights.
 */
import type { GeBaseline } from '../model/ge/baseline.ts';
import type { GeShock, GeSolution } from '../model/ge/solve.ts';
import { income, countryResults } from '../model/ge/outputs.ts';

/** A player resolved against the dataset. */
export interface PlayerSpec {
  code: string;
  /** Region indices of the player (one, or a group's members). */
  members: number[];
  objective: 'welfare' | 'real_income';
  /** λ_j by sector index (absent: all 1). */
  weights?: Float64Array;
  /** σ_j by sector index (absent: all 0). */
  security?: Float64Array;
}

/** Gross output Y_nj (net of tariffs) of the baseline, index n*J + j. */
export function baselineOutput(b: GeBaseline): Float64Array {
  const { N, J } = b;
  const Y = new Float64Array(N * J);
  for (let m = 0; m < N; m++)
    for (let n = 0; n < N; n++)
      for (let j = 0; j < J; j++) {
        const q = (m * N + n) * J + j;
        Y[n * J + j] += (b.pi[q] / b.tau[q]) * b.X[m * J + j];
      }
  return Y;
}

/**
 * Writes each player's objective (percent) into `out`. `Y0` is {@link baselineOutput} of `b`
 * (computed once per baseline); `published` selects CP's welfare for `objective: welfare`.
 */
export function geObjectives(
  b: GeBaseline,
  Y0: Float64Array,
  shock: GeShock,
  sol: GeSolution,
  players: readonly PlayerSpec[],
  published: boolean,
  out: Float64Array,
): Float64Array {
  const { N, J } = b;
  const VA1 = new Float64Array(N);
  for (let n = 0; n < N; n++) VA1[n] = Math.exp(sol.lw[n]) * b.VA[n];
  let rows: ReturnType<typeof countryResults> | undefined;
  players.forEach((p, k) => {
    if (published && p.objective === 'welfare' && !p.weights) {
      rows ??= countryResults(b, shock, sol, true);
      let s = 0,
        w = 0;
      for (const n of p.members) {
        const I0 = income(b, b.pi, b.tau, b.X, b.VA, b.D, n);
        s += I0 * rows[n].welfare_pct!;
        w += I0;
      }
      out[k] = s / w + securityTerm(b, Y0, sol, p);
      return;
    }
    let g0 = 0,
      g1 = 0;
    for (const n of p.members) {
      let a0 = income(b, b.pi, b.tau, b.X, b.VA, b.D, n);
      let a1 = income(b, sol.piNew, shock.tauNew, sol.X, VA1, shock.D, n);
      if (p.weights) {
        for (let j = 0; j < J; j++) {
          const lam = p.weights[j] - 1;
          if (lam === 0) continue;
          a0 += lam * b.B[n * J + j] * Y0[n * J + j];
          a1 += lam * b.B[n * J + j] * sol.Y[n * J + j];
        }
      }
      let lP = 0;
      for (let j = 0; j < J; j++) lP += b.alpha[n * J + j] * sol.lP[n * J + j];
      g0 += a0;
      g1 += a1 / Math.exp(lP);
    }
    out[k] = 100 * (g1 / g0 - 1) + securityTerm(b, Y0, sol, p);
  });
  return out;
}

/** Σ_j σ_j · (% change of the members' real supply of sector j). */
function securityTerm(b: GeBaseline, Y0: Float64Array, sol: GeSolution, p: PlayerSpec): number {
  if (!p.security) return 0;
  const { J } = b;
  let total = 0;
  for (let j = 0; j < J; j++) {
    const s = p.security[j];
    if (s === 0) continue;
    let y0 = 0,
      y1 = 0;
    for (const n of p.members) {
      y0 += Y0[n * J + j];
      y1 += sol.Y[n * J + j] / Math.exp(sol.lc[n * J + j]);
    }
    if (y0 > 0) total += s * 100 * (y1 / y0 - 1);
  }
  return total;
}
