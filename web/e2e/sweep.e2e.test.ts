/**
 * The sweep view (issue 19): a sweep's result — here the sweep.json of `lancaster sweep --out`,
 * opened on the runs page, the same view a `sweep` run gets — shows the draws in the bands, the
 * priors with their sources, fan charts (central run, median, 5–95% band) on the monthly path of
 * the 2025 timeline for the chosen countries and for US–China trade, sector bars with intervals, and for a solve
 * (NAFTA, CP 2015) welfare by country with intervals. At 390, 768 and 1440 px with axe-core.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';
import { runCli } from '../../test/support/cli.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

interface Band {
  p5: number;
  p50: number;
  p95: number;
}

describe.skipIf(!hasChromium())('the sweep view', () => {
  let h: Harness;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-sweep-e2e-'));

  useHarness((x) => {
    h = x;
    page = x.page;
  });
  beforeAll(async () => {
    const a = await runCli(
      'sweep',
      'sweeps/us-china-2025-long-run.yaml',
      '--draws',
      '6',
      '--threads',
      '1',
      '--out',
      join(dir, 'replay'),
    );
    expect(a.code, a.stderr).toBe(0);
    const b = await runCli(
      'sweep',
      'sweeps/nafta-cp2015.yaml',
      '--draws',
      '12',
      '--threads',
      '1',
      '--out',
      join(dir, 'nafta'),
    );
    expect(b.code, b.stderr).toBe(0);
    writeFileSync(join(dir, 'not-a-sweep.json'), JSON.stringify({ steps: [] }));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const open = async (file: string) => {
    await page.goto('/#/runs');
    await page.getByLabel('Open a sweep result (sweep.json)').setInputFiles(file);
  };

  it('draws the 2025 replay sweep: draws, priors with sources, fan charts and sector intervals', async () => {
    const file = join(dir, 'replay', 'sweep.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      priors: { id: string; source: string }[];
      points: {
        result: { path: { period: string }[] };
        bands: { path: { countries: Record<string, Record<string, Band>> }[] };
      }[];
    };
    await open(file);
    const view = page.locator('[data-kind="sweep"]');
    await view.waitFor();
    await expect(view.getByTestId('sweep-status').textContent()).resolves.toMatch(
      /Complete: 6 of 6 draws in the bands/,
    );
    const priors = view.getByTestId('sweep-priors');
    expect(await priors.locator('tbody tr').count()).toBe(json.priors.length);
    for (const p of json.priors) await expect(priors.textContent()).resolves.toContain(p.id);
    await expect(priors.textContent()).resolves.toMatch(/Caliendo & Parro/);
    // The fan chart: one shaded band and one dashed median per country, the central line on top.
    const fan = page.locator('#fig-sweep-fan-countries');
    await fan.locator('svg').first().waitFor();
    expect(await fan.locator('svg g[aria-label="area"]').count()).toBe(2);
    // It follows the monthly path, month by month (each month banded), not the steps.
    const months = json.points[0].result.path.length;
    expect(months).toBe(12);
    await expect(fan.locator('.figure-desc').textContent()).resolves.toMatch(/month by month in 2025/);
    expect(await fan.locator('tbody tr').count()).toBe(2 * months);
    // Its legend gives December's mean as "central [p5, p95]", read from the bands of the path.
    const usa = json.points[0].bands.path.at(-1)!.countries.USA.real_income_pct;
    const p5 = `${usa.p5 < 0 ? '−' : '+'}${Math.abs(usa.p5).toFixed(2)}`;
    await expect(fan.locator('.legend').textContent()).resolves.toContain(`[${p5},`);
    await page.locator('#fig-sweep-fan-trade svg').first().waitFor();
    await expect(page.locator('#fig-sweep-fan-trade .figure-desc').textContent()).resolves.toMatch(/month by month/);
    const sectors = page.locator('#fig-sweep-sector-intervals');
    await sectors.locator('svg').first().waitFor();
    expect(await sectors.locator('svg g[aria-label="rule"] line').count()).toBeGreaterThan(10);
    // Its options: the measure and the country redraw it under their title.
    const title = sectors.locator('#fig-sweep-sector-intervals-title');
    const options = page.getByRole('group', { name: 'Sector chart options' });
    await expect(title.textContent()).resolves.toMatch(/: Real output by sector, with 5–95% intervals$/);
    await options.getByLabel('Measure').selectOption('exports_pct');
    await expect.poll(() => title.textContent()).toMatch(/: Exports by sector, with 5–95% intervals$/);
    await options.getByLabel('Country').selectOption('CHN');
    await expect.poll(() => title.textContent()).toBe('China: Exports by sector, with 5–95% intervals');
    // The picker adds a reported country to the fan chart, and the choice is in the address.
    await page.getByLabel('Add a country or group to the fan chart').selectOption('JPN');
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#/runs?countries=USA,CHN,JPN');
    await expect.poll(() => fan.locator('svg g[aria-label="area"]').count()).toBe(3);
    // A report group (EU, a row of its own) is on the monthly path too: the fan stays month by month.
    await page.getByLabel('Add a country or group to the fan chart').selectOption('EU');
    await expect.poll(() => fan.locator('svg g[aria-label="area"]').count()).toBe(4);
    await expect(fan.locator('.figure-desc').textContent()).resolves.toMatch(/month by month in 2025/);
    expect(await fan.locator('tbody tr').count()).toBe(4 * months);
    expect(h.errors).toEqual([]);
  }, 120_000);

  it('fits at 390, 768 and 1440 px and passes axe', async () => {
    await expectGoodLayout(page, 'sweep-replay', {
      ready: async (p) => {
        await p.locator('#fig-sweep-fan-countries svg').first().waitFor();
        await p.locator('#fig-sweep-sector-intervals svg').first().waitFor();
      },
    });
  }, 300_000);

  it('draws a solve sweep (NAFTA) as welfare by country with intervals', async () => {
    await open(join(dir, 'nafta', 'sweep.json'));
    const fig = page.locator('#fig-sweep-welfare-intervals');
    await fig.locator('svg').first().waitFor();
    await expect(page.getByTestId('sweep-status').textContent()).resolves.toMatch(/12 of 12 draws/);
    // Mexico's central welfare change is Caliendo & Parro's +1.31%; its band lies around it.
    await fig.locator('summary').click();
    const mex = fig.locator('tbody tr', { hasText: 'MEX' });
    const cells = (await mex.locator('td').allTextContents()).map((t) => t.trim());
    const [central, lo, , hi] = cells.slice(2).map(Number);
    expect(central).toBeCloseTo(1.31, 2);
    expect(lo).toBeLessThan(central);
    expect(hi).toBeGreaterThan(central);
    await expectGoodLayout(page, 'sweep-nafta', {
      ready: (p) => p.locator('#fig-sweep-welfare-intervals svg').first().waitFor(),
    });
  }, 300_000);

  it('refuses a file that is not a sweep result, saying what it expected', async () => {
    await open(join(dir, 'not-a-sweep.json'));
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /not-a-sweep\.json: Expected a sweep result .* found an object with steps/,
    );
  }, 60_000);

  it('submits a sweep file from the editor as a sweep run, reattaches to it after a reload, and lists it', async () => {
    const text = 'lancaster: 1\nname: NAFTA sweep from the editor\nscenario: nafta-cp2015\ndraws: 300\nseed: 7\n';
    await page.goto('/#/editor');
    await page.locator('#scenario-yaml').fill(text);
    await page.getByTestId('kind').getByText('sweep', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('run').textContent()).resolves.toBe('Run the sweep');
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('lancaster.editor.pending')), { timeout: 10_000 })
      .not.toBeNull();
    const id = await page.evaluate(() => sessionStorage.getItem('lancaster.editor.pending'));
    await page.reload();
    // Reattached: the progress of the sweep as the server counts it (runs done of draws + central).
    await page
      .getByRole('status')
      .getByText(/\d+ of 301 runs/)
      .first()
      .waitFor({ timeout: 60_000 });
    const view = page.locator(`[data-kind="sweep"][data-run="${id}"]`);
    await view.waitFor({ timeout: 120_000 });
    await expect(view.getByTestId('sweep-status').textContent()).resolves.toMatch(/300 of 300 draws in the bands/);
    await view.locator('#fig-sweep-welfare-intervals svg').first().waitFor();
    await page.goto('/#/runs');
    await page.getByLabel('Kind').selectOption('sweep');
    await expect(page.getByTestId('runs-table').locator(`tr[data-run="${id}"]`).textContent()).resolves.toMatch(
      /NAFTA sweep from the editor.*sweep.*done/,
    );
    await page.goto(`/#/runs?id=${id}`);
    await page.locator(`[data-kind="sweep"] #fig-sweep-welfare-intervals svg`).first().waitFor({ timeout: 30_000 });
    expect(h.errors).toEqual([]);
  }, 300_000);
});
