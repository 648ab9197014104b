/**
 * National accounts of a multi-sector solution (docs/controls.md, "Ownership and national income"):
 * GDP by production, income from abroad, national income, absorption, the trade and current-account
 * deficits, and real GDP (value added at constant prices). Equations O1–O3 are in ownership.ts.
 *
 *   GDP_n      = w'L_n + R_n + G^paid_n + TR_n   (value added at basic prices + kept wedge and capacity
 *                                                  rents + government shares on n's exports + tariffs)
 *   NFI_n      = ownership income (O1) + G^received_n − G^paid_n
 *   GNI_n      = GDP_n + NFI_n
 *   A_n        = Σ_j X'_n^j − Σ_k (1 − γ'_n^k) Y'_n^k       (final absorption, from spending and output)
 *   TB deficit = Σ_{i≠n,j} π'_ni X'_n/τ' − Σ_{m≠n,j} π'_mn X'_m/τ'   (from the trade flows)
 * and the identities A − GDP = trade deficit, A − GNI = T (the current-account deficit held fixed).
 * (Real GDP, value added at constant prices, is `real_gdp_pct` of outputs.ts.)
 */
import type { GeBaseline } from './baseline.ts';
import type { GeShock, GeSolution } from './solve.ts';

export interface RegionAccounts {
  gdp: number;
  valueAdded: number;
  tariffRevenue: number;
  /** Licence and capacity rents kept by the region's producers. */
  rents: number;
  governmentPaid: number;
  governmentReceived: number;
  /** Net ownership income from abroad (O1 without government shares). */
  ownershipIncome: number;
  nfi: number;
  gni: number;
  absorption: number;
  tradeDeficit: number;
}

/** Baseline accounts (no rents, no government shares; ownership income at baseline output). */
export function baselineAccounts(b: GeBaseline, ownershipBase: Float64Array | undefined): RegionAccounts[] {
  const zero = new Float64Array(b.N);
  return accountsOf(b, b.pi, b.tau, b.X, null, zero, b.B, zero, zero, ownershipBase ?? zero);
}

/** Accounts of solution `sol` of `shock` on baseline `b`. */
export function solutionAccounts(b: GeBaseline, shock: GeShock, sol: GeSolution): RegionAccounts[] {
  const t = sol.transfers;
  const zero = new Float64Array(b.N);
  return accountsOf(
    b,
    sol.piNew,
    shock.tauNew,
    sol.X,
    sol.Y,
    sol.rents,
    sol.shares?.B ?? b.B,
    t?.governmentPaid ?? zero,
    t?.governmentReceived ?? zero,
    t?.ownership ?? zero,
  );
}

function accountsOf(
  b: GeBaseline,
  pi: Float64Array,
  tau: Float64Array,
  X: Float64Array,
  Yin: Float64Array | null,
  rents: Float64Array,
  B: Float64Array,
  govPaid: Float64Array,
  govReceived: Float64Array,
  own: Float64Array,
): RegionAccounts[] {
  const { N, J } = b;
  let Y = Yin;
  if (!Y) {
    Y = new Float64Array(N * J);
    for (let m = 0; m < N; m++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < J; j++) Y[i * J + j] += (pi[(m * N + i) * J + j] / tau[(m * N + i) * J + j]) * X[m * J + j];
  }
  const out: RegionAccounts[] = [];
  for (let n = 0; n < N; n++) {
    let va = 0,
      tr = 0,
      spend = 0,
      inter = 0,
      imp = 0,
      exp = 0;
    for (let j = 0; j < J; j++) {
      const y = Y[n * J + j];
      va += B[n * J + j] * y;
      spend += X[n * J + j];
      inter += (1 - B[n * J + j]) * y;
      for (let i = 0; i < N; i++) {
        const q = (n * N + i) * J + j;
        const m = (pi[q] / tau[q]) * X[n * J + j];
        tr += m * (tau[q] - 1);
        if (i !== n) {
          imp += m;
          const qe = (i * N + n) * J + j;
          exp += (pi[qe] / tau[qe]) * X[i * J + j];
        }
      }
    }
    // Exports are valued at what buyers pay net of tariffs: add back the rents and shares taken out of Y.
    const gdp = va + rents[n] + govPaid[n] + tr;
    const nfi = own[n] + govReceived[n] - govPaid[n];
    out.push({
      gdp,
      valueAdded: va,
      tariffRevenue: tr,
      rents: rents[n],
      governmentPaid: govPaid[n],
      governmentReceived: govReceived[n],
      ownershipIncome: own[n],
      nfi,
      gni: gdp + nfi,
      absorption: spend - inter,
      tradeDeficit: imp - exp,
    });
  }
  return out;
}
