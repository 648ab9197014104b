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

const LONDON = readFileSync(new URL('../../scenarios/negotiation/london-2025.yaml', import.meta.url), 'utf8');

describe('lancaster validate on a negotiation file', () => {
  it('accepts the London file', async () => {
    const r = await run('validate', 'scenarios/negotiation/london-2025.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid \(multisector on multisector-2025\)/);
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
});
