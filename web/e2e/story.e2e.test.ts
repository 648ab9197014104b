/**
 * The landing story's sections of issue 19: the note on headline vs average tariffs, the horizon
 * switch (saying which horizon is shown), the model against observed monthly trade, the critical
 * supply of rare earths (stock-out dates, industries short, prices), the measures explained and
 * the links to the London analysis — each at 390, 768 and 1440 px with axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, SCREENSHOTS, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

describe.skipIf(!hasChromium())('the landing story', () => {
  let h: Harness;
  let page: Page;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  const ready = async (p: Page) => {
    await p.locator('#fig-average-tariffs svg').first().waitFor({ timeout: 240_000 });
    await p.locator('#fig-model-vs-observed svg').first().waitFor({ timeout: 60_000 });
    await p.getByTestId('stockouts').waitFor({ timeout: 240_000 });
  };

  it('explains the averages, says the horizon, and sets the model against observed monthly trade', async () => {
    await page.goto('/');
    await ready(page);
    const note = await page.getByTestId('tariff-note').textContent();
    expect(note).toMatch(/when the news said 145% and 125%/);
    // The card's average is the January level plus the points added in 2025, read from the run.
    const [, avg, jan, added] = /(\d+\.\d)% = (\d+\.\d)% before 2025 \+(\d+\.\d) points/.exec(note!)!.map(Number);
    expect(avg).toBeCloseTo(jan + added, 1);
    await expect(page.getByTestId('horizon-shown').textContent()).resolves.toMatch(/Shown: long run/);
    const mvo = page.getByTestId('mvo-table');
    expect(await mvo.locator('tbody tr').count()).toBeGreaterThanOrEqual(9 + 5);
    await expect(mvo.textContent()).resolves.toMatch(/China's exports to the US, 2025-05−34\.5%/);
    await expect(page.getByRole('heading', { name: 'What the numbers mean' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'The London 2025 negotiation' }).getAttribute('href')).resolves.toBe(
      '#/negotiation',
    );
    expect(h.errors).toEqual([]);
  }, 600_000);

  it('shows which industries run short of rare earths, when stocks run out, and at what price', async () => {
    const stock = page.getByTestId('stockouts');
    await expect(stock.textContent()).resolves.toMatch(/Japan.*(Jun|Jul) 2025/);
    await expect(page.getByTestId('short-industries').textContent()).resolves.toMatch(/Electrical & optical/);
    await expect(page.getByTestId('chain-prices').textContent()).resolves.toMatch(/% short/);
    await page.locator('#fig-critical-weekly svg').first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const id of ['tariff-note', 'horizon', 'model-vs-observed', 'critical-supply'])
      await page.getByTestId(id).screenshot({ path: join(SCREENSHOTS, `story-${id}.png`) });
  }, 120_000);

  it('fits at 390, 768 and 1440 px and passes axe (long run)', async () => {
    await expectGoodLayout(page, 'story-sections', { ready });
  }, 300_000);

  it('switches to the short run and says so', async () => {
    await page.getByRole('radio', { name: 'Short run' }).check();
    await page
      .getByTestId('horizon-shown')
      .getByText(/short run/)
      .waitFor({ timeout: 300_000 });
    await expect(page.getByTestId('horizon-shown').textContent()).resolves.toMatch(
      /Shown: short run — within about a year/,
    );
    await ready(page);
    const runs = (await (await fetch(`${h.server.url}/api/runs?kind=timeline`)).json()) as { runs: { id: string }[] };
    const short = (await (await fetch(`${h.server.url}/api/runs/${runs.runs[0].id}`)).json()) as { scenario: string };
    expect(short.scenario).toMatch(/horizon: short-run/);
    expect(h.errors).toEqual([]);
  }, 600_000);
});
