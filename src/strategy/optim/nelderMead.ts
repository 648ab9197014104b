/**
 * Nelder–Mead with bounds: the standard simplex moves (reflection 1, expansion 2, contraction
 * ½, shrink ½; Lagarias et al. 1998) with every trial point clamped into the box. Derivative-free,
 * so it tolerates kinks (e.g. in the equal-gains objective). Stops when every vertex lies within
 * `xtol` of the best and their values within 1e-10, or at the evaluation budget. The result is
 * the best vertex, never worse than the start.
 */
import { Budget, clampInto, type BoxProblem, type OptimizeOptions, type OptimizeResult } from './types.ts';

/** The start (clamped into the box) and one vertex a step of 0.1 (at most a tenth of the box) along each axis. */
function initialSimplex(x0: Float64Array, lo: Float64Array, hi: Float64Array): Float64Array[] {
  const start = clampInto(Float64Array.from(x0), lo, hi);
  const simplex: Float64Array[] = [start];
  for (let i = 0; i < x0.length; i++) {
    const v = Float64Array.from(start);
    const step = Math.min(0.1, 0.1 * (hi[i] - lo[i])) || 0.05;
    v[i] = v[i] + step <= hi[i] ? v[i] + step : v[i] - step;
    simplex.push(clampInto(v, lo, hi));
  }
  return simplex;
}

/** A simplex of n + 1 vertices and their values of φ = −f (minimised), best first after `order`. */
class Simplex {
  constructor(
    public vertices: Float64Array[],
    public phi: number[],
  ) {}

  /** Sorts the vertices by value, best first. */
  order(): void {
    const idx = this.vertices.map((_, k) => k).sort((a, c) => this.phi[a] - this.phi[c]);
    const s2 = idx.map((k) => this.vertices[k]),
      f2 = idx.map((k) => this.phi[k]);
    this.vertices.splice(0, this.vertices.length, ...s2);
    this.phi = f2;
  }

  /** The largest distance of a vertex from the best, coordinate by coordinate. */
  size(): number {
    const v = this.vertices;
    const n = v.length - 1;
    let size = 0;
    for (let k = 1; k <= n; k++) for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(v[k][i] - v[0][i]));
    return size;
  }

  /** The centroid of every vertex but the worst. */
  centroid(): Float64Array {
    const n = this.vertices.length - 1;
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) c[i] += this.vertices[k][i] / n;
    return c;
  }

  /** Replaces the worst vertex. */
  replaceWorst(x: Float64Array, f: number): void {
    const n = this.vertices.length - 1;
    this.vertices[n] = x;
    this.phi[n] = f;
  }
}

/**
 * One move of the worst vertex along the line through the centroid `c`: reflection, expansion,
 * outside or inside contraction. False when none is accepted (the caller shrinks).
 */
async function moveWorst(
  s: Simplex,
  c: Float64Array,
  b: Budget,
  at: (c: Float64Array, t: number) => Float64Array,
): Promise<boolean> {
  const { phi } = s;
  const n = phi.length - 1;
  const value = async (x: Float64Array) => (await b.eval([x])).map((f) => -f)[0];
  const xr = at(c, -1);
  const fr = await value(xr);
  if (fr < phi[0]) {
    const xe = at(c, -2);
    const fe = await value(xe);
    if (fe < fr) s.replaceWorst(xe, fe);
    else s.replaceWorst(xr, fr);
    return true;
  }
  if (fr < phi[n - 1]) {
    s.replaceWorst(xr, fr);
    return true;
  }
  const outside = fr < phi[n];
  const xc = at(c, outside ? -0.5 : 0.5);
  const fc = await value(xc);
  if (fc < (outside ? fr : phi[n])) {
    s.replaceWorst(xc, fc);
    return true;
  }
  return false;
}

/** Shrinks every vertex halfway towards the best one (one parallel batch). */
async function shrink(s: Simplex, b: Budget, lo: Float64Array, hi: Float64Array): Promise<void> {
  const v = s.vertices;
  const shrunk = v.slice(1).map((x) =>
    clampInto(
      x.map((y, i) => v[0][i] + 0.5 * (y - v[0][i])),
      lo,
      hi,
    ),
  );
  const fs = (await b.eval(shrunk)).map((f) => -f);
  for (let k = 1; k < v.length; k++) {
    v[k] = shrunk[k - 1];
    s.phi[k] = fs[k - 1];
  }
}

/**
 * Maximises `p` from `x0`.
 *
 * @example
 * const r = await nelderMead(problem, Float64Array.of(0.1, 0.1), { xtol: 1e-6, maxEvaluations: 3000, gridStep: 0.01 });
 */
export async function nelderMead(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const n = x0.length;
  const { lo, hi } = p;
  const b = new Budget(p, o.maxEvaluations);
  const vertices = initialSimplex(x0, lo, hi);
  const s = new Simplex(
    vertices,
    (await b.eval(vertices)).map((f) => -f),
  );
  const at = (c: Float64Array, t: number) =>
    clampInto(
      c.map((v, i) => v + t * (s.vertices[n][i] - v)),
      lo,
      hi,
    );
  let it = 0;
  const result = (converged: boolean, message: string): OptimizeResult => ({
    x: s.vertices[0],
    f: -s.phi[0],
    evaluations: b.used,
    iterations: it,
    converged,
    message,
    method: 'nelder-mead',
  });
  for (; ; it++) {
    s.order();
    const size = s.size();
    if (s.phi[0] === Infinity) return result(false, 'the model did not solve at any vertex');
    if (size <= o.xtol && s.phi[n] - s.phi[0] <= 1e-10)
      return result(true, `simplex within ${o.xtol} and values within 1e-10`);
    if (b.left < n + 2) return result(false, `evaluation budget of ${o.maxEvaluations} exhausted`);
    if (!(await moveWorst(s, s.centroid(), b, at))) await shrink(s, b, lo, hi);
  }
}
