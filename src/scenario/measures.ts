/**
 * Measures of a timeline step besides the model's per-country results (issue 14): goods flows of
 * region pairs named as "EXPORTER->IMPORTER" (codes, dataset groups or "*" for everyone else),
 * trade-weighted average tariffs of an importer side on an exporter side ("USA<-*"), and tariff
 * revenue in dataset units. Flows are net of tariffs; goods are the dataset's `goods` group.
 */
import type { Dataset } from '../data/dataset.ts';
import type { GeRun } from '../model/ge/run.ts';
import { PolicyError } from '../policy/errors.ts';
import * as msg from '../spec/messages/scenario.ts';

export interface PairSides {
  key: string;
  from: number[];
  to: number[];
}

export function goodsIndices(d: Dataset): number[] {
  const g = d.manifest.sector_groups?.goods;
  return g ? g.map((c) => d.sectors.indexOf(c)) : d.sectors.map((_, j) => j);
}

function side(d: Dataset, code: string, other: number[] | undefined, path: (string | number)[]): number[] {
  if (code === '*') return d.regions.map((_, n) => n).filter((n) => !other?.includes(n));
  const i = d.regions.indexOf(code);
  if (i >= 0) return [i];
  const g = d.manifest.groups[code];
  if (g) return g.map((m) => d.regions.indexOf(m));
  throw new PolicyError(
    path,
    msg.regionCodeGroup(Object.keys(d.manifest.groups).join(', ') || 'none', d.manifest.id, code),
  );
}

/** Resolves "A->B" (flows from A to B) or "B<-A" (B's tariffs on A): `from` exports, `to` imports. */
export function resolvePair(d: Dataset, key: string, path: (string | number)[]): PairSides {
  const arrow = key.includes('->') ? '->' : '<-';
  const [l, r] = key.split(arrow);
  const [fromCode, toCode] = arrow === '->' ? [l, r] : [r, l];
  if (!fromCode || !toCode)
    throw new PolicyError(path, `expected "EXPORTER->IMPORTER" or "IMPORTER<-EXPORTER", found "${key}"`);
  if (fromCode === '*' && toCode === '*') throw new PolicyError(path, msg.mostOneSide(key));
  const fixed = fromCode === '*' ? side(d, toCode, undefined, path) : side(d, fromCode, undefined, path);
  const from = fromCode === '*' ? side(d, '*', fixed, path) : fixed;
  const to = toCode === '*' ? side(d, '*', from, path) : fromCode === '*' ? fixed : side(d, toCode, undefined, path);
  return { key, from, to };
}

/** Percent change of goods flows from `from` to `to` (pairs with exporter = importer skipped). */
export function pairFlowPct(d: Dataset, ge: GeRun, p: PairSides, goods: readonly number[]): number {
  const { N, J } = d;
  const b = ge.baseline,
    s = ge.solution,
    tau1 = ge.shock.tauNew;
  let a = 0,
    c = 0;
  for (const n of p.to)
    for (const i of p.from) {
      if (i === n) continue;
      for (const j of goods) {
        const q = (n * N + i) * J + j;
        a += (b.pi[q] / b.tau[q]) * b.X[n * J + j];
        c += (s.piNew[q] / tau1[q]) * s.X[n * J + j];
      }
    }
  return a > 0 ? 100 * (c / a - 1) : NaN;
}

/** Average tariff (percent) of `to` on goods from `from`, weighted by the dataset's baseline flows. */
export function pairAverageTariffPct(d: Dataset, tau: Float64Array, p: PairSides, goods: readonly number[]): number {
  const { N, J } = d;
  let w = 0,
    s = 0;
  for (const n of p.to)
    for (const i of p.from) {
      if (i === n) continue;
      for (const j of goods) {
        const q = (n * N + i) * J + j;
        w += d.flows[q];
        s += d.flows[q] * (tau[q] - 1);
      }
    }
  return w > 0 ? (100 * s) / w : NaN;
}

/** Tariff revenue of importer n in the solved equilibrium, dataset units (all sectors). */
export function tariffRevenue(d: Dataset, ge: GeRun, n: number): number {
  const { N, J } = d;
  const s = ge.solution,
    tau1 = ge.shock.tauNew;
  let rev = 0;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < J; j++) {
      const q = (n * N + i) * J + j;
      rev += (s.piNew[q] / tau1[q]) * s.X[n * J + j] * (tau1[q] - 1);
    }
  return rev;
}
