import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { honestResult } from '../honest.ts';
import { MODEL_SPECS } from '../registry.ts';
import type { ModelResult } from '../result.ts';
import type { Scenario } from '../../spec/scenario.ts';
import { solveOneSector2025 } from './solve.ts';
import { buildTariffMatrix, PAPER_CASES } from './tariffs.ts';
import { recheckOneSector } from './recheck.ts';
import type { OneSector2025Options } from './economy.ts';
import { NO_CONTROLS } from '../../policy/controls.ts';

const d = loadDataset('world-2023');
const N = d.N;
const LIMIT = 1e-10;

const cases: [string, OneSector2025Options][] = [
  ['ustr', { revenue: 'income-tax-relief', variant: 'baseline' }],
  ['ustr+reciprocal-retaliation', { revenue: 'lump-sum', variant: 'eaton-kortum' }],
  ['ustr+optimal-retaliation', { revenue: 'income-tax-relief', variant: 'partial-pass-through' }],
  ['ustr', { revenue: 'income-tax-relief', variant: 'eps8', elasticityScale: 0.5 }],
];

const solved = (name: string, opts: OneSector2025Options) => {
  const tariffs = buildTariffMatrix(d, opts, PAPER_CASES[name]);
  const s = solveOneSector2025(d, tariffs, opts);
  return { d, tariffs, opts, unknowns: s.unknowns, result: s.result };
};

describe("the one-sector re-check in the data's units", () => {
  it.each(cases)('passes an honest solve of %s (%o)', (name, opts) => {
    const input = solved(name, opts);
    expect(input.result.status).toBe('converged');
    expect(recheckOneSector(input, LIMIT)).toBeUndefined();
  });

  it('catches a wage corrupted by 1e-6 in one country (goods market and labour supply fail)', () => {
    const input = solved('ustr', cases[0][1]);
    const unknowns = Float64Array.from(input.unknowns);
    const chn = d.regions.indexOf('CHN');
    unknowns[chn] *= 1 + 1e-6;
    expect(recheckOneSector({ ...input, unknowns }, LIMIT)).toMatch(
      /re-check of goods-market clearing .* failed: .* worst in CHN/,
    );
  });

  it('catches spending or employment that do not satisfy their own equations', () => {
    const input = solved('ustr', cases[0][1]);
    const usa = d.regions.indexOf('USA');
    const spend = Float64Array.from(input.unknowns);
    spend[N + usa] *= 1 + 1e-7;
    expect(recheckOneSector({ ...input, unknowns: spend }, LIMIT)).toMatch(/re-check of .* failed/);
    const work = Float64Array.from(input.unknowns);
    work[2 * N + usa] *= 1 + 1e-7;
    expect(recheckOneSector({ ...input, unknowns: work }, LIMIT)).toMatch(/re-check of .* failed/);
  });

  it('catches reported indicators that the solved levels do not give', () => {
    const input = solved('ustr', cases[0][1]);
    const result: ModelResult = {
      ...input.result,
      countries: {
        ...input.result.countries,
        USA: { ...input.result.countries.USA, welfare_pct: input.result.countries.USA.welfare_pct! + 0.01 },
      },
    };
    expect(recheckOneSector({ ...input, result }, LIMIT)).toMatch(/USA\.welfare_pct is .*, the solved levels give/);
  });

  it('turns a corrupted converged result into not-converged with the reason (honestResult)', () => {
    const input = solved('ustr', cases[0][1]);
    const unknowns = Float64Array.from(input.unknowns);
    unknowns[0] *= 1.001;
    const r = honestResult(input.result, 1e-11, { oneSector: { ...input, unknowns } });
    expect(r.status).toBe('not-converged');
    expect(r.message).toMatch(/re-check of .* in the data's units failed/);
    expect(honestResult(input.result, 1e-11, { oneSector: input })).toBe(input.result);
  });

  it('runs after every solve through MODEL_SPECS (a converged scenario solve stays converged)', () => {
    const s = { lancaster: 1, name: 't', model: 'one-sector-2025', options: {}, policy: {} } as unknown as Scenario;
    const tau = Float64Array.from(buildTariffMatrix(d, cases[0][1], PAPER_CASES.ustr), (t) => 1 + t);
    const out = MODEL_SPECS['one-sector-2025'].solve(d, s, { tau, controls: NO_CONTROLS, capacity: undefined });
    expect(out.result.status).toBe('converged');
  });
});
