import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseScenarioText } from '../scenario/parse.ts';
import { ScenarioError } from '../spec/errors.ts';
import { runCli } from '../../test/support/cli.ts';
import { prepareStrategy } from './check.ts';
import { StrategySchema } from '../spec/strategy.ts';

const head = 'lancaster: 1\nname: t\nmodel: one-sector-2025\ndataset: world-2023\n';
const scenario = (strategy: string) => parseScenarioText(`${head}${strategy}`, 's.yaml');
const errorOf = (f: () => unknown): ScenarioError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError, found none');
};

describe('strategy section validation', () => {
  it('is idempotent: parsing its own output gives the same value', () => {
    const raw = {
      kind: 'nash',
      players: {
        USA: { instruments: [{ id: 'u', tariff: { importer: 'USA', exporter: 'CHN' }, min: '0%', max: '150%' }] },
        CHN: { instruments: [{ id: 'c', tariff: { importer: 'CHN', exporter: 'USA' }, min: 0, max: 1 }] },
      },
    };
    const once = StrategySchema.parse(raw);
    expect(StrategySchema.parse(once)).toEqual(once);
    expect(once.players.USA.instruments[0].max).toBe(1.5);
    expect(once.options.tolerance).toBe(1e-4);
  });

  it('names line and column of schema errors (bounds, unknown fields, duplicate ids)', () => {
    const e = errorOf(() =>
      prepareStrategy(
        scenario(
          [
            'strategy:',
            '  kind: best-response',
            '  players:',
            '    USA:',
            '      instruments:',
            '        - { id: u, tariff: { importer: USA, exporter: "*" }, min: 0.5, max: 0.2, colour: red }',
          ].join('\n'),
        ),
      ),
    );
    expect(e.message).toMatch(
      /s\.yaml:10:\d+ strategy\.players\.USA\.instruments\[0\]\.colour: expected only known fields/,
    );
    expect(e.message).toMatch(
      /s\.yaml:10:\d+ strategy\.players\.USA\.instruments\[0\]\.max: expected max >= min \(0\.5\), found 0\.2/,
    );
  });

  it('names line and column of dataset errors (unknown code, a tariff the player does not levy, weights in a one-sector model)', () => {
    const bad = (ins: string, extra = '') =>
      errorOf(() =>
        prepareStrategy(
          scenario(
            `strategy:\n  kind: best-response\n  players:\n    USA:\n${extra}      instruments:\n        - ${ins}\n`,
          ),
        ),
      );
    expect(bad('{ id: u, tariff: { importer: USA, exporter: XXX }, min: 0, max: 1 }').message).toMatch(
      /s\.yaml:10:\d+ strategy\.players\.USA\.instruments\[0\]\.tariff\.exporter: expected a region code.*found unknown code "XXX"/,
    );
    expect(bad('{ id: u, tariff: { importer: CHN, exporter: USA }, min: 0, max: 1 }').message).toMatch(
      /tariff\.importer: expected importer USA \(a player sets its own tariffs\), found "CHN"/,
    );
    expect(
      bad('{ id: u, tariff: { importer: USA, exporter: CHN }, min: 0, max: 1 }', '      weights: { g: 2 }\n').message,
    ).toMatch(/strategy\.players\.USA\.weights: expected no sector weights for the one-sector model/);
    expect(
      bad('{ id: u, export_control: { origin: USA, destination: CHN, sectors: [g] }, min: 0, max: 1 }').message,
    ).toMatch(/export_control: expected a model that supports export controls, found one-sector-2025 without them/);
  });
});

describe('lancaster strategy', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lancaster-strategy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The CLI in-process (test/support/cli.ts): exit code, stdout, stderr.
  async function run(text: string, ...flags: string[]) {
    const file = join(dir, 'x.yaml');
    writeFileSync(file, text);
    return runCli('strategy', file, ...flags);
  }
  const war = (rounds: number) =>
    `${head}strategy:\n  kind: nash\n  players:\n    USA: { instruments: [ { id: us, tariff: { importer: USA, exporter: CHN }, min: 0, max: 1, start: 0 } ] }\n    CHN: { instruments: [ { id: cn, tariff: { importer: CHN, exporter: USA }, min: 0, max: 1, start: 0 } ] }\n  options: { max_rounds: ${rounds}, tolerance: 1.0e-9 }\n`;

  it('prints the contract JSON with policy, objectives, converged and solve counts (exit 0)', async () => {
    const r = await run(war(30), '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.status).toBe('converged');
    expect(o.converged).toBe(true);
    expect(Object.keys(o.policy)).toEqual(['us', 'cn']);
    expect(o.policy.us).toBeGreaterThan(0);
    expect(typeof o.objectives.USA).toBe('number');
    expect(o.countries.USA.welfare_pct).toBeCloseTo(o.objectives.USA, 9);
    expect(o.solves.solves).toBeGreaterThan(0);
    expect(o.war.path.length).toBeGreaterThan(1);
  });

  it('prints tables and the path for people, and exits 1 when the war does not converge', async () => {
    const r = await run(war(1));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/instrument/);
    expect(r.stdout).toMatch(/Path \(tolerance 1e-9\)/);
    expect(r.stderr).toMatch(/not-converged/);
  });

  it('exits 2 with line:col on validation errors', async () => {
    const r = await run(`${head}strategy:\n  kind: duel\n  players: {}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.yaml:6:9 strategy\.kind/);
  });
});
