/**
 * The pairs bootstrap of GE_gravity_example.do: each replication draws as many pairs as the
 * estimation sample has, with replacement (all years of a drawn pair come along), re-estimates
 * the PPML on the draw (multiplicities as frequency weights: a pair drawn twice counts twice) and
 * re-solves the GE with the replication's coefficient on the original baseline. Replication r uses
 * xoroshiro128+ seeded with `seed` and jumped r times, so any split into chunks gives the same
 * draws. Percentile intervals (type-7 quantiles) and the bootstrap standard deviation summarise them.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { estimate, counterfactual } from './run.ts';
import type { GravityPrepared } from './prepare.ts';

/** Replications [from, to) of one chunk: coefficients per replication and welfare factors per treatment. */
export interface BootstrapChunk {
  from: number;
  to: number;
  /** coef[r − from][c], null for a replication whose fit or GE failed. */
  coef: (number[] | null)[];
  /** welfare[treatment][r − from][country] */
  welfare: Record<string, (number[] | null)[]>;
}

/**
 * Runs replications `from` to `to − 1`.
 *
 * @example
 * ```ts
 * const chunk = bootstrapChunk(prepared, 1234, 0, 50);
 * ```
 */
export function bootstrapChunk(p: GravityPrepared, seed: number, from: number, to: number): BootstrapChunk {
  const treatments = p.scenario.counterfactual?.imbalances ?? [];
  const out: BootstrapChunk = { from, to, coef: [], welfare: Object.fromEntries(treatments.map((t) => [t, []])) };
  const gen = xoroshiro128plus(seed);
  for (let r = 0; r < from; r++) gen.jump();
  // Each draw starts from the full-sample fit (the same start for every replication and chunk).
  const full = estimate(p);
  const start = full.status === 'converged' ? full.eta : undefined;
  const counts = new Float64Array(p.pairs);
  const weights = new Float64Array(p.rows.length);
  for (let r = from; r < to; r++) {
    const g = gen.clone();
    gen.jump();
    counts.fill(0);
    for (let d = 0; d < p.pairs; d++) counts[uniformInt(g, 0, p.pairs - 1)]++;
    for (let i = 0; i < weights.length; i++) weights[i] = counts[p.pairOf[i]];
    const fit = estimate(p, weights, start);
    const ok = fit.status === 'converged';
    out.coef.push(ok ? Array.from(fit.coef) : null);
    for (const t of treatments) {
      if (!ok) {
        out.welfare[t].push(null);
        continue;
      }
      const b = p.scenario.counterfactual!.shock.coefficient ?? fit.coef[p.ge!.regressorIndex];
      const ge = counterfactual(p, b, t);
      out.welfare[t].push(ge.status === 'converged' ? Array.from(ge.welfare) : null);
    }
  }
  return out;
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function band(values: number[], level: number): { interval: [number, number]; sd: number } {
  const s = [...values].sort((a, b) => a - b);
  const a = (1 - level) / 2;
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  const sd = Math.sqrt(s.reduce((x, y) => x + (y - mean) ** 2, 0) / Math.max(1, s.length - 1));
  return { interval: [quantile(s, a), quantile(s, 1 - a)], sd };
}

/** The `bands` section of a gravity result: intervals parallel to `estimates` and `ge`. */
export interface GravityBands {
  method: 'pairs bootstrap';
  replications: number;
  failed: number;
  seed: number;
  level: number;
  estimates: Record<string, { coef: [number, number]; se: number }>;
  ge?: { countries: Record<string, { welfare_factor: [number, number] }> } & Record<string, unknown>;
}

/**
 * Merges chunks (any order) and summarises them.
 *
 * @example
 * ```ts
 * const bands = summarizeBootstrap(prepared, [chunkA, chunkB], 1234, 0.95);
 * bands.estimates.eu_enlargement.coef; // [lo, hi]
 * ```
 */
export function summarizeBootstrap(
  p: GravityPrepared,
  chunks: BootstrapChunk[],
  seed: number,
  level: number,
): GravityBands {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const coef = sorted.flatMap((c) => c.coef);
  const okCoef = coef.filter((c): c is number[] => c !== null);
  const names = p.problem.names;
  const estimates: GravityBands['estimates'] = {};
  names.forEach((n, k) => {
    const b = band(
      okCoef.map((c) => c[k]),
      level,
    );
    estimates[n] = { coef: b.interval, se: b.sd };
  });
  const bands: GravityBands = {
    method: 'pairs bootstrap',
    replications: coef.length,
    failed: coef.length - okCoef.length,
    seed,
    level,
    estimates,
  };
  const treatments = p.scenario.counterfactual?.imbalances ?? [];
  if (p.ge && treatments.length > 0) {
    const section = (t: string) => {
      const rows = sorted.flatMap((c) => c.welfare[t]).filter((w): w is number[] => w !== null);
      const countries: Record<string, { welfare_factor: [number, number] }> = {};
      p.ge!.countries.forEach((c, i) => {
        countries[c] = {
          welfare_factor: band(
            rows.map((w) => w[i]),
            level,
          ).interval,
        };
      });
      return { countries };
    };
    const [first, ...rest] = treatments;
    bands.ge = { ...section(first), ...Object.fromEntries(rest.map((t) => [t, section(t)])) };
  }
  return bands;
}
