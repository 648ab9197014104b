/**
 * Gravity scenarios end to end: scenarios/gravity/*.yaml from the CSV to the result JSON, against
 * Stata's ppmlhdfe and ge_gravity outputs; validation errors with file:line:col; the data folder
 * as the only place an API run reads; the bootstrap on every executor.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../data/csv.ts';
import { ScenarioError } from '../../spec/errors.ts';
import { executorCases } from '../../../test/support/exec/executors.ts';
import type { Executor } from '../../contract/run.ts';
import { bootstrapGravity } from '../../exec/gravityBootstrap.ts';
import { loadGravity, loadGravityFile } from './parse.ts';
import { runGravity } from './run.ts';
import { bootstrapChunk, summarizeBootstrap } from './bootstrap.ts';

const SCENARIOS = new URL('../../../scenarios/gravity/', import.meta.url);
const EU = new URL('eu-enlargement.yaml', SCENARIOS).pathname;
const USITC = new URL('usitc-sample.yaml', SCENARIOS).pathname;
const usitcText = readFileSync(USITC, 'utf8');

describe('scenarios/gravity/eu-enlargement.yaml (the GE_gravity example)', () => {
  const r = runGravity(loadGravityFile(EU));
  const t = parseCsv(
    readFileSync(new URL('../../../data/gravity/wiod-fta-2000-2014.csv', import.meta.url), 'utf8'),
    'wiod',
    [],
  );
  const col = (c: string) => t.rows.map((row) => row.cells[t.header.indexOf(c)]);
  const [ex, im, yr, wEu, xEu, wMult, xMult] = ['exporter', 'importer', 'year', 'w_eu', 'X_eu', 'w_mult', 'X_mult'].map(
    col,
  );

  it('estimates the EU-enlargement effect of ppmlhdfe with clustered standard errors', () => {
    expect(r.converged).toBe(true);
    expect(r.status).toBe('converged');
    expect(r.iterations).toBeGreaterThan(2);
    expect(Math.abs(r.estimates.eu_enlargement.coef! - 0.224249)).toBeLessThan(1e-5);
    expect(r.estimates.eu_enlargement.se).toBeGreaterThan(0);
    expect(r.estimates.other_fta.coef).toBeLessThan(0);
    expect(r.estimation).toMatchObject({
      observations: 7568,
      clusters: 1892,
      vce: 'cluster(exporter#importer)',
      fixed_effects: ['exporter#year', 'importer#year', 'exporter#importer'],
    });
    expect(r.ge?.shock.pairs_shocked).toBe(2 * 286);
  });

  it("gives every exporter's welfare factor and every new flow of Stata's ge_gravity (1e-6)", () => {
    let worst = 0,
      rows = 0;
    for (let i = 0; i < t.rows.length; i++) {
      if (yr[i] !== '2000') continue;
      rows++;
      const pair = `${ex[i]}->${im[i]}`;
      worst = Math.max(
        worst,
        Math.abs(r.ge!.countries[ex[i]].welfare_factor / Number(wEu[i]) - 1),
        Math.abs(r.ge!.flows[pair] / Number(xEu[i]) - 1),
        Math.abs(r.ge!.multiplicative!.countries[ex[i]].welfare_factor / Number(wMult[i]) - 1),
        Math.abs(r.ge!.multiplicative!.flows[pair] / Number(xMult[i]) - 1),
      );
    }
    expect(rows).toBe(44 * 44);
    expect(Object.keys(r.ge!.countries)).toHaveLength(44);
    expect(worst).toBeLessThan(1e-6);
    expect(r.ge).toMatchObject({ year: '2000', theta: 4, imbalances: 'additive', status: 'converged' });
  });
});

describe('scenarios/gravity/usitc-sample.yaml (the gegravity example)', () => {
  it('gives the documented PPML coefficients and constant', () => {
    const r = runGravity(loadGravityFile(USITC));
    const documented: Record<string, number> = {
      lndist: -0.3898623,
      contiguity: 0.891577,
      common_language: 0.0326249,
      pta: 0.4711383,
      international: -3.412584,
      _cons: 16.32434,
    };
    for (const [k, v] of Object.entries(documented)) expect(Math.abs(r.estimates[k].coef! - v)).toBeLessThan(5e-6);
    expect(r.ge!.countries.CAN.welfare_factor).toBeGreaterThan(1);
    expect(r.ge!.countries.JPN.welfare_factor).toBeGreaterThan(1);
    expect(r.ge!.shock.pairs_shocked).toBe(2);
  });
});

describe('gravity scenario validation', () => {
  const fail = (text: string) => {
    try {
      loadGravity(text, 'bad.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as ScenarioError).message;
    }
    throw new Error('expected a ScenarioError');
  };

  it('points at an unknown field with file:line:col', () => {
    expect(fail(usitcText.replace('  vce: robust', '  vce: robust\n  robustness: high'))).toMatch(
      /^bad\.yaml:\d+:3 estimate\.robustness: expected only known fields/,
    );
  });

  it('refuses a shock on a regressor that is not estimated', () => {
    expect(fail(usitcText.replace('regressor: pta', 'regressor: tariff'))).toMatch(
      /bad\.yaml:\d+:\d+ counterfactual\.shock\.regressor: expected one of the estimated regressors/,
    );
  });

  it('refuses a data file outside the data folder, without reading it', () => {
    expect(fail(usitcText.replace('gravity/usitc-sample-2006.csv', '../package.json'))).toMatch(
      /bad\.yaml:\d+:\d+ data\.file: expected a CSV file inside the data folder, found "\.\.\/package\.json"/,
    );
    expect(fail(usitcText.replace('gravity/usitc-sample-2006.csv', '/etc/passwd'))).toMatch(/inside the data folder/);
  });

  it('names a missing column and an unknown country', () => {
    expect(fail(usitcText.replace('[lndist,', '[ln_distance,'))).toMatch(
      /estimate\.regressors\[0\]: expected a column of gravity\/usitc-sample-2006\.csv, found "ln_distance"/,
    );
    expect(fail(usitcText.replace('[[CAN, JPN]', '[[CAN, XXX]'))).toMatch(
      /counterfactual\.shock\.pairs\[0\]: expected countries of the data, found XXX/,
    );
  });
});

describe('the pairs bootstrap', () => {
  const text = `${usitcText}bootstrap:\n  replications: 6\n  seed: 7\n  chunks: 3\n`;
  const p = loadGravity(text, 'usitc.yaml');

  it('draws the same replications however they are split', () => {
    const whole = bootstrapChunk(p, 7, 0, 6);
    const parts = [bootstrapChunk(p, 7, 4, 6), bootstrapChunk(p, 7, 0, 1), bootstrapChunk(p, 7, 1, 4)];
    expect(summarizeBootstrap(p, parts, 7, 0.95)).toEqual(summarizeBootstrap(p, [whole], 7, 0.95));
    expect(whole.coef[0]).not.toEqual(whole.coef[1]);
  });

  for (const c of executorCases())
    describe.skipIf(c.skip)(`on the ${c.name} executor${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
      let ex: Executor;
      beforeAll(async () => {
        ex = await c.make();
      });
      afterAll(() => c.cleanup());

      it('gives the same bands as in this thread, parallel to estimates and ge', async () => {
        const bands = await bootstrapGravity(ex, p, text, 'usitc.yaml');
        expect(bands).toEqual(summarizeBootstrap(p, [bootstrapChunk(p, 7, 0, 6)], 7, 0.95));
        expect(bands).toMatchObject({ method: 'pairs bootstrap', replications: 6, failed: 0, seed: 7, level: 0.95 });
        const [lo, hi] = bands.estimates.pta.coef;
        expect(lo).toBeLessThan(hi);
        expect(bands.ge!.countries.CAN.welfare_factor[0]).toBeLessThanOrEqual(
          bands.ge!.countries.CAN.welfare_factor[1],
        );
      });
    });
});
