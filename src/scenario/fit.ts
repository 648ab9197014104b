/**
 * `lancaster fit` (issue 14): the within-a-year trade elasticity, estimated from China's observed
 * monthly exports to the US in the first half of 2025 and tested on the second half.
 *
 * The long-run equilibria are the dataset's (Caliendo–Parro θ); only the speed of partial
 * adjustment is free. It is parametrised by ρ, the share of the long-run response reached twelve
 * months after a change, so the within-a-year elasticity level is ε₁ = ρ·θ̄ with θ̄ the
 * trade-weighted θ of US imports from China. Error model: for each month m,
 *     ln(1 + obs_m) = ln(1 + model_m(ρ)) + e_m,   e_m iid N(0, σ²),
 * estimated by least squares (golden section on ρ after a grid); σ̂² = SSR / (n − 1); the standard
 * error of ρ from the Gauss–Newton curvature, σ̂ / √Σ(∂ ln(1+model_m)/∂ρ)²; the 95% interval with
 * Student's t on n − 1 degrees of freedom. With three months (April–June, every sourced month of
 * the first half; January–March are not sourced month by month) the interval is wide, and the
 * error model ignores what the model leaves out (front-loading, transshipment, demand), which sits
 * in e_m and is not independent across months: read σ̂ as a floor.
 */
import type { TimelineRun } from './runTimeline.ts';
import type { Dataset } from '../data/dataset.ts';
import { pathOver } from './replay.ts';
import { months } from '../policy/clock.ts';
import { adjustmentMonths, BLP_LONG_RUN, BLP_SHORT_RUN } from '../model/dynamics/adjust.ts';
import { OBSERVED_CHN_USA_MONTHLY, type ObservedPoint } from '../data/observed.ts';
import { goodsIndices } from './measures.ts';
import * as msg from '../spec/messages/scenario.ts';
import type { FitResult, FitRow } from '../contract/report.ts';

export type { FitResult } from '../contract/report.ts';

/** Student's t quantile 0.975 for 1–10 degrees of freedom. */
const T975 = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/** Trade-weighted θ of importer `to` on goods from `from` (dataset flows as weights). */
export function tradeWeightedTheta(d: Dataset, to: string, from: string): number {
  const { N, J } = d;
  const n = d.regions.indexOf(to),
    i = d.regions.indexOf(from);
  let w = 0,
    s = 0;
  for (const j of goodsIndices(d)) {
    const f = d.flows[(n * N + i) * J + j];
    w += f;
    s += f * d.theta[j];
  }
  return s / w;
}

function modelAt(run: TimelineRun, pair: string, obs: ObservedPoint[], ratio: number): number[] {
  const grid = months(obs[0].window[0], obs[obs.length - 1].window[1]);
  const path = pathOver(run, [], grid, adjustmentMonths(ratio));
  return obs.map((o) => path.find((p) => p.period === o.period)!.trade[pair]);
}

const rmse = (e: number[]) => Math.sqrt(e.reduce((s, x) => s + x * x, 0) / e.length);
const mean = (e: number[]) => e.reduce((s, x) => s + x, 0) / e.length;

/** The ρ in (0, 1) of least `ssr`: a coarse grid of step 0.02, then golden section around its best point to 1e-7. */
function minimiseRatio(ssr: (r: number) => number): number {
  let best = 0.02,
    bestV = Infinity;
  for (let r = 0.02; r < 0.99; r += 0.02) {
    const v = ssr(r);
    if (v < bestV) {
      bestV = v;
      best = r;
    }
  }
  let a = Math.max(0.005, best - 0.02),
    b = Math.min(0.995, best + 0.02);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a),
    e = a + g * (b - a),
    fc = ssr(c),
    fe = ssr(e);
  while (b - a > 1e-7) {
    if (fc < fe) {
      b = e;
      e = c;
      fe = fc;
      c = b - g * (b - a);
      fc = ssr(c);
    } else {
      a = c;
      c = e;
      fc = fe;
      e = a + g * (b - a);
      fe = ssr(e);
    }
  }
  return (a + b) / 2;
}

/**
 * The standard error of ρ from the Gauss–Newton curvature: σ̂ / √Σ(∂ ln(1+model_m)/∂ρ)², central
 * differences of 1e-4.
 */
function ratioStandardError(run: TimelineRun, pair: string, inS: ObservedPoint[], rho: number, sigma: number): number {
  const n = inS.length;
  const h = 1e-4;
  const up = modelAt(run, pair, inS, Math.min(rho + h, 0.9999)),
    dn = modelAt(run, pair, inS, Math.max(rho - h, 1e-4));
  let jj = 0;
  for (let k = 0; k < n; k++) jj += ((Math.log1p(up[k] / 100) - Math.log1p(dn[k] / 100)) / (2 * h)) ** 2;
  return sigma / Math.sqrt(jj);
}

/**
 * Fits ρ on the observed months up to `lastFitted` (YYYY-MM) and predicts the rest. `run` must be
 * the long-run timeline run (dataset θ) with the pair among its `trade` keys.
 */
export function fitWithinYear(
  run: TimelineRun,
  d: Dataset,
  lastFitted = '2025-06',
  pair = 'CHN->USA',
  observed = OBSERVED_CHN_USA_MONTHLY,
): FitResult {
  if (!run.steps[0]?.trade || !(pair in run.steps[0].trade)) throw new Error(msg.runReportFlow(pair));
  const inS = observed.filter((o) => o.period <= lastFitted),
    outS = observed.filter((o) => o.period > lastFitted);
  if (inS.length < 2) throw new Error(msg.leastObservedMonths(lastFitted, inS.length));
  const y = inS.map((o) => Math.log1p(o.pct / 100));
  const ssr = (r: number) => modelAt(run, pair, inS, r).reduce((s, m, k) => s + (Math.log1p(m / 100) - y[k]) ** 2, 0);
  const rho = minimiseRatio(ssr);
  const n = inS.length;
  const sigma = Math.sqrt(ssr(rho) / (n - 1));
  const se = ratioStandardError(run, pair, inS, rho, sigma);
  const t = T975[Math.min(n - 1, 10)];
  const ci: [number, number] = [Math.max(rho - t * se, 0), Math.min(rho + t * se, 1)];
  const theta = tradeWeightedTheta(d, pair.split('->')[1], pair.split('->')[0]);
  const blp = BLP_SHORT_RUN / BLP_LONG_RUN;
  const fitted = modelAt(run, pair, observed, rho),
    unfitted = modelAt(run, pair, observed, blp);
  const rows: FitRow[] = observed.map((o, k) => ({
    period: o.period,
    observed: o.pct,
    fitted_model: fitted[k],
    unfitted_model: unfitted[k],
    role: o.period <= lastFitted ? 'fitted' : 'predicted',
  }));
  const errs = (which: 'fitted_model' | 'unfitted_model', role: FitRow['role']) =>
    rows.filter((r) => r.role === role).map((r) => r[which] - r.observed);
  return {
    pair,
    theta_long_run: theta,
    unfitted: {
      ratio: blp,
      elasticity: blp * theta,
      months: adjustmentMonths(blp),
      source: 'Boehm, Levchenko & Pandalai-Nayar (2023): 0.76 within a year / ≈2 long run (critical-supply-2025 §8)',
    },
    fitted: {
      ratio: rho,
      elasticity: rho * theta,
      months: adjustmentMonths(rho),
      se_ratio: se,
      ci95_ratio: ci,
      ci95_elasticity: [ci[0] * theta, ci[1] * theta],
      sigma,
      points: n,
    },
    rows,
    out_of_sample: {
      fitted: { rmse: rmse(errs('fitted_model', 'predicted')), mean_error: mean(errs('fitted_model', 'predicted')) },
      unfitted: {
        rmse: rmse(errs('unfitted_model', 'predicted')),
        mean_error: mean(errs('unfitted_model', 'predicted')),
      },
      points: outS.length,
    },
    in_sample: {
      fitted_rmse: rmse(errs('fitted_model', 'fitted')),
      unfitted_rmse: rmse(errs('unfitted_model', 'fitted')),
    },
    error_model:
      `ln(1 + observed) = ln(1 + model(ρ)) + e, e iid N(0, σ²); least squares on ${n} months ` +
      `(${inS.map((o) => o.period).join(', ')}); σ̂² = SSR/(n−1); 95% interval with ` +
      `t(${n - 1}); months after ${lastFitted} predicted, never fitted`,
  };
}
