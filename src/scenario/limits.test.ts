import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli } from '../../test/support/cli.ts';
import { parseScenarioText } from './parse.ts';
import { checkScenario } from './solve.ts';
import { ScenarioError } from '../spec/errors.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { isCalendarDate } from '../spec/date.ts';

const head = 'lancaster: 1\nname: test\nmodel: cp2015\n';
const dir = mkdtempSync(join(tmpdir(), 'lancaster-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function issuesOf(text: string, check = false) {
  try {
    const p = parseScenarioText(text, 's.yaml');
    if (check) checkScenario(p);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error('expected a ScenarioError');
}

/** The classic "billion laughs" in YAML: nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['lancaster: 1', 'name: bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let k = 1; k < names.length; k++)
    lines.push(
      `${names[k]}: &${names[k]} [${Array(9)
        .fill(`*${names[k - 1]}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('YAML tags and aliases', () => {
  it('ends an alias bomb with exit 2 and a clear message, no stack trace, in well under a second', async () => {
    const t0 = performance.now();
    const r = await cli('validate', file('bomb.yaml', aliasBomb()));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected at most 100 alias expansions, found more \(a YAML alias bomb\?\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses custom tags such as !!js/function instead of reading them as strings', () => {
    const issues = issuesOf(`${head}description: !!js/function "function () { return 1 }"\n`);
    expect(issues[0]).toMatchObject({
      path: ['description'],
      message: 'expected plain YAML values (no tags), found the tag !!js/function',
      line: 4,
    });
    expect(issuesOf(`${head}description: !custom x\n`)[0].message).toMatch(/found the tag !custom/);
  });

  it('accepts a small alias (a repeated value) as before', () => {
    const p = parseScenarioText(
      `${head}policy:\n  tariffs:\n    - &t { importer: USA, exporter: CHN, rate: 0.1 }\n    - { importer: CHN, exporter: USA, rate: 0.2 }\n`,
      's.yaml',
    );
    expect(p.scenario.policy.tariffs).toHaveLength(2);
  });
});

describe('control characters and calendar dates', () => {
  it('refuses a raw NUL byte with its line and column, and escaped ones inside strings', () => {
    expect(issuesOf(`${head}description: "a\u0000b"\n`)[0]).toMatchObject({
      message: 'expected text without control characters, found U+0000',
      line: 4,
      col: 16,
    });
    expect(issuesOf(`${head}description: "a\\0b"\n`)[0]).toMatchObject({
      path: ['description'],
      message: 'expected text without control characters, found U+0000',
    });
    expect(issuesOf(`${head}description: "bell\\x07"\n`)[0].message).toMatch(/U\+0007/);
  });

  it('refuses the date 2025-13-45 with exit 2 and writes no report', async () => {
    const text = `${head}timeline:\n  - { date: 2025-13-45, label: x, source: test, tariffs: [ { importer: USA, exporter: CHN, rate: 0.1 } ] }\n`;
    const r = await cli('run', file('date.yaml', text), '--out', join(dir, 'report'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'timeline[0].date: expected a calendar date as YYYY-MM-DD, found 2025-13-45 (no such day)',
    );
    expect(r.stdout).toBe('');
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});

describe('policy values', () => {
  it('refuses a self-tariff (importer = exporter) instead of silently doing nothing', () => {
    const issues = issuesOf(`${head}policy:\n  tariffs:\n    - { importer: USA, exporter: USA, rate: 0.5 }\n`, true);
    expect(issues[0]).toMatchObject({
      path: ['policy', 'tariffs', 0, 'exporter'],
      message: expect.stringMatching(/^expected an exporter other than the importer, found USA on both sides/),
    });
  });

  it('tells an approval of -0.2 that shares go from 0 to 1 (not the tariff range 0–10)', () => {
    const text =
      'lancaster: 1\nname: t\nmodel: multisector\npolicy:\n  export_controls:\n    - { origin: CHN, destination: USA, sectors: [REE], approval: -0.2 }\n';
    expect(issuesOf(text)[0]).toMatchObject({
      path: ['policy', 'export_controls', 0, 'approval'],
      message: 'expected a share between 0 and 1 (100%), found -0.2',
    });
  });
});

describe('size and entry limits (before parsing)', () => {
  it('refuses a text above the byte limit before the YAML parser runs', () => {
    const big = `${head}description: "${'x'.repeat(SCENARIO_LIMITS.bytes)}"\n`;
    const t0 = performance.now();
    expect(issuesOf(big)[0].message).toMatch(
      /^expected a scenario of at most 1048576 bytes \(1 MiB\), found 1048\d{3}/,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses a tariff list above the entry limit, naming the list', () => {
    const rows = Array.from(
      { length: SCENARIO_LIMITS.entries + 1 },
      () => '    - {importer: USA, exporter: CHN, rate: 0.1}',
    ).join('\n');
    const issues = issuesOf(`${head}policy:\n  tariffs:\n${rows}\n`);
    expect(issues[0]).toMatchObject({
      path: ['policy', 'tariffs'],
      message: 'expected at most 2000 entries, found 2001',
    });
  });

  it('refuses a 5 MB scenario file from the CLI by its size, without reading it whole', async () => {
    const p = file(
      'huge.yaml',
      `${head}policy:\n  tariffs:\n${'    - {importer: USA, exporter: CHN, rate: 0.1}\n'.repeat(110_000)}`,
    );
    const r = await cli('validate', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a scenario of at most 1048576 bytes \(1 MiB\), found 5\d{6}/);
  });
});
