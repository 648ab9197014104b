import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli as run } from '../../test/support/cli.ts';

const USITC = new URL('../../scenarios/gravity/usitc-sample.yaml', import.meta.url).pathname;
const CSV = new URL('../../data/gravity/usitc-sample-2006.csv', import.meta.url).pathname;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lancaster-gravity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lancaster gravity', () => {
  it('prints the estimates and the welfare table, exit 0', async () => {
    const r = await run('gravity', USITC);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lndist\s*│\s*-0\.389862/);
    expect(r.stdout).toMatch(/CAN\s*│\s*\+0\.\d+/);
    expect(r.stderr).toContain('PPML converged');
  });

  it('prints the JSON of estimates, convergence and GE welfare factors with --json', async () => {
    const r = await run('gravity', USITC, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.estimates.pta.coef).toBeCloseTo(0.4711383, 6);
    expect(j.estimates.pta.se).toBeCloseTo(0.1076578, 6);
    expect(j.converged).toBe(true);
    expect(j.iterations).toBeGreaterThan(0);
    expect(j.ge.countries.JPN.welfare_factor).toBeGreaterThan(1);
    expect(j.ge.flows['CAN->JPN']).toBeGreaterThan(0);
  });

  it('reads a CSV next to a scenario outside the repository', async () => {
    copyFileSync(CSV, join(dir, 'flows.csv'));
    const f = join(dir, 'mine.yaml');
    writeFileSync(f, readFileSync(USITC, 'utf8').replace('gravity/usitc-sample-2006.csv', 'flows.csv'));
    const r = await run('gravity', f, '--json', '--replications', '2');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).bands.replications).toBe(2);
  });

  it('exits 2 with file:line:col on a bad file', async () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, readFileSync(USITC, 'utf8').replace('theta: 4', 'theta: -4'));
    const r = await run('gravity', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${f}:\\d+:\\d+ counterfactual\\.theta: `));
    expect(r.stdout).toBe('');
  });
});
