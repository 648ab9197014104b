import { describe, expect, it } from 'vitest';
import { bandsHtml, bandsText, fanFigures, reportBands, sectorBand } from './bands.ts';
import type { SweepResult } from '../sweep/run.ts';

const band = (c: number, w: number) => ({ p5: c - w, p50: c, p95: c + w });
/** A one-point sweep whose steps carry the measures of a timeline draw (src/scenario/reported.ts). */
function sweep(horizon: number): SweepResult {
  const step = (k: number) => ({
    countries: {
      USA: {
        welfare_pct: band(-0.1 * k * horizon, 0.05),
        real_gdp_pct: band(-0.2 * k, 0.1),
        real_wage_pct: band(0, 0),
        prices_pct: band(1, 0.2),
      },
      CHN: { welfare_pct: band(-0.3 * k * horizon, 0.1) },
    },
    bilateral_exports_pct: { CHN: { USA: band(-20 * k * horizon, 5) } },
    trade: { '*->USA': band(-3, 1) },
    ...(k === 1
      ? { sectors: { CHN: { SEMI: { output_pct: band(-4 * horizon, 1), output_before: band(10, 0) } } } }
      : {}),
  });
  return {
    name: 's',
    scenario: 'x.yaml',
    seed: 7,
    draws: 10,
    status: 'complete',
    executor: 'threads ×2',
    seconds: 3,
    priors: [
      {
        id: 'trade_elasticity',
        what: 'θ',
        distribution: 'log-normal, median 1, σ(log) 0.25',
        source: 'CP 2015; BLP 2023',
        why: 'judgment',
        drawn: band(1, 0.4),
      },
    ],
    samples: [],
    provenance: {} as SweepResult['provenance'],
    points: [
      {
        grid: {},
        result: null,
        bands: { steps: [step(0), step(1)] },
        draws: { requested: 10, used: horizon === 1 ? 10 : 9, not_converged: horizon === 1 ? [] : [4], failed: [] },
      },
    ],
  };
}

const hstep = (k: number, scale: number) => ({
  countries: {
    USA: { welfare_pct: -0.1 * k * scale, real_gdp_pct: -0.2 * k },
    CHN: { welfare_pct: -0.3 * k * scale, real_gdp_pct: 0 },
  },
  trade: { 'CHN->USA': -20 * k * scale },
});
const report = {
  countries: ['USA', 'CHN'],
  steps: [0, 1].map((k) => ({
    date: `2025-0${k + 1}-01`,
    label: `step ${k}`,
    by_horizon: { 'long-run': hstep(k, 1), 'short-run': hstep(k, 0.4) },
  })),
};

describe('the bands of a lancaster run report', () => {
  it('sit parallel to the report steps, each measure with its short-run and long-run band', () => {
    const b = reportBands(report.countries, { short: sweep(0.4), long: sweep(1) });
    expect(b.steps).toHaveLength(2);
    expect(b.steps[1].countries.USA.welfare_pct).toEqual(band(-0.1, 0.05)); // the step's own fields: the long run
    expect(b.steps[1].by_horizon['long-run'].countries.USA.welfare_pct).toEqual(band(-0.1, 0.05));
    expect(b.steps[1].by_horizon['short-run'].countries.USA.welfare_pct.p50).toBeCloseTo(-0.04, 12);
    expect(b.steps[1].trade['CHN->USA']).toEqual(band(-20, 5));
    expect(b.steps[1].by_horizon['short-run'].trade['*->USA']).toEqual(band(-3, 1));
    expect(b.steps[0].countries.USA.prices_pct).toEqual(band(1, 0.2));
    expect(b.steps[0].countries.CHN).not.toHaveProperty('real_gdp_pct'); // no band where the draws give no measure
    expect(b).toMatchObject({
      draws: 10,
      seed: 7,
      used: { short: 9, long: 10 },
      not_converged: { short: [4], long: [] },
    });
  });

  it('print the final state as central [p5, p95] and say how many draws were left out', () => {
    const t = bandsText({ ...report, bands: reportBands(report.countries, { short: sweep(0.4), long: sweep(1) }) });
    expect(t).toMatch(/Uncertainty: 10 draws .*seed 7.*used 9 short-run, 10 long-run/);
    expect(t).toMatch(/trade_elasticity: log-normal/);
    expect(t).toMatch(/^USA\s+-0\.04 \[-0\.09, \+0\.01\]\s+-0\.10 \[-0\.15, -0\.05\]/m);
    expect(t).toMatch(/exports CHN→USA\s+-8\.00 \[-13\.00, -3\.00\]\s+-20\.00 \[-25\.00, -15\.00\]/);
    expect(t).toMatch(/Left out of the bands: 1 draw\(s\) not converged, 0 failed/);
    expect(bandsText(report)).toBe('');
  });

  it('draw fan charts of trade and of welfare, each horizon its own chart, and say what was drawn', () => {
    const r = { ...report, bands: reportBands(report.countries, { short: sweep(0.4), long: sweep(1) }) };
    const trade = fanFigures(r, 'trade'),
      welfare = fanFigures(r, 'welfare');
    expect(trade.match(/<svg /g)).toHaveLength(2);
    expect(welfare.match(/<svg /g)).toHaveLength(2);
    expect(welfare).toMatch(/Welfare \(real income\), % change, short run/);
    expect(welfare).toMatch(/USA: 5–95% of the draws/);
    expect(trade).toMatch(/CHN → USA: median of the draws/);
    const h = bandsHtml(r);
    expect(h).toMatch(/<section id="uncertainty">/);
    expect(h).toMatch(/9 short-run and 10 long-run draws used, 1 left out/);
    expect(h).toMatch(/trade_elasticity: log-normal/);
    expect(bandsHtml(report)).toBe('');
    expect(fanFigures(report, 'trade')).toBe('');
  });

  it("band the output of each sector at the report's sector steps, in each horizon", () => {
    const r = { ...report, bands: reportBands(report.countries, { short: sweep(0.4), long: sweep(1) }) };
    expect(sectorBand(r, { date: '2025-02-01', label: 'step 1' }, 'long-run', 'CHN', 'SEMI')).toEqual(band(-4, 1));
    expect(sectorBand(r, { date: '2025-02-01', label: 'step 1' }, 'short-run', 'CHN', 'SEMI')?.p50).toBeCloseTo(
      -1.6,
      12,
    );
    expect(r.bands.steps[1].sectors?.CHN).not.toHaveProperty('SEMI.output_before'); // output only: what the bars show
    expect(sectorBand(r, { date: '2025-01-01', label: 'step 0' }, 'long-run', 'CHN', 'SEMI')).toBeUndefined();
    expect(sectorBand(r, { date: '2025-03-01', label: 'no such step' }, 'long-run', 'CHN', 'SEMI')).toBeUndefined();
  });

  it('band the monthly path month by month and draw the long-run fans on it, the short run by step', () => {
    // The long-run draws carry a path of three months; the report's own path has the same periods.
    const month = (k: number) => ({
      countries: { USA: { real_income_pct: band(-0.05 * k, 0.02) }, CHN: { real_income_pct: band(-0.2 * k, 0.05) } },
      trade: { 'CHN->USA': band(-10 * k, 3), 'USA->CHN': band(-6 * k, 2) },
    });
    const periods = ['2025-01', '2025-02', '2025-03'];
    const long = sweep(1);
    // Only the periods the bands are matched by: a partial result, as the functions read it.
    long.points[0].result = {
      path: periods.map((period) => ({ period })),
    } as unknown as SweepResult['points'][0]['result'];
    (long.points[0].bands as { path?: unknown[] }).path = periods.map((_, k) => month(k));
    const b = reportBands(report.countries, { short: sweep(0.4), long });
    expect(b.path?.map((m) => m.period)).toEqual(periods);
    expect(b.path?.[2].trade['CHN->USA']).toEqual(band(-20, 3));
    expect(b.path?.[1].countries.USA.real_income_pct).toEqual(band(-0.05, 0.02));
    const adjusted = periods.map((period, k) => ({
      period,
      countries: { USA: { real_income_pct: -0.05 * k }, CHN: { real_income_pct: -0.2 * k } },
      trade: { 'CHN->USA': -10 * k, 'USA->CHN': -6 * k },
    }));
    const r = { ...report, paths: { adjusted }, bands: b };
    const trade = fanFigures(r, 'trade');
    expect(trade).toMatch(/Goods trade, % change, short run by step/);
    expect(trade).toMatch(/long run by month: central, median, 5–95% of 10 draws/);
    // One tooltip per banded month on the long-run chart (three months, two directions), one per step on the short run (one direction).
    expect(trade).toMatch(/CHN → USA, 2025-03 \(monthly mean\): -20\.00 \(5–95%: -23\.00 to -17\.00\)/);
    expect(trade.match(/, 2025-0\d-01: /g)).toHaveLength(2);
    expect(trade.match(/, 2025-0\d \(monthly mean\): /g)).toHaveLength(3 * 2);
    expect(fanFigures(r, 'welfare')).toMatch(/USA, 2025-02 \(monthly mean\): -0\.05 \(5–95%: -0\.07 to -0\.03\)/);
    // Without a path in the bands the long run stays on the steps.
    expect(
      fanFigures({ ...r, bands: reportBands(report.countries, { short: sweep(0.4), long: sweep(1) }) }, 'trade'),
    ).toMatch(/long run by step/);
  });
});
