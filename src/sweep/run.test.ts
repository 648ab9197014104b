import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InlineExecutor } from '../exec/inline.ts';
import { executorCases } from '../../test/support/exec/executors.ts';
import type { Executor } from '../contract/run.ts';
import { parseSweepText, readSweepFile } from './plan.ts';
import { runSweep, type SweepResult } from './run.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const comparable = ({ seconds: _s, executor: _e, ...rest }: SweepResult) => rest;

describe('a sweep on every executor', () => {
  const plan = readSweepFile(fixture('nafta.yaml'), { draws: 4 });
  let reference: SweepResult;
  beforeAll(async () => {
    reference = await runSweep(plan, new InlineExecutor());
  });

  it('bands the central result with the 5th, 50th and 95th percentiles of the draws', () => {
    const p = reference.points[0];
    const mex = (p.result as { countries: Record<string, { welfare_pct: number }> }).countries.MEX.welfare_pct;
    const band = (p.bands as { countries: Record<string, { welfare_pct: { p5: number; p50: number; p95: number } }> })
      .countries.MEX.welfare_pct;
    expect(mex).toBeCloseTo(1.31, 2);
    expect(band.p5).toBeLessThan(band.p50);
    expect(band.p50).toBeLessThan(band.p95);
    expect(reference.status).toBe('complete');
    expect(reference.samples).toHaveLength(4);
    expect(p.draws).toEqual({ requested: 4, used: 4, not_converged: [], failed: [] });
  });

  for (const c of executorCases().filter((x) => x.name !== 'inline')) {
    describe.skipIf(c.skip)(`on ${c.name}${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
      let ex: Executor;
      // biome-ignore lint/suspicious/noDuplicateTestHooks: one hook per executor's describe, made in a loop
      beforeAll(async () => {
        ex = await c.make();
      });
      afterAll(() => c.cleanup());
      it('gives results identical to the inline executor for the same seed, draw by draw', async () => {
        const seen: unknown[] = [];
        const r = await runSweep(plan, ex, {
          onDraw: (_p, k, m) => {
            if (k !== null) seen[k] = m;
          },
        });
        expect(comparable(r)).toEqual(comparable(reference));
        expect(seen).toHaveLength(4);
      });
    });
  }
});

describe('a sweep with failures', () => {
  it('lists a draw that failed and leaves it out of the bands, never a silent gap', async () => {
    const plan = readSweepFile(fixture('nafta.yaml'), { draws: 3 });
    const inline = new InlineExecutor();
    const flaky: Executor = {
      submit: (job, on, signal) =>
        job.draw?.index === 1 ? Promise.reject(new Error('worker lost')) : inline.submit(job, on, signal),
      close: () => inline.close(),
    };
    const r = await runSweep(plan, flaky);
    expect(r.status).toBe('incomplete');
    expect(r.points[0].draws).toEqual({
      requested: 3,
      used: 2,
      not_converged: [],
      failed: [{ index: 1, error: 'worker lost' }],
    });
  });
});

describe('a sweep of a timeline', () => {
  // Two dated US tariff steps on China in the CP2015 world: a monthly path from February to December.
  const text = `lancaster: 1
name: timeline sweep (test)
draws: 3
seed: 11
scenario:
  lancaster: 1
  name: two steps
  model: cp2015
  dataset: cp2015
  options: { baseline: zero-deficit }
  report: { countries: [USA, CHN], trade: [CHN->USA, USA->CHN] }
  timeline:
    - { date: 2025-02-04, label: a, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.2 } ] }
    - { date: 2025-04-09, label: b, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.5 } ] }
`;
  type PathBand = { countries: Record<string, Record<string, Band>>; trade: Record<string, Band> };
  type Band = { p5: number; p50: number; p95: number };
  type PathPoint = { period: string; countries: Record<string, Record<string, number>>; trade: Record<string, number> };

  it('bands the monthly path point by point, beside the bands of the steps', async () => {
    const r = await runSweep(parseSweepText(text, 'sweep.yaml'), new InlineExecutor());
    const p = r.points[0];
    const path = (p.result as { path: PathPoint[] }).path;
    const bands = (p.bands as { path: PathBand[]; steps: unknown[] }).path;
    expect(path.map((x) => x.period)).toEqual(
      Array.from({ length: 11 }, (_, k) => `2025-${String(k + 2).padStart(2, '0')}`),
    );
    expect(bands).toHaveLength(path.length);
    expect((p.bands as { steps: unknown[] }).steps).toHaveLength(2);
    // After the second step the path keeps adjusting month by month: the band moves with it and brackets its median.
    const may = bands[3].trade['CHN->USA'],
      dec = bands[10].trade['CHN->USA'];
    expect(path[3].trade['CHN->USA']).toBeLessThan(0);
    expect(dec.p50).toBeLessThan(may.p50);
    for (const b of [may, dec, bands[10].countries.USA.real_income_pct]) {
      expect(b.p5).toBeLessThan(b.p50);
      expect(b.p50).toBeLessThan(b.p95);
    }
  });
});
