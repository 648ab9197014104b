/**
 * Ownership of value added across borders: GDP (where value is produced) versus national income
 * (who owns it). docs/controls.md, "Ownership and national income"; issue 13.
 *
 * A link l says that region m owns the share o_l of the operating income of sector j in region i:
 * its value added γ_i^j Y'_i^j (eq. 5) and the rents its producers keep (licence rents on its exports,
 * capacity rents). With R_i^j those kept rents,
 *   (O1) NFI'_m = Σ_{l: owner m} o_l (γ_i^j Y'_i^j + R_i^j) − Σ_{l: region m} o_l (γ_m^j Y'_m^j + R_m^j)
 *        + G'_m − G^paid_m          (G: government shares of licensed sales, wedges.ts)
 * is m's net income from abroad, and
 *   (O2) GNI'_m = GDP'_m + NFI'_m,   GDP'_m = w'L_m + R_m + G^paid_m + TR'_m
 *        (value added at basic prices, plus the wedge rents and tariffs counted at market prices).
 * What a region spends is its national income plus a fixed current-account deficit T_m:
 *   (O3) I'_m = GNI'_m + T_m,   T_m = D_m − NFI_m  (baseline),
 * so the baseline is unchanged, the trade deficit becomes D'_m = T_m + NFI'_m, and Σ_m T_m = 0 keeps
 * world imports equal to world exports. Without links and government shares NFI = 0, T = D: today's
 * model (the solver then runs the code it ran before).
 */
import * as msg from '../../spec/messages/model.ts';

/** Cross-border ownership as the solver takes it: a sparse list of links. */
export interface GeOwnership {
  /** Owning region m of each link. */
  owner: Int32Array;
  /** Owned region-sector i*J + j. */
  cell: Int32Array;
  /** Share o ∈ [0, 1] of the cell's operating income owned by `owner`. */
  share: Float64Array;
}

export interface OwnershipSystem {
  L: number;
  owner: Int32Array;
  region: Int32Array;
  cell: Int32Array;
  share: Float64Array;
}

type Labels = { regions: readonly string[]; sectors: readonly string[] } | undefined;

/**
 * Validates the links for N regions and J sectors (owners differ from the owned region, shares in
 * [0, 1], at most one link per owner and cell, shares of a cell summing to at most 1). Null when
 * there are no links. Throws RangeError naming the offending link.
 */
export function prepareOwnership(
  N: number,
  J: number,
  own: GeOwnership | undefined,
  labels?: Labels,
): OwnershipSystem | null {
  if (!own || own.owner.length === 0) return null;
  const L = own.owner.length;
  if (own.cell.length !== L || own.share.length !== L)
    throw new TypeError(msg.ownershipArraysOne(L, own.cell.length, own.share.length));
  const name = (q: number) => (labels ? `${labels.regions[Math.floor(q / J)]}:${labels.sectors[q % J]}` : `cell ${q}`);
  const reg = (m: number) => (labels ? labels.regions[m] : `region ${m}`);
  const s: OwnershipSystem = {
    L,
    owner: Int32Array.from(own.owner),
    region: new Int32Array(L),
    cell: Int32Array.from(own.cell),
    share: Float64Array.from(own.share),
  };
  const total = new Map<number, number>();
  const seen = new Set<string>();
  for (let l = 0; l < L; l++) {
    const m = own.owner[l],
      q = own.cell[l],
      o = own.share[l];
    if (!Number.isInteger(m) || m < 0 || m >= N) throw new RangeError(msg.owningRegions(N - 1, m));
    if (!Number.isInteger(q) || q < 0 || q >= N * J) throw new RangeError(msg.ownedRegionSectors(N * J - 1, q));
    const i = Math.floor(q / J);
    if (i === m) throw new RangeError(msg.ownershipAcrossBorders(reg(m), name(q)));
    if (!(o >= 0 && o <= 1)) throw new RangeError(msg.ownershipShareBetween(o, reg(m), name(q)));
    const key = `${m}:${q}`;
    if (seen.has(key)) throw new RangeError(msg.oneOwnershipShare(reg(m), name(q)));
    seen.add(key);
    const t = (total.get(q) ?? 0) + o;
    if (t > 1 + 1e-12) throw new RangeError(msg.foreignOwnershipShares(name(q), t));
    total.set(q, t);
    s.region[l] = i;
  }
  return s;
}

/**
 * (O1) without government shares: writes each region's net ownership income to `out` (length N,
 * overwritten) from gross output net of rents `Y` and value-added shares `B` (`i*J + j`) and the
 * rents kept by each cell's producers `rentCell` (`i*J + j`, or null for none).
 */
export function ownershipIncome(
  s: OwnershipSystem,
  B: Float64Array,
  Y: Float64Array,
  rentCell: Float64Array | null,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  for (let l = 0; l < s.L; l++) {
    const q = s.cell[l];
    const v = s.share[l] * (B[q] * Y[q] + (rentCell ? rentCell[q] : 0));
    out[s.owner[l]] += v;
    out[s.region[l]] -= v;
  }
  return out;
}
