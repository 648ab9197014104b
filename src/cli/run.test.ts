import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli as run } from '../../test/support/cli.ts';
import { readScenarioFile } from '../scenario/parse.ts';
import { scenarioPath } from './run.ts';
import { RESULT_SCHEMAS } from '../contract/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancaster-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lancaster run us-china-2025 (the main job)', () => {
  it('prints the report, writes HTML, JSON and CSV, and reports progress as plain lines off a terminal', async () => {
    const out = join(dir, 'report');
    const r = await run('run', 'us-china-2025', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Model vs observed');
    expect(r.stdout).toContain("China's exports to the US, May 2025, year on year");
    expect(r.stdout).toMatch(/2025-06-09 .*London, Lancaster House/);
    expect(r.stderr).toMatch(/^step 1\/\d+: long run: /m);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/[^"]*\.(js|css)/); // self-contained
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.status).toBe('converged');
    const contract = RESULT_SCHEMAS.report.safeParse(json);
    expect(
      contract.error?.issues.slice(0, 10) ?? [],
      'report.json validates strictly against the report schema',
    ).toEqual([]);
    const steps = readScenarioFile(scenarioPath('us-china-2025')).scenario.timeline!.length;
    expect(json.steps.length).toBe(steps);
    const csv = readFileSync(join(out, 'report.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(steps + 1);
    expect(existsSync(join(out, `report.html.tmp-${process.pid}`))).toBe(false);
  });

  it('shows the short run moving trade less than the long run at the peak', async () => {
    const out = join(dir, 'r2');
    await run('run', 'us-china-2025', '--out', out);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const peak = json.steps.find((s: { date: string }) => s.date === '2025-04-16');
    expect(Math.abs(peak.by_horizon['short-run'].trade['CHN->USA'])).toBeLessThan(
      Math.abs(peak.by_horizon['long-run'].trade['CHN->USA']),
    );
    expect(peak.trade['CHN->USA']).toBe(peak.by_horizon['long-run'].trade['CHN->USA']);
  });

  it('writes a report.json with --draws whose parallel bands validate strictly against the report schema too', async () => {
    const out = join(dir, 'r3');
    const r = await run('run', 'us-china-2025', '--draws', '2', '--threads', '1', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.bands.used).toEqual({ short: 2, long: 2 });
    expect(RESULT_SCHEMAS.report.safeParse(json).error?.issues.slice(0, 10) ?? []).toEqual([]);
    // The report's group (EU) month by month, in the path and in its bands, as in the steps.
    expect(json.countries).toContain('EU');
    expect(json.steps[0].by_horizon['long-run'].groups.EU.welfare_pct).toEqual(expect.any(Number));
    expect(json.paths.adjusted.every((m: { groups?: { EU?: object } }) => m.groups?.EU)).toBe(true);
    expect(json.bands.path.length).toBe(json.paths.adjusted.length);
    expect(
      json.bands.path.every((m: { groups?: { EU?: { real_income_pct?: object } } }) => m.groups?.EU?.real_income_pct),
    ).toBe(true);
  });
});
