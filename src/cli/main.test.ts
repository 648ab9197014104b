import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli as run } from '../../test/support/cli.ts';
import { DATA_DIR } from '../data/load.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lancaster-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const NAFTA = new URL('../../scenarios/nafta-cp2015.yaml', import.meta.url).pathname;

describe('lancaster solve', () => {
  it('prints the NAFTA table for people and exits 0', async () => {
    const r = await run('solve', NAFTA);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MEX\s*│\s*\+1\.31/);
    expect(r.stderr).toContain('converged');
  });

  it('prints the result contract with --json', async () => {
    const r = await run('solve', NAFTA, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ status: 'converged', model: 'cp2015', dataset: 'cp2015' });
    expect(j.iterations).toBeGreaterThan(0);
    expect(j.residual).toBeLessThan(1e-10);
    expect(Object.keys(j.countries)).toHaveLength(31);
    expect(j.countries.MEX.welfare_pct).toBeCloseTo(1.31, 2);
    expect(j.countries.MEX).not.toHaveProperty('employment_pct'); // fields a model cannot produce are omitted
  });

  it('exits 1 and says so when the solve does not converge', async () => {
    const f = file(
      'short.yaml',
      readFileSync(NAFTA, 'utf8').replace('baseline: zero-deficit', 'baseline: zero-deficit\n  max_iterations: 1'),
    );
    const r = await run('solve', f, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).status).toBe('not-converged');
    expect(r.stderr).toContain('did not converge');
  });

  it('exits 2 with file:line:col for a bad scenario', async () => {
    const f = file(
      'bad.yaml',
      'lancaster: 1\nname: bad\nmodel: cp2015\npolicy:\n  tariffs:\n    - { importer: USA, exporter: ZZZ, rate: 0.1 }\n',
    );
    const r = await run('solve', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f}:6:34 policy.tariffs[0].exporter: expected a region code, a group (NAFTA) or "*" of dataset cp2015, found unknown code "ZZZ"`,
    );
    expect(r.stdout).toBe('');
  });

  it('rejects export controls in a model that cannot apply them, with exit 2', async () => {
    const f = file(
      'ec.yaml',
      'lancaster: 1\nname: ec\nmodel: one-sector-2025\npolicy:\n  export_controls:\n    - { origin: CHN, destination: "*", sectors: [goods], approval: 0.25 }\n',
    );
    const r = await run('solve', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'policy.export_controls: expected no export controls: model one-sector-2025 cannot apply them',
    );
  });

  it('solves an export control in the multi-sector model', async () => {
    const f = file(
      'ec2.yaml',
      'lancaster: 1\nname: ec\nmodel: cp2015\npolicy:\n  export_controls:\n    - { origin: CHN, destination: "*", sectors: [s02], approval: 0.25 }\n',
    );
    const r = await run('solve', f, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('converged');
  });

  it('exits 2 naming file, line and field for a malformed dataset folder', async () => {
    const ds = join(dir, 'broken');
    cpSync(join(DATA_DIR, 'cp2015'), ds, { recursive: true });
    const trade = readFileSync(join(ds, 'trade.csv'), 'utf8').split('\n');
    trade[5] = trade[5].replace(/,([0-9.e+]+),([0-9.]+)$/, ',-5,$2');
    writeFileSync(join(ds, 'trade.csv'), trade.join('\n'));
    const f = file('ds.yaml', `lancaster: 1\nname: broken data\nmodel: cp2015\ndataset: ${ds}\n`);
    const r = await run('solve', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trade.csv:6 field "value": expected a value >= 0, found -5`);
  });

  it('exits 2 for a missing file and for missing arguments', async () => {
    expect((await run('solve', join(dir, 'nope.yaml'))).code).toBe(2);
    expect((await run('solve')).code).toBe(2);
  });
});

describe('lancaster schema and datasets', () => {
  it('prints the JSON Schema generated from the scenario definition', async () => {
    const r = await run('schema');
    const s = JSON.parse(r.stdout);
    expect(s.properties.policy.properties.tariffs.type).toBe('array');
    expect(s.required).toContain('lancaster');
  });

  it('lists the embedded datasets with their sources', async () => {
    const r = await run('datasets', '--json');
    const list = JSON.parse(r.stdout) as { id: string; sources: unknown[] }[];
    expect(list.map((d) => d.id)).toContain('cp2015');
    expect(list.every((d) => d.sources.length > 0)).toBe(true);
  });
});

describe('lancaster analyze', () => {
  const F = new URL('../../data/genius/anac2010-EnglandZimbabwe/', import.meta.url).pathname;
  it('prints outcomes, the Pareto frontier and the Nash point of England–Zimbabwe as JSON', async () => {
    const r = await run('analyze', `${F}EnglandZimbabwe_domain.xml`, `${F}England.xml`, `${F}Zimbabwe.xml`, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.outcomes).toBe(576);
    expect(j.pareto).toHaveLength(25);
    expect(j.nash.utility[0]).toBeCloseTo(0.9109, 4);
    expect(j.nash.utility[1]).toBeCloseTo(0.7332, 4);
    for (const k of ['kalai_smorodinsky', 'egalitarian', 'utilitarian']) expect(j[k].bid).toBeTypeOf('object');
  });

  it('exits 2 for a missing or malformed GENIUS file', async () => {
    expect((await run('analyze', `${F}nope.xml`, `${F}England.xml`, `${F}Zimbabwe.xml`)).code).toBe(2);
    const bad = file('bad.xml', '<negotiation_template><utility_space></utility_space></negotiation_template>');
    const r = await run('analyze', bad, `${F}England.xml`, `${F}Zimbabwe.xml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected');
  });
});

describe('lancaster solve with a timeline', () => {
  it('prints steps [{date, label, countries}] in order, complete even through a pipe', async () => {
    const { spawnSync } = await import('node:child_process');
    // The sources in a child process (bin/lancaster.js runs the compiled build, which tests do not use).
    const main = new URL('./main.ts', import.meta.url).pathname;
    const scenario = new URL('../../scenarios/us-china-2025.yaml', import.meta.url).pathname;
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'solve', scenario, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65536); // larger than one pipe buffer
    const j = JSON.parse(r.stdout) as {
      status: string;
      steps: { date: string; label: string; countries: Record<string, { welfare_pct: number }> }[];
    };
    expect(j.status).toBe('converged');
    expect(j.steps.map((s) => s.date)).toEqual([...j.steps.map((s) => s.date)].sort());
    expect(j.steps.find((s) => s.date === '2025-06-09')!.label).toContain('Lancaster House');
    expect(j.steps.at(-1)!.countries.USA.welfare_pct).toBeLessThan(0);
  });
});
