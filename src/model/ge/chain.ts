/**
 * Results for a critical supply chain (issue 12; docs/controls.md "Results"): per region and chain
 * sector the buyers' price, real output, real absorption, the shortage and capacity rents; per
 * region the output of the using sectors, and defence read from them as stated shares.
 */
import type { GeBaseline } from './baseline.ts';
import type { GeSolution } from './solve.ts';
import type { ChainCell, UserLoss } from '../../contract/model.ts';

export type { ChainCell, UserLoss } from '../../contract/model.ts';

/**
 * Defence, which WIOD lacks, read as stated shares of sectors' output (ASSUMPTIONS, not sources;
 * docs/controls.md): national defence ≈ a quarter of public administration and defence (c31: US
 * defence consumption and investment ≈ 3.5% of GDP against ≈ 13% for the whole sector); weapons and
 * ammunition in machinery (c13, ISIC 2927), military aircraft, ships and vehicles in transport
 * equipment (c15), defence electronics in c14.
 */
const DEFENCE_SHARES: Readonly<Record<string, number>> = { c31: 0.25, c15: 0.1, c14: 0.03, c13: 0.03 };

const pct = (x: number) => 100 * (x - 1);

/** The chain table for sectors `chain` (indices) over every region, keyed by codes. */
export function chainResults(
  b: GeBaseline,
  sol: GeSolution,
  y0: Float64Array,
  chain: readonly number[],
  regions: readonly string[],
  sectors: readonly string[],
): Record<string, Record<string, ChainCell>> {
  const { J } = b;
  const cap = sol.capacity;
  const capAt = new Map<number, number>();
  cap?.cell.forEach((q, c) => capAt.set(q, c));
  const out: Record<string, Record<string, ChainCell>> = {};
  for (const j of chain) {
    const rows: Record<string, ChainCell> = {};
    regions.forEach((r, n) => {
      const q = n * J + j;
      const c = capAt.get(q);
      const lP = sol.lP[q];
      const absorb = b.X[q] > 0 ? sol.X[q] / b.X[q] / Math.exp(lP) : 1;
      const mu = c === undefined ? 0 : cap!.lnMu[c];
      const bnd =
        c === undefined
          ? 0
          : cap!.elasticity[c] === Infinity
            ? 0
            : Math.min(Math.log(cap!.quantity[c]), Math.log(cap!.limit[c])) / cap!.elasticity[c];
      rows[r] = {
        price_pct: pct(Math.exp(lP)),
        output_pct: y0[q] > 0 ? pct(sol.Y[q] / y0[q] / Math.exp(sol.lc[q])) : 0,
        absorption_pct: pct(absorb),
        shortage_pct: Math.max(0, 100 * (1 - absorb)),
        markup_pct: pct(Math.exp(mu)),
        capacity_rent: c === undefined ? 0 : cap!.rent[c],
        capacity_binding: c !== undefined && mu - bnd > 1e-12,
      };
    });
    out[sectors[j]] = rows;
  }
  return out;
}

/** Real output change of sector j in region n and the value of lost production. */
function userLoss(b: GeBaseline, sol: GeSolution, y0: Float64Array, n: number, j: number): UserLoss {
  const q = n * b.J + j;
  const real = y0[q] > 0 ? sol.Y[q] / y0[q] / Math.exp(sol.lc[q]) : 1;
  return { real_output_pct: pct(real), value_lost: y0[q] * (1 - real) };
}

/**
 * The using sectors of region n (`users`, indices with codes) and `defence`: the DEFENCE_SHARES-weighted
 * real output of the sectors it is read from (those in the dataset).
 */
export function userLosses(
  b: GeBaseline,
  sol: GeSolution,
  y0: Float64Array,
  n: number,
  users: readonly number[],
  sectors: readonly string[],
): Record<string, UserLoss> {
  const out: Record<string, UserLoss> = {};
  for (const j of users) out[sectors[j]] = userLoss(b, sol, y0, n, j);
  let w0 = 0,
    w1 = 0;
  for (const [code, share] of Object.entries(DEFENCE_SHARES)) {
    const j = sectors.indexOf(code);
    if (j < 0) continue;
    const l = userLoss(b, sol, y0, n, j);
    const base = share * y0[n * b.J + j];
    w0 += base;
    w1 += base * (1 + l.real_output_pct / 100);
  }
  if (w0 > 0) out.defence = { real_output_pct: pct(w1 / w0), value_lost: w0 - w1 };
  return out;
}
