/**
 * The calendar of a timeline: dates as day numbers (days since 1970-01-01, UTC) and grids of
 * periods (months, weeks) between dated steps. Shared by everything that runs in time between the
 * equilibria of dated steps (partial adjustment of trade, stocks); kernels take the day numbers as
 * typed arrays and never parse dates in their loops.
 */
import * as msg from '../spec/messages/policy.ts';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date (YYYY-MM-DD); throws RangeError for anything else. */
export function dayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(msg.dateYyyyMm(iso));
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** ISO date of a day number. */
function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Periods [start, end) in day numbers, with labels. */
export interface PeriodGrid {
  labels: string[];
  start: Int32Array;
  end: Int32Array;
}

/** Calendar months from the month of `from` to the month of `to`, inclusive; labels YYYY-MM. */
export function months(from: string, to: string): PeriodGrid {
  const [y0, m0] = from.split('-').map(Number);
  const [y1, m1] = to.split('-').map(Number);
  const count = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (!(count > 0)) throw new RangeError(msg.onOrBefore(from, to));
  const g: PeriodGrid = { labels: [], start: new Int32Array(count), end: new Int32Array(count) };
  for (let k = 0; k < count; k++) {
    const y = y0 + Math.floor((m0 - 1 + k) / 12),
      m = ((m0 - 1 + k) % 12) + 1;
    g.labels.push(`${y}-${String(m).padStart(2, '0')}`);
    g.start[k] = Math.round(Date.UTC(y, m - 1, 1) / DAY_MS);
    g.end[k] = Math.round(Date.UTC(y, m, 1) / DAY_MS);
  }
  return g;
}

/** Periods of `every` days from `from` until `to` is covered (the last one may end after `to`). */
export function ticks(from: string, to: string, every: number): PeriodGrid {
  const a = dayNumber(from),
    b = dayNumber(to);
  const count = Math.max(1, Math.ceil((b - a + 1) / every));
  const g: PeriodGrid = { labels: [], start: new Int32Array(count), end: new Int32Array(count) };
  for (let k = 0; k < count; k++) {
    g.start[k] = a + k * every;
    g.end[k] = a + (k + 1) * every;
    g.labels.push(isoDate(g.start[k]));
  }
  return g;
}

/** Index of the step in force on `day` (the last with stepDay ≤ day), or −1 before the first. */
export function stepInForce(stepDay: Int32Array, day: number): number {
  let lo = 0,
    hi = stepDay.length - 1,
    hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (stepDay[mid] <= day) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit;
}

/** The ISO date `days` (floored to whole days) after `date`. */
export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + Math.floor(days));
}

/** Weeks from `a` to `b` (fractional; negative when b is earlier). */
export function weeksBetween(a: string, b: string): number {
  return (dayNumber(b) - dayNumber(a)) / 7;
}

/** The span [start, end) a dated step's policy is in force: until the next step, the last until `end`. */
export interface ClockInterval<S> {
  start: string;
  end: string;
  state: S;
  /** Position of the step in the input list. */
  index: number;
}

/**
 * Intervals of dated `steps` (in date order) up to `end`; steps on or after `end` are dropped. The
 * inventory clock (inventory.ts) runs its weeks over these.
 *
 * @example
 * intervals([{ date: '2025-04-04', state: a }, { date: '2025-06-27', state: b }], '2025-12-31');
 * // [{ start: '2025-04-04', end: '2025-06-27', state: a, index: 0 },
 * //  { start: '2025-06-27', end: '2025-12-31', state: b, index: 1 }]
 */
export function intervals<S>(steps: readonly { date: string; state: S }[], end: string): ClockInterval<S>[] {
  const out: ClockInterval<S>[] = [];
  steps.forEach((s, k) => {
    if (k > 0 && s.date < steps[k - 1].date) throw new RangeError(msg.stepsInDateOrder(s.date, steps[k - 1].date));
    const next = k + 1 < steps.length ? steps[k + 1].date : end;
    const stop = next < end ? next : end;
    if (s.date < stop) out.push({ start: s.date, end: stop, state: s.state, index: k });
  });
  return out;
}
