/**
 * Field-by-field comparison of two results. Prints one line per moved field, ready to paste
 * into the commit message of a golden re-record.
 */

export interface Moved {
  path: string;
  before: unknown;
  after: unknown;
  /** |after - before| for numbers; undefined for added, removed or non-numeric changes. */
  delta?: number;
}

/** Every field where `after` differs from `before`: numbers by more than `tol`, anything else when unequal. */
export function diffValues(before: unknown, after: unknown, tol: number, path = ''): Moved[] {
  if (typeof before === 'number' && typeof after === 'number') {
    if (Object.is(before, after)) return [];
    const delta = Math.abs(after - before);
    return delta <= tol ? [] : [{ path, before, after, delta }]; // NaN deltas count as moved
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Moved[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= before.length) out.push({ path: p, before: undefined, after: after[i] });
      else if (i >= after.length) out.push({ path: p, before: before[i], after: undefined });
      else out.push(...diffValues(before[i], after[i], tol, p));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: Moved[] = [];
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) out.push({ path: p, before: undefined, after: after[k] });
      else if (!(k in after)) out.push({ path: p, before: before[k], after: undefined });
      else out.push(...diffValues(before[k], after[k], tol, p));
    }
    return out;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One line per moved field: `golden: path before -> after (delta)`. */
export function formatMoved(golden: string, moved: Moved[]): string[] {
  return moved.map((m) => {
    const d = m.delta === undefined ? '' : ` (Δ ${m.delta.toExponential(2)})`;
    return `${golden}: ${m.path} ${show(m.before)} -> ${show(m.after)}${d}`;
  });
}

/**
 * Tolerance the golden test allows: two units of the rounding (1e-9 absolute, 12 significant
 * digits above 1e3), so a value sitting on a rounding edge does not flip the test.
 */
export function withinRounding(before: unknown, after: unknown): Moved[] {
  return diffValues(before, after, 0).filter((m) => {
    if (typeof m.before !== 'number' || typeof m.after !== 'number') return true;
    return Math.abs(m.after - m.before) > 2e-9 + 2e-12 * Math.abs(m.before);
  });
}
