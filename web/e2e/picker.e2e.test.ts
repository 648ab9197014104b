/**
 * The country picker (issue 19) on the landing story and on a solve's view: any of the dataset's
 * countries, a group added as its members, chosen countries outlined on the map and drawn in the
 * sector bars (the story runs the same timeline with report.sectors for them), removable with the
 * keyboard; the choice, the horizon and the event are in the address, so a reload (a permalink)
 * shows the same view. At 390, 768 and 1440 px with axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const chips = (page: Page) =>
  page
    .getByTestId('country-picker')
    .locator('ul.chips li[data-code]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
/**
 * Waits for the chips to show `codes`. The chips are drawn from the address, in the render that
 * follows its hashchange event (location.hash = …), not in the select's or the button's own
 * handler; so the test waits for them before the next key, rather than reading them once.
 */
const chipsShow = (page: Page, codes: string[]) => expect.poll(() => chips(page), { timeout: 10_000 }).toEqual(codes);

describe.skipIf(!hasChromium())('the country picker', () => {
  let h: Harness;
  let page: Page;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  const bars = (p: Page) => p.locator('#fig-sector-impacts');

  it('adds a country to the story map and sector bars, solving its sector detail, and keeps it in the address', async () => {
    await page.goto('/');
    await bars(page).locator('svg').first().waitFor({ timeout: 240_000 });
    expect(await chips(page)).toEqual(['USA', 'CHN']);
    await page.getByLabel('Add a country or group to the map and the sector bars').selectOption('JPN');
    expect(await hashOf(page)).toBe('#/?countries=USA,CHN,JPN');
    // The sector detail of Japan comes from a second timeline run of the same file with report.sectors.
    await bars(page).locator('table').getByText('Japan').first().waitFor({ state: 'attached', timeout: 240_000 });
    const runs = (await (await fetch(`${h.server.url}/api/runs?kind=timeline`)).json()) as { runs: { id: string }[] };
    const detail = (await (await fetch(`${h.server.url}/api/runs/${runs.runs[0].id}`)).json()) as {
      scenario: string;
      result: { steps: { sectors: Record<string, unknown> }[] };
    };
    expect(detail.scenario).toMatch(/sectors:\s*\n?\s*-?\s*\[?\s*USA/);
    expect(Object.keys(detail.result.steps[0].sectors)).toEqual(['USA', 'CHN', 'JPN']);
    await expect(page.getByTestId('map-chosen').textContent()).resolves.toMatch(/United States.*China.*Japan/);
    // Japan is outlined on the map: one more outline path than the US and China alone.
    expect(
      await page.locator('#fig-welfare-map svg g[aria-label="geo"][stroke="#1b1f24"] path').count(),
    ).toBeGreaterThanOrEqual(3);
    expect(h.errors).toEqual([]);
  }, 600_000);

  it('adds a group as its members and removes a country with the keyboard', async () => {
    await page.getByLabel('Add a country or group to the map and the sector bars').selectOption('group:EU');
    // Drawn before the next key: a removal works on the chips the page shows.
    await chipsShow(page, ['USA', 'CHN', 'JPN', 'DEU', 'FRA', 'ITA', 'EUR']);
    await page.getByRole('button', { name: 'Remove Japan' }).focus();
    await page.keyboard.press('Enter');
    await chipsShow(page, ['USA', 'CHN', 'DEU', 'FRA', 'ITA', 'EUR']);
    // Focus goes back to the picker's select, not to the top of the page.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SELECT');
    expect(await hashOf(page)).toBe('#/?countries=USA,CHN,DEU,FRA,ITA,EUR');
    await bars(page).locator('table').getByText('Germany').first().waitFor({ state: 'attached', timeout: 240_000 });
  }, 600_000);

  it('is a permalink: the event, the horizon and the countries survive a reload', async () => {
    const strip = page.getByRole('toolbar', { name: /Events of 2025/ });
    await strip.locator('.marker[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await hashOf(page)).toMatch(/event=3/);
    const card = await page.getByTestId('event-card').locator('h3').textContent();
    await page.reload();
    await bars(page).locator('svg').first().waitFor({ timeout: 240_000 });
    await expect(page.getByTestId('event-card').locator('h3').textContent()).resolves.toBe(card);
    expect(await chips(page)).toEqual(['USA', 'CHN', 'DEU', 'FRA', 'ITA', 'EUR']);
    await expect(page.getByTestId('event-card').textContent()).resolves.toMatch(/Event 3 of/);
    expect(h.errors).toEqual([]);
  }, 600_000);

  it('fits at 390, 768 and 1440 px and passes axe with countries chosen', async () => {
    await expectGoodLayout(page, 'story-picker', {
      ready: async (p) => {
        await bars(p).locator('svg').first().waitFor();
        await p.locator('#fig-welfare-map svg').first().waitFor();
      },
    });
  }, 300_000);

  it('shows a solve on the map with the picker, and says which chosen countries have no sector detail', async () => {
    await page.goto('/#/editor');
    await page.getByTestId('validation').getByText(/Valid/).waitFor({ timeout: 30_000 });
    await page.getByTestId('run').click();
    const map = page.getByTestId('outcome-map');
    await map.locator('figure svg').first().waitFor({ timeout: 90_000 });
    expect(await chips(page)).toEqual(['USA', 'CHN']);
    await page.getByLabel('Add a country or group to the map', { exact: true }).selectOption('MEX');
    expect(await hashOf(page)).toBe('#/editor?countries=USA,CHN,MEX');
    await chipsShow(page, ['USA', 'CHN', 'MEX']);
    await expect(map.getByTestId('map-chosen').textContent()).resolves.toMatch(/Mexico/);
    // The starter is a one-sector model: no sector detail for anyone, and the view says why.
    await expect(map.getByTestId('no-sector-detail').textContent()).resolves.toMatch(
      /one sector: there is no sector detail/,
    );
    await expectGoodLayout(page, 'editor-picker', {
      ready: (p) => p.getByTestId('outcome-map').locator('figure svg').first().waitFor(),
    });
    expect(h.errors).toEqual([]);
  }, 300_000);
});
