import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli } from '../../test/support/cli.ts';
import { honestResult, MAX_PCT } from './honest.ts';
import type { ModelResult } from './result.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancaster-honest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = (model: string, options: string) => {
  const p = join(dir, `${model}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    p,
    `lancaster: 1\nname: t\nmodel: ${model}\noptions:\n${options}\npolicy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: 0.5 }\n`,
  );
  return p;
};

describe('numerical honesty (issue 18 reproductions)', () => {
  it.each([['cp2015'], ['multisector'], ['one-sector-2025']])(
    'refuses elasticity_scale 1e-20 for %s (exit 2, the range the solvers meet)',
    async (model) => {
      const r = await cli('solve', scenario(model, '  elasticity_scale: 1.0e-20'), '--json');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /options\.elasticity_scale: expected an elasticity scale between 0\.01 and 50, found 1e-20/,
      );
      expect(r.stdout).toBe('');
    },
  );

  it('refuses tolerances below what double precision certifies and fractional iteration limits', async () => {
    expect((await cli('validate', scenario('cp2015', '  tolerance: 1.0e-30'))).stderr).toMatch(
      /expected a tolerance between 1e-14 and 0\.001, found 1e-30/,
    );
    expect((await cli('validate', scenario('cp2015', '  max_iterations: 2.5'))).stderr).toMatch(
      /expected a whole number of iterations, found 2\.5/,
    );
  });

  it('reports a baseline that does not converge as not-converged (exit 1), not as a fault of policy.export_controls, with no numbers shown', async () => {
    const r = await cli('solve', scenario('multisector', '  max_iterations: 1'));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/export_controls/);
    expect(r.stderr).toMatch(/baseline of multisector-2025 to converge/);
    expect(r.stdout).toMatch(/not converged: no results are shown/);
    expect(r.stdout).not.toMatch(/\d+\.\d{2}/); // no table of numbers
  });

  it('shows no table for a counterfactual that stops short of the tolerance (exit 1)', async () => {
    const r = await cli('solve', scenario('one-sector-2025', '  max_iterations: 2'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not converged: no results are shown/);
    expect(r.stdout).not.toMatch(/USA/);
  });
});

describe('honestResult', () => {
  const base: ModelResult = {
    status: 'converged',
    iterations: 10,
    residual: 1e-12,
    seconds: 0,
    model: 'm',
    dataset: 'd',
    countries: { USA: { welfare_pct: 1.2 }, CHN: { welfare_pct: -0.4 } },
  };

  it('keeps a sound result as it is, including a deficit that changes sign (−609%)', () => {
    expect(honestResult(base, 1e-10)).toBe(base);
    const flipped = { ...base, countries: { KHM: { deficit_pct: -609.4, welfare_pct: -0.3 } } };
    expect(honestResult(flipped, 1e-10)).toBe(flipped);
  });

  it.each([
    [{ USA: { welfare_pct: 1.17e198 } }, /USA\.welfare_pct is 1\.170e\+198%/],
    [{ USA: { welfare_pct: Number.NaN } }, /USA\.welfare_pct is NaN/],
    [{ USA: { prices_pct: -150 } }, /cannot fall by more than 100%/],
    [{ USA: { real_income_pct: Number.POSITIVE_INFINITY } }, /Infinity/],
  ])('turns an overflowed or impossible indicator into not-converged (%#)', (countries, message) => {
    const r = honestResult({ ...base, countries }, 1e-10);
    expect(r.status).toBe('not-converged');
    expect(r.message).toMatch(message);
  });

  it('does not trust a "converged" with a residual that is not finite or above the tolerance', () => {
    expect(honestResult({ ...base, residual: Number.NaN }, 1e-10).status).toBe('not-converged');
    expect(honestResult({ ...base, residual: 1e-3 }, 1e-10).message).toMatch(/above the tolerance/);
    expect(MAX_PCT).toBe(1e6);
  });
});
