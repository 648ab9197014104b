/**
 * Inventories of critical inputs on a weekly clock (issue 12; docs/controls.md "Inventories").
 *
 * Users of sector k in region n hold a stock worth W_nk weeks of baseline use. Between dated steps
 * the clock (clock.ts) runs in weeks; the policy of a step is in force over its interval. Rules:
 * 1. The draw rate of a stocked cell is its shortage in the step's equilibrium without stocks,
 *    z_nk = max(0, 1 − X'/(P̂ X)) (weeks of use per week): users draw what the restriction denies them.
 * 2. While a cell's stock lasts, its users are served as before: the controls on flows into (n, k)
 *    do not bind there (the stock stands in for the missing deliveries). The equilibrium of each
 *    span between stock-outs is solved given which cells still hold stock (one solve per distinct
 *    set, cached); when a stock runs out, the next span is solved without it.
 * 3. Stocks carry over from step to step; no restocking while a control is in force (none is sourced).
 * So each span is an equilibrium given the stocks, the path is piecewise constant between
 * stock-outs, and time averages over a restriction are exact integrals of that path. Simplification
 * stated in the docs: in covered weeks the model books the covered deliveries as trade (China's
 * exports to a covered region are not cut in the model while in fact its users draw on stocks), and
 * the draw rate of a cell does not change when other cells run out.
 */
import type { Dataset } from '../data/dataset.ts';
import type { GeControls } from '../policy/controls.ts';
import { addDays, weeksBetween, type ClockInterval } from '../policy/clock.ts';
import type { InventoryPath, Measures } from '../contract/model.ts';

export type { InventoryPath, Measures } from '../contract/model.ts';
type InventorySpan = InventoryPath['spans'][number];
type StockOut = InventoryPath['stockouts'][number];

/** Stocked cells: region-sector `n*J + k` with W weeks of baseline use. */
export interface InventoryCells {
  cell: Int32Array;
  weeks: Float64Array;
}

/** The flows of `controls` into cells that are covered by stocks removed (the stock stands in for them). */
export function exemptCovered(controls: GeControls, covered: ReadonlySet<number>, N: number, J: number): GeControls {
  if (!covered.size) return controls;
  const keep: number[] = [];
  controls.flow.forEach((q, c) => {
    if (!covered.has(Math.floor(q / (N * J)) * J + (q % J))) keep.push(c);
  });
  return {
    flow: Int32Array.from(keep, (c) => controls.flow[c]),
    approval: Float64Array.from(keep, (c) => controls.approval[c]),
    rentsToExporter: Uint8Array.from(keep, (c) => controls.rentsToExporter[c]),
  };
}

export interface ClockSolver<S> {
  /** Solves `state` with the cells in `covered` drawing on stock. */
  solve(state: S, covered: ReadonlySet<number>, key: string): unknown;
  /** Shortage share (0..1) of each stocked cell in a solution. */
  shortage(solved: unknown, cell: number): number;
  measures(solved: unknown): Measures;
}

/** Runs the weekly inventory clock over `intervals` (dated steps) for stocked `cells`. */
export function runInventoryClock<S>(
  d: Dataset,
  cells: InventoryCells,
  spans: readonly ClockInterval<S>[],
  solver: ClockSolver<S>,
): InventoryPath {
  const { J } = d;
  const K = cells.cell.length;
  const stock = Float64Array.from(cells.weeks);
  const draw = new Float64Array(K);
  const outWeek = new Float64Array(K).fill(NaN);
  const start = spans[0].start,
    end = spans[spans.length - 1].end;
  const total = weeksBetween(start, end);
  const out: InventorySpan[] = [];
  const name = (q: number) => `${d.regions[Math.floor(q / J)]}:${d.sectors[q % J]}`;
  const maxDraw = new Float64Array(K);
  for (const iv of spans) {
    const t0 = weeksBetween(start, iv.start),
      t1 = weeksBetween(start, iv.end);
    const full = solver.solve(iv.state, new Set(), `${iv.index}|`);
    for (let c = 0; c < K; c++) {
      draw[c] = Math.max(0, solver.shortage(full, cells.cell[c]));
      maxDraw[c] = Math.max(maxDraw[c], draw[c]);
    }
    let t = t0;
    while (t < t1 - 1e-12) {
      const covered = new Set<number>();
      let dt = t1 - t;
      for (let c = 0; c < K; c++) {
        if (stock[c] > 1e-12 && draw[c] > 1e-9) {
          covered.add(cells.cell[c]);
          dt = Math.min(dt, stock[c] / draw[c]);
        }
      }
      const keyCells = [...covered].sort((a, b) => a - b);
      const solved = covered.size ? solver.solve(iv.state, covered, `${iv.index}|${keyCells.join(',')}`) : full;
      const te = t + dt;
      for (let c = 0; c < K; c++) {
        if (!covered.has(cells.cell[c])) continue;
        stock[c] = Math.max(0, stock[c] - draw[c] * dt);
        if (stock[c] <= 1e-12) {
          stock[c] = 0;
          outWeek[c] = te;
        }
      }
      out.push({
        from_week: t,
        to_week: te,
        from: addDays(start, 7 * t),
        to: addDays(start, 7 * te),
        covered: keyCells.map(name),
        measures: solver.measures(solved),
      });
      t = te;
    }
  }
  const average = averageOver(out, 0, total);
  const path: InventoryPath['path'] = [];
  for (let w = 0; w < total - 1e-12; w++) {
    const hi = Math.min(total, w + 1);
    const inWeek = out.filter((s) => s.to_week > w && s.from_week < hi);
    path.push({
      week: w,
      date: addDays(start, 7 * w),
      covered: Math.max(0, ...inWeek.map((s) => s.covered.length)),
      measures: averageOver(inWeek, w, hi),
    });
  }
  const stockouts: StockOut[] = Array.from(cells.cell, (q, c) => ({
    region: d.regions[Math.floor(q / J)],
    sector: d.sectors[q % J],
    weeks_of_stock: cells.weeks[c],
    draw_pct_per_week: 100 * maxDraw[c],
    week: Number.isNaN(outWeek[c]) ? null : outWeek[c],
    date: Number.isNaN(outWeek[c]) ? null : addDays(start, 7 * outWeek[c]),
  }));
  return { start, end, weeks: total, spans: out, path, stockouts, average };
}

/** Time average of the spans' measures over [a, b). */
function averageOver(spans: readonly InventorySpan[], a: number, b: number): Measures {
  const acc: Measures = {};
  const len = b - a;
  for (const s of spans) {
    const w = (Math.min(b, s.to_week) - Math.max(a, s.from_week)) / len;
    if (!(w > 0)) continue;
    for (const [r, m] of Object.entries(s.measures)) {
      acc[r] ??= {};
      const row = acc[r];
      for (const [k, v] of Object.entries(m)) row[k] = (row[k] ?? 0) + w * v;
    }
  }
  return acc;
}
