/**
 * The HTML report of `lancaster run --draws N` (issue 19): its long-run fan charts follow the
 * monthly path (dataset θ, BLP speed: the report's `paths.adjusted`), each month with the band of
 * the draws' own paths (report.json `bands.path[]`, dated by `period`), the short run its equilibria
 * step by step. At 390, 768 and 1440 px with axe-core.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, useHarness } from './harness.ts';
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

describe.skipIf(!hasChromium())('the HTML report with bands', () => {
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-report-bands-'));
  let json: {
    paths: { adjusted: { period: string; trade: Record<string, number> }[] };
    bands: { draws: number; used: { long: number }; path: { period: string; trade: Record<string, Band> }[] };
  };

  useHarness((x) => {
    page = x.page;
  });
  beforeAll(async () => {
    const r = await runCli('run', 'us-china-2025', '--draws', '3', '--threads', '1', '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("bands the monthly path month by month, on the report's own months", () => {
    expect(json.bands.path.map((m) => m.period)).toEqual(json.paths.adjusted.map((m) => m.period));
    expect(json.bands.path).toHaveLength(12);
    const dec = json.bands.path[11].trade['CHN->USA'];
    expect(dec.p5).toBeLessThanOrEqual(dec.p50);
    expect(dec.p50).toBeLessThanOrEqual(dec.p95);
    // The draws move the path: the band has a width by the end of the year.
    expect(dec.p95 - dec.p5).toBeGreaterThan(0.01);
  });

  it('draws the long-run fans on the months and the short run by step, and fits and passes axe', async () => {
    await page.setContent(readFileSync(join(dir, 'report.html'), 'utf8'));
    const html = await page.content();
    expect(html).toMatch(/Goods trade, % change, long run by month: central, median, 5–95% of 3 draws/);
    expect(html).toMatch(/Welfare \(real income\), % change, long run by month/);
    expect(html).toMatch(/short run by step/);
    // One tooltip per month and direction on the long-run trade fan: 12 × 2.
    const months = await page.locator('svg[aria-label*="long run by month"] circle title').allTextContents();
    expect(months.filter((t) => /^CHN → USA, 2025-\d\d \(monthly mean\): /.test(t))).toHaveLength(12);
    // Every fan chart's title fits inside its chart, at every width (the SVG scales as one).
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('svg[aria-label*="5–95% of"]')].flatMap((svg) => {
        const t = svg.querySelector('text')!;
        return t.getBoundingClientRect().right > svg.getBoundingClientRect().right + 0.5 ? [t.textContent] : [];
      }),
    );
    expect(cut).toEqual([]);
    await expectGoodLayout(page, 'report-bands');
  }, 300_000);
});
