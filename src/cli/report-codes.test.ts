import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli as run } from '../../test/support/cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lancaster-report-codes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAFTA = readFileSync(new URL('../../scenarios/nafta-cp2015.yaml', import.meta.url), 'utf8');
/** The NAFTA scenario with its report countries replaced. */
function nafta(countries: string): string {
  const p = join(dir, `nafta-${countries.replace(/\W+/g, '_')}.yaml`);
  writeFileSync(p, NAFTA.replace(/countries: \[[^\]]*\]/, `countries: [${countries}]`));
  return p;
}

describe('report codes in the CLI', () => {
  it('exits 2 for an unknown report country, naming file:line:col, what was expected and what was found', async () => {
    for (const cmd of ['validate', 'solve']) {
      const r = await run(cmd, nafta('MEX, XXX'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /nafta-MEX_XXX\.yaml:\d+:\d+ report\.countries\[1\]: expected a region code or group of dataset cp2015 \(groups: NAFTA\), found "XXX"/,
      );
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 for a group the dataset does not define', async () => {
    const r = await run('validate', nafta('EU'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report\.countries\[0\]: .*found "EU"/);
  });

  /** The codes of the table's rows. */
  const rowsOf = (stdout: string) =>
    stdout
      .split('\n')
      .map((l) => /^│?\s*([A-Z][A-Za-z-]{2,})\s*│/.exec(l)?.[1])
      .filter(Boolean);

  it('shows a dataset group the report names as its own row (the model averages its members)', async () => {
    const r = await run('solve', nafta('NAFTA, MEX'));
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout)).toEqual(['NAFTA', 'MEX']);
  });

  it('shows a dataset group the model has no row of as its members', async () => {
    // --countries names a group the report does not: the model computed no row of it.
    const r = await run('solve', nafta('MEX'), '--countries', 'NAFTA');
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout)).toEqual(['CAN', 'MEX', 'USA']);
  });
});
