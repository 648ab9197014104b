/**
 * Every view of the web app, and the HTML report of `lancaster run`, at 390, 768 and 1440 px in
 * headless Chromium: no horizontal overflow, no overlapping chart labels, zero serious or critical
 * axe-core violations (WCAG 2 AA, contrast included). Screenshots: web/e2e/screenshots/<view>-<width>.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, FIXTURES, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';
import { runCli } from '../../test/support/cli.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

/** Submits a scenario over the API and waits until the run is done; returns its id. */
async function solved(url: string, kind: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/runs?kind=${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: text,
  });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${url}/api/runs/${id}`)).json()) as { status: string; error?: string };
    if (run.status === 'done') return id;
    if (run.status === 'failed' || run.status === 'cancelled')
      throw new Error(`Expected run ${id} to finish, found it ${run.status}: ${run.error}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const svgIn =
  (selector: string, timeout = 30_000) =>
  (p: Page) =>
    p.locator(`${selector} svg`).first().waitFor({ timeout });

describe.skipIf(!hasChromium())('every view at 390, 768 and 1440 px', () => {
  let h: Harness;
  let page: Page;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  it('the 2025 story fits, keeps its labels apart and passes axe', async () => {
    await page.goto('/');
    await svgIn('#fig-average-tariffs', 120_000)(page);
    await expectGoodLayout(page, 'story', {
      ready: async (p) => {
        await svgIn('#fig-welfare-map')(p);
        await svgIn('#fig-sector-impacts')(p);
      },
    });
  }, 240_000);

  it('the scenario editor with a result fits and passes axe', async () => {
    await page.goto('/#/editor');
    await page.getByTestId('validation').getByText(/Valid/).waitFor({ timeout: 30_000 });
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 60_000 });
    await expectGoodLayout(page, 'editor');
  }, 120_000);

  it('the comparison of two runs fits and passes axe', async () => {
    const text = readFileSync(join(FIXTURES, 'tariffs-2025.yaml'), 'utf8');
    const a = await solved(h.server.url, 'timeline', text);
    const b = await solved(h.server.url, 'timeline', text.replace('add: 0.10 }', 'add: 0.30 }'));
    await page.goto(`/#/compare?a=${a}&b=${b}`);
    await page.getByTestId('compare-table').waitFor({ timeout: 30_000 });
    await expectGoodLayout(page, 'compare', {
      ready: async (p) => {
        await svgIn('#fig-compare-dots')(p);
        await svgIn('#fig-compare-tariffs')(p);
      },
    });
  }, 180_000);

  it('the GENIUS negotiation analysis fits and passes axe', async () => {
    await page.goto('/#/negotiation?case=genius');
    await page.getByRole('radio', { name: /GENIUS example domains/ }).check();
    await expectGoodLayout(page, 'negotiation-genius', { ready: svgIn('#fig-negotiation-frontier .chart') });
    // Its chart has a tooltip: hovering a point of the frontier names it with both utilities.
    const chart = page.locator('#fig-negotiation-frontier .chart svg');
    await chart.locator('circle').first().hover({ force: true });
    await expect(chart.locator('[aria-label="tip"]').textContent()).resolves.toMatch(
      /(Pareto-optimal|Nash|Kalai|Utilitarian|Egalitarian).*\d\.\d{3}/,
    );
  }, 120_000);

  it('the London 2025 negotiation fits and passes axe', async () => {
    await page.goto('/#/negotiation');
    await page.getByRole('radio', { name: /London 2025/ }).check();
    await svgIn('#fig-london-deals .chart', 180_000)(page);
    await expectGoodLayout(page, 'negotiation-london', { ready: svgIn('#fig-london-deals .chart') });
  }, 300_000);

  it('the data sources fit and pass axe', async () => {
    await page.goto('/#/sources');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await expectGoodLayout(page, 'sources');
  }, 60_000);

  it('the HTML report of lancaster run fits and passes axe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lancaster-report-'));
    try {
      const r = await runCli('run', 'us-china-2025', '--out', dir);
      expect(r.code).toBe(0);
      await page.setContent(readFileSync(join(dir, 'report.html'), 'utf8'));
      await expectGoodLayout(page, 'report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
