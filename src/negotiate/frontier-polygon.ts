/**
 * Solution concepts on a continuous, piecewise-linear Pareto frontier
 * (a polyline through frontier vertices, e.g. the frontier of lotteries or
 * a frontier drawn from a coarse grid of a continuous domain).
 *
 * - Nash: on each segment P + s(Q − P) the product (x − dA)(y − dB) is a
 *   quadratic in s, maximised in closed form and clipped to [0, 1];
 * - Kalai–Smorodinsky: intersection of the ray from d toward the ideal point
 *   I = (max x, max y) with the polyline, farthest along the ray;
 * - egalitarian: the same with the 45° ray d + λ(1, 1);
 * - utilitarian: a linear objective, so its maximum is at a vertex.
 */
import type { UtilityPair } from './solutions.ts';
import { idealPoint } from './solutions.ts';
import * as msg from '../spec/messages/negotiate.ts';

/** A point on the polyline: coordinates, segment index and position s ∈ [0, 1] on it. */
export interface PolylinePoint {
  readonly point: UtilityPair;
  readonly segment: number;
  readonly s: number;
}

function checkVertices(vertices: readonly UtilityPair[]): void {
  if (vertices.length === 0) throw new RangeError(msg.leastOneFrontier());
}

function at(v: readonly UtilityPair[], seg: number, s: number): UtilityPair {
  const p = v[seg];
  const q = v[Math.min(seg + 1, v.length - 1)];
  return [p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])];
}

/**
 * Nash bargaining point on a piecewise-linear frontier, or null when no point gives both parties a gain ≥ 0.
 *
 * @example
 * ```ts
 * nashOnPolyline([[0, 2], [1, 1.5], [2, 0]], [0, 0])?.point; // [1, 1.5]
 * ```
 */
export function nashOnPolyline(vertices: readonly UtilityPair[], d: UtilityPair = [0, 0]): PolylinePoint | null {
  checkVertices(vertices);
  let best: PolylinePoint | null = null;
  let bestVal = -Infinity;
  const consider = (seg: number, s: number): void => {
    const p = at(vertices, seg, s);
    const ga = p[0] - d[0];
    const gb = p[1] - d[1];
    if (ga < 0 || gb < 0) return;
    const val = ga * gb;
    if (val > bestVal + 1e-15) {
      bestVal = val;
      best = { point: p, segment: seg, s };
    }
  };
  const segs = Math.max(1, vertices.length - 1);
  for (let seg = 0; seg < segs; seg++) {
    consider(seg, 0);
    consider(seg, 1);
    const p = vertices[seg];
    const q = vertices[Math.min(seg + 1, vertices.length - 1)];
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    // f(s) = (a + s·dx)(b + s·dy); f'(s) = 0 at s* when the quadratic is concave (dx·dy < 0).
    if (dx * dy < 0) {
      const a = p[0] - d[0];
      const b = p[1] - d[1];
      const s = -(dx * b + dy * a) / (2 * dx * dy);
      if (s > 0 && s < 1) consider(seg, s);
    }
  }
  return best;
}

/**
 * Farthest intersection of the ray d + λ·r (λ ≥ 0) with the polyline, or null.
 */
function rayOnPolyline(vertices: readonly UtilityPair[], d: UtilityPair, r: UtilityPair): PolylinePoint | null {
  checkVertices(vertices);
  let best: PolylinePoint | null = null;
  let bestLambda = -Infinity;
  if (vertices.length === 1) {
    const p = vertices[0];
    const cross = (p[0] - d[0]) * r[1] - (p[1] - d[1]) * r[0];
    const lambda = (p[0] - d[0]) * r[0] + (p[1] - d[1]) * r[1];
    return Math.abs(cross) < 1e-12 && lambda >= 0 ? { point: p, segment: 0, s: 0 } : null;
  }
  for (let seg = 0; seg + 1 < vertices.length; seg++) {
    const p = vertices[seg];
    const e: UtilityPair = [vertices[seg + 1][0] - p[0], vertices[seg + 1][1] - p[1]];
    // Solve p + s·e = d + λ·r by Cramer's rule: s·e − λ·r = d − p.
    const det = -e[0] * r[1] + e[1] * r[0];
    if (Math.abs(det) < 1e-15) continue; // parallel: no single crossing
    const wx = d[0] - p[0];
    const wy = d[1] - p[1];
    const s = (-wx * r[1] + wy * r[0]) / det;
    const lambda = (e[0] * wy - e[1] * wx) / det;
    if (s < -1e-12 || s > 1 + 1e-12 || lambda < 0) continue;
    if (lambda > bestLambda) {
      bestLambda = lambda;
      const sc = Math.min(1, Math.max(0, s));
      best = { point: at(vertices, seg, sc), segment: seg, s: sc };
    }
  }
  return best;
}

/**
 * Kalai–Smorodinsky point on a piecewise-linear frontier: equal proportional
 * gains toward the ideal point, relative to disagreement.
 *
 * @example
 * ```ts
 * kalaiSmorodinskyOnPolyline([[0, 2], [1, 1.5], [2, 0]], [0, 0])?.point; // [1.2, 1.2]
 * ```
 */
export function kalaiSmorodinskyOnPolyline(
  vertices: readonly UtilityPair[],
  d: UtilityPair = [0, 0],
): PolylinePoint | null {
  const ideal = idealPoint(vertices);
  return rayOnPolyline(vertices, d, [ideal[0] - d[0], ideal[1] - d[1]]);
}

/** Egalitarian point on a piecewise-linear frontier: equal absolute gains. */
export function egalitarianOnPolyline(vertices: readonly UtilityPair[], d: UtilityPair = [0, 0]): PolylinePoint | null {
  return rayOnPolyline(vertices, d, [1, 1]);
}

/** Utilitarian point on a piecewise-linear frontier (a vertex maximising uA + uB). */
export function utilitarianOnPolyline(vertices: readonly UtilityPair[]): PolylinePoint {
  checkVertices(vertices);
  let arg = 0;
  for (let k = 1; k < vertices.length; k++) {
    if (vertices[k][0] + vertices[k][1] > vertices[arg][0] + vertices[arg][1]) arg = k;
  }
  const seg = Math.min(arg, Math.max(0, vertices.length - 2));
  return { point: vertices[arg], segment: seg, s: arg > seg ? 1 : 0 };
}
