import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli as run } from '../../test/support/cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lancaster-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('lancaster validate', () => {
  it('checks every example file as the run kind it is, gravity included', async () => {
    for (const [file, answer] of [
      ['nafta-cp2015.yaml', '(solve: cp2015 on cp2015)'],
      ['us-china-2025.yaml', '(timeline: multisector on multisector-2025)'],
      ['strategy/us-optimal-uniform.yaml', '(strategy: one-sector-2025 on world-2023)'],
      ['negotiation/london-2025.yaml', '(negotiation: multisector on multisector-2025)'],
      ['gravity/usitc-sample.yaml', '(gravity: gravity on gravity/usitc-sample-2006.csv)'],
    ]) {
      const r = await run('validate', scenario(file));
      expect(r.stderr, file).toBe('');
      expect(r.code, file).toBe(0);
      expect(r.stdout).toBe(`${scenario(file)}: valid ${answer}\n`);
    }
  });

  it('checks a sweep file as a sweep (its scenario and grid), as the API does', async () => {
    const sweep = new URL('../sweep/fixtures/nafta.yaml', import.meta.url).pathname;
    const r = await run('validate', sweep);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nafta\.yaml: valid \(sweep: \d+ grid points? × \d+ draws of .*nafta-cp2015\.yaml\)\n$/);
  });

  it('says what was found for a value of the wrong type (a number where a list belongs), exit 2', async () => {
    const f = write('tariffs-3.yaml', 'lancaster: 1\nname: t\nmodel: one-sector-2025\npolicy: { tariffs: 3 }\n');
    const r = await run('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}:4:20 policy.tariffs: expected array, found 3\n`);
    expect(r.stdout).toBe('');
  });

  it('refuses a gravity report country the GE does not have, at its line and column', async () => {
    const csv = new URL('../../data/gravity/usitc-sample-2006.csv', import.meta.url).pathname;
    const text = readFileSync(scenario('gravity/usitc-sample.yaml'), 'utf8').replace(/file: .*/, `file: ${csv}`);
    const f = write('gravity-xxx.yaml', text.replace('countries: [CAN, JPN,', 'countries: [CAN, XXX,'));
    const r = await run('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /gravity-xxx\.yaml:\d+:\d+ report\.countries\[1\]: expected a country of the GE counterfactual \(AUS, AUT, .*\), found "XXX"/,
    );
  });
});

describe('lancaster solve --countries', () => {
  it('exits 2 for an unknown code before solving, listing the codes of the dataset', async () => {
    const r = await run('solve', scenario('nafta-cp2015.yaml'), '--countries', 'MEX,XXX,EU');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^Expected --countries to name regions or groups of dataset cp2015 \(regions: ARG, AUS, .*; groups: NAFTA\), found "XXX", "EU"\n$/,
    );
    expect(r.stdout).toBe('');
  });

  it('shows the codes given and a dataset group as its members', async () => {
    const r = await run('solve', scenario('nafta-cp2015.yaml'), '--countries', 'NAFTA, BRA');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .split('\n')
      .map((l) => /^│?\s*([A-Z]{3})\s*│/.exec(l)?.[1])
      .filter(Boolean);
    expect(rows).toEqual(['CAN', 'MEX', 'USA', 'BRA']);
  });
});

const LONDON = readFileSync(new URL('../../scenarios/negotiation/london-2025.yaml', import.meta.url), 'utf8');

describe('lancaster validate on a negotiation file', () => {
  it('accepts the London file', async () => {
    const r = await run('validate', 'scenarios/negotiation/london-2025.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid \(negotiation: multisector on multisector-2025\)/);
  });

  it('checks the trade domain against the dataset: an unknown exporter of an issue exits 2 with file:line:col', async () => {
    const file = join(dir, 'bad-exporter.yaml');
    writeFileSync(
      file,
      LONDON.replace(
        'tariffs: [ { importer: USA, exporter: CHN, sectors: [goods] } ]',
        'tariffs: [ { importer: USA, exporter: XXX, sectors: [goods] } ]',
      ),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /bad-exporter\.yaml:\d+:\d+ negotiation\.domain\.issues\[3\]\.tariffs\[0\]\.exporter: expected a region code.*found unknown code "XXX"/,
    );
    expect(r.stdout).toBe('');
  });

  it('checks the report codes of a negotiation file: the scenario report and the deal-effects regions', async () => {
    const top = join(dir, 'report-xxx.yaml');
    writeFileSync(top, `${LONDON}report:\n  countries: [USA, XXX]\n`);
    let r = await run('validate', top);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /report-xxx\.yaml:\d+:\d+ report\.countries\[1\]: expected a region code or group of dataset multisector-2025 .*found "XXX"/,
    );
    const effects = join(dir, 'effects-xxx.yaml');
    writeFileSync(effects, LONDON.replace('report: [USA, CHN, EU,', 'report: [USA, CHN, XXX,'));
    r = await run('validate', effects);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /effects-xxx\.yaml:\d+:\d+ negotiation\.domain\.report\[2\]: expected a region code or group of dataset multisector-2025 \(groups: EU\), found "XXX"/,
    );
  });
});
