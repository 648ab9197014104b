import { describe, expect, it } from 'vitest';
import type { Progress } from '../contract/run.ts';
import { loadDataset } from '../data/load.ts';
import { baselineFromDataset } from '../model/ge/baseline.ts';
import { solveGe } from '../model/ge/solve.ts';
import { solveOneSector2025 } from '../model/oneSector2025/solve.ts';
import { buildTariffMatrix, PAPER_CASES } from '../model/oneSector2025/tariffs.ts';
import { US_CHINA, testApp } from '../../test/support/server/test-app.ts';
import { iterationProgress } from './progress.ts';

type Call = [iteration: number, residual: number, tolerance: number];

describe('per-iteration progress of the solvers', () => {
  it('the GE solver reports every iteration it evaluates, ending at its reported iterations and residual, with unchanged numbers', () => {
    const d = loadDataset('cp2015');
    const raw = baselineFromDataset(d);
    const shock = { tauNew: raw.tau.map((t) => t * 1.1), D: new Float64Array(raw.N) };
    const calls: Call[] = [];
    const watched = solveGe(raw, shock, { onIteration: (...c) => calls.push(c) });
    const plain = solveGe(raw, shock);
    expect(watched.report.status).toBe('converged');
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.every(([it], k) => k === 0 || it > calls[k - 1][0])).toBe(true);
    expect(calls.at(-1)).toEqual([watched.report.iterations, watched.report.residual, 1e-10]);
    expect(calls[0][1]).toBeGreaterThan(calls.at(-1)![1]);
    expect(watched.lw).toEqual(plain.lw); // watching changes nothing
  });

  it('the one-sector solver reports every iteration, ending at its reported iterations and residual', () => {
    const d = loadDataset('world-2023');
    const opts = { revenue: 'income-tax-relief' as const, variant: 'baseline' as const };
    const t = buildTariffMatrix(d, opts, PAPER_CASES.ustr);
    const calls: Call[] = [];
    const watched = solveOneSector2025(d, t, { ...opts, onIteration: (...c) => calls.push(c) });
    expect(watched.result.status).toBe('converged');
    expect(calls.map(([it]) => it)).toEqual(calls.map((_, k) => k));
    expect(calls.at(-1)).toEqual([watched.result.iterations, watched.result.residual, 1e-11]);
    expect(watched.result.countries.USA).toEqual(solveOneSector2025(d, t, opts).result.countries.USA);
  });
});

describe('iterationProgress (throttled progress events)', () => {
  it('sends the first iteration at once, then at most one event per interval, with a fraction that only grows', () => {
    const sent: Progress[] = [];
    let clock = 0;
    const f = iterationProgress((p) => sent.push(p), { minIntervalMs: 100, now: () => clock, label: 'solving cp2015' });
    for (let it = 1; it <= 1000; it++) {
      clock = it; // 1 ms per iteration
      f(it, 10 ** (-it / 100), 1e-10); // residual from 1e-0.01 down to 1e-10
    }
    expect(sent).toHaveLength(10); // iterations 1, 101, 201, …, 901
    expect(sent[0]).toMatchObject({
      iteration: 1,
      fraction: 0.1,
      message: 'solving cp2015: iteration 1, residual 9.8e-1',
    });
    expect(sent.map((p) => p.iteration)).toEqual([1, 101, 201, 301, 401, 501, 601, 701, 801, 901]);
    expect(sent.every((p, k) => k === 0 || p.fraction >= sent[k - 1].fraction)).toBe(true);
    expect(sent.at(-1)!.fraction).toBeGreaterThan(0.8);
    expect(sent.at(-1)!.fraction).toBeLessThanOrEqual(0.95);
  });

  it('does not move the fraction back when the residual rises (a restart) and sends every iteration at interval 0', () => {
    const sent: Progress[] = [];
    const f = iterationProgress((p) => sent.push(p), { minIntervalMs: 0 });
    [1e-2, 1e-6, 1e-3, 1e-8].forEach((r, k) => f(k + 1, r, 1e-10));
    expect(sent.map((p) => p.residual)).toEqual([1e-2, 1e-6, 1e-3, 1e-8]);
    expect(sent[2].fraction).toBe(sent[1].fraction);
    expect(sent[3].fraction).toBeGreaterThan(sent[1].fraction);
  });
});

describe('solve runs stream their iterations', () => {
  it('as SSE progress events with the iteration and residual, under stable ids 1, 2, … and end', async () => {
    const { app, ctx } = await testApp();
    const id = (
      await app.inject({
        method: 'POST',
        url: '/api/runs?kind=solve',
        payload: US_CHINA,
        headers: { 'content-type': 'application/yaml' },
      })
    ).json().id;
    await ctx.service.settle();
    const body = (await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
    const events = [...body.matchAll(/^id: (\S+)\nevent: (\S+)\ndata: (.*)$/gm)].map((m) => ({
      id: m[1],
      type: m[2],
      data: JSON.parse(m[3]),
    }));
    expect(events.map((e) => e.id)).toEqual([...events.slice(0, -1).map((_, k) => String(k + 1)), 'end']);
    const iterations = events.filter((e) => e.type === 'progress' && e.data.iteration !== undefined);
    expect(iterations.length).toBeGreaterThan(0);
    expect(iterations[0].data).toMatchObject({
      iteration: 0,
      residual: expect.any(Number),
      message: expect.stringMatching(/^solving one-sector-2025: iteration 0, residual /),
    });
    expect(events.at(-1)?.type).toBe('done');
    expect((await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body).toBe(body); // the same ids on every connection
    await app.close();
  });
});
