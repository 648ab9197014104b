/**
 * The editor runs every file as its kind (issue 19): a strategy file as a strategy run (not a
 * plain solve that returns 194 rows of 0.000), a gravity file as a gravity run, a negotiation file
 * as a negotiation, each shown in its kind's view; and form edits keep the user's YAML formatting.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, SCREENSHOTS, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

describe.skipIf(!hasChromium())('the editor runs each file as its kind', () => {
  let h: Harness;
  let page: Page;

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  useHarness((x) => {
    h = x;
    page = x.page;
  });

  /** Loads an embedded example into the editor and waits for the server to name its kind. */
  async function load(id: string, kind: string) {
    await page.goto('/#/editor');
    await page.getByLabel('Load an embedded scenario').selectOption(id);
    await page.getByTestId('kind').getByText(kind, { exact: true }).waitFor({ timeout: 30_000 });
  }

  it('runs a strategy file as a strategy run and shows the best response by player', async () => {
    await load('strategy/us-optimal-uniform', 'strategy');
    await expect(page.getByTestId('run').textContent()).resolves.toBe('Solve the game');
    await page.getByTestId('run').click();
    const result = page.locator('[data-testid="result"][data-kind="strategy"]');
    await result.waitFor({ timeout: 90_000 });
    const runs = (await (await fetch(`${h.server.url}/api/runs?kind=strategy`)).json()) as { runs: { id: string }[] };
    expect(runs.runs).toHaveLength(1);
    await expect(result.getByTestId('strategy-status').textContent()).resolves.toMatch(/Converged/);
    // The US optimal uniform tariff of the paper's case (Ignatenko et al. 2025): about 25%.
    const row = result.getByTestId('by-player').locator('tbody tr').first();
    await expect(row.textContent()).resolves.toMatch(/United States.*0\.0%.*25\.\d%/);
    await expect(result.getByTestId('responses').textContent()).resolves.toMatch(/USA.*→ \+1\.8\d\d%/);
    await shot(page, 'editor-strategy');
    await result.getByText(/Every instrument/).click();
    await expectGoodLayout(page, 'editor-strategy');
    expect(h.errors).toEqual([]);
  }, 120_000);

  it('runs a gravity file as a gravity run and shows the PPML estimates and the counterfactual', async () => {
    await load('gravity/usitc-sample', 'gravity');
    await page.getByTestId('run').click();
    const result = page.locator('[data-testid="result"][data-kind="gravity"]');
    await result.waitFor({ timeout: 90_000 });
    await expect(result.getByTestId('estimates').textContent()).resolves.toMatch(/pta0\.471/);
    expect(await result.getByTestId('gravity-welfare').locator('tbody tr').count()).toBe(30);
    await shot(page, 'editor-gravity');
    await expectGoodLayout(page, 'editor-gravity');
  }, 120_000);

  it('runs a negotiation file as a negotiation and shows the deal and the offers round by round', async () => {
    await load('negotiation/london-2025', 'negotiation');
    await expect(page.getByTestId('run').textContent()).resolves.toBe('Run the negotiation');
    await page.getByTestId('run').click();
    const result = page.locator('[data-testid="result"][data-kind="negotiation"]');
    await result.waitFor({ timeout: 240_000 });
    await expect(result.getByTestId('deal').textContent()).resolves.toMatch(/Deal:/);
    expect(await result.getByTestId('offer-log').first().locator('tbody tr').count()).toBeGreaterThan(2);
    await result.locator('figure svg').first().waitFor();
    await expectGoodLayout(page, 'editor-negotiation', {
      ready: (p) => p.locator('[data-kind="negotiation"] figure svg').first().waitFor(),
    });
    expect(h.errors).toEqual([]);
  }, 300_000);

  it('changes a value from the form without touching the rest of the YAML', async () => {
    await page.goto('/#/editor');
    const text = `lancaster: 1
name:   Mine   # a comment the form must keep
model: one-sector-2025
policy:
  tariffs:
    - {importer: USA, exporter: CHN, rate: "54%"}    # the April rate

report: { countries: [USA, CHN] }
`;
    await page.locator('#scenario-yaml').fill(text);
    const input = page.getByLabel(/policy: USA on CHN, all sectors, rate/);
    await input.fill('60');
    await input.press('Enter');
    await expect(page.locator('#scenario-yaml').inputValue()).resolves.toBe(text.replace('rate: "54%"', 'rate: "60%"'));
  });
});
