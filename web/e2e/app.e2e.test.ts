/**
 * End-to-end tests of the web app in real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against a real server (startServer on 127.0.0.1:0, temp SQLite, worker pool,
 * the built web/dist). Every view is screenshotted to web/e2e/screenshots/ (ignored by git: tests never rewrite tracked files).
 * Skipped, with a message, only when Chromium is not installed (CI installs it: .ci/run).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, FIXTURES, SCREENSHOTS, hasChromium, type Harness, useHarness } from './harness.ts';

const FIXTURE = join(FIXTURES, 'tariffs-2025.yaml');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

describe.skipIf(!hasChromium())('the web app in headless Chromium', () => {
  let h: Harness;
  let page: Page;
  const editorRuns: string[] = [];

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  useHarness((x) => {
    h = x;
    page = x.page;
  });

  it('lands on the 2025 story: runs the timeline, draws the event strip, charts, map and sector bars', async () => {
    await page.goto('/');
    await expect(page.title()).resolves.toMatch(/2025 story/);
    await page.locator('#fig-average-tariffs svg').first().waitFor({ timeout: 90_000 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/US–China trade war of 2025/);
    // The event strip: one focusable marker per step; talks in Geneva and London labelled.
    const strip = page.getByRole('toolbar', { name: /Events of 2025/ });
    await expect(strip.locator('.marker-label', { hasText: 'Geneva' }).count()).resolves.toBe(1);
    await expect(strip.locator('.marker-label', { hasText: 'London' }).count()).resolves.toBe(1);
    const runs = (await (await fetch(`${h.server.url}/api/runs?kind=timeline`)).json()) as {
      runs: { id: string; status: string }[];
    };
    expect(runs.runs[0].status).toBe('done');
    const steps = (
      (await (await fetch(`${h.server.url}/api/runs/${runs.runs[0].id}`)).json()) as { result: { steps: unknown[] } }
    ).result.steps.length;
    expect(await strip.locator('.marker[tabindex="0"]').count()).toBe(1);
    // Keyboard: the selected marker has focus; → moves to the next event and the card follows.
    const card = page.getByTestId('event-card');
    const before = await card.locator('h3').textContent();
    await strip.locator('.marker[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(card.locator('h3').textContent()).resolves.not.toBe(before);
    await expect(card.textContent()).resolves.toMatch(new RegExp(`Event \\d+ of ${steps}`));
    await page.keyboard.press('End');
    await expect(card.textContent()).resolves.toMatch(new RegExp(`Event ${steps} of ${steps}`));
    await page.keyboard.press('Home');
    // Charts, map and sector bars, each with its sources.
    for (const id of ['average-tariffs', 'bilateral-trade', 'welfare-timeline', 'welfare-map', 'sector-impacts']) {
      const fig = page.locator(`#fig-${id}`);
      await fig.locator('svg').first().waitFor();
      await expect(fig.locator('figcaption').textContent()).resolves.toMatch(
        /dataset multisector-2025 v[\d.]+ \(Timmer/,
      );
    }
    expect(await page.locator('#fig-welfare-map svg path').count()).toBeGreaterThan(150);
    // Select Geneva and screenshot the story there.
    await strip.locator('.marker.kind-talks', { hasText: 'Geneva' }).click();
    await expect(card.textContent()).resolves.toMatch(/Geneva/);
    await page.locator('#fig-average-tariffs').scrollIntoViewIfNeeded();
    await shot(page, 'story');
    expect(h.errors).toEqual([]);
  }, 120_000);

  it('exports a chart as SVG and its data as CSV', async () => {
    const fig = page.locator('#fig-average-tariffs');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      fig.getByRole('button', { name: /as CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('lancaster-average-tariffs.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('date,series,average_tariff_pct');
    expect(text).toMatch(/2025-04-10,US on China,1\d\d\./);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      fig.getByRole('button', { name: /as SVG/ }).click(),
    ]);
    const doc = readFileSync((await svg.path())!, 'utf8');
    expect(doc).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(doc).toContain('Average tariffs each way');
    expect(doc).toContain('Timmer');
  }, 30_000);

  it('runs a scenario in the editor, edits a tariff in the form and shows the result change', async () => {
    await page.goto('/#/editor');
    await page.getByLabel('Open a scenario file').setInputFiles(FIXTURE);
    const validation = page.getByTestId('validation');
    await expect(
      validation.getByText(/Valid: model multisector/).waitFor({ timeout: 20_000 }),
    ).resolves.toBeUndefined();
    await page.getByTestId('run').click();
    const result = page.getByTestId('result');
    await result.waitFor({ timeout: 60_000 });
    editorRuns.push((await result.getAttribute('data-run'))!);
    const usBefore = await page.getByTestId('result-USA-welfare_pct').textContent();
    // The Geneva truce's US rate on China: +10 points → +30 points (it stays in force to the end).
    const input = page.getByLabel('2025-05-14: USA on CHN, goods, add');
    await expect(input.inputValue()).resolves.toBe('10');
    await input.fill('30');
    await input.press('Enter');
    await expect(page.locator('#scenario-yaml').inputValue()).resolves.toMatch(
      /us-recip-10, importer: USA, exporter: CHN[^\n]*add: 0\.30? \}/,
    );
    await validation.getByText(/Valid/).waitFor({ timeout: 20_000 });
    await page.getByTestId('run').click();
    await page.locator(`[data-testid="result"]:not([data-run="${editorRuns[0]}"])`).waitFor({ timeout: 60_000 });
    editorRuns.push((await result.getAttribute('data-run'))!);
    const usAfter = await page.getByTestId('result-USA-welfare_pct').textContent();
    expect(usBefore).toMatch(/^[−+]\d/);
    expect(usAfter).toMatch(/^[−+]\d/);
    expect(usAfter).not.toBe(usBefore);
    await expect(page.getByTestId('change-USA').textContent()).resolves.toMatch(/^[−+]0\.\d*[1-9]/);
    await expect(result.textContent()).resolves.toMatch(/previous run: /);
    // At 1280 px the result table fits its column (every column visible, no sideways scroll).
    await expect(page.getByTestId('result-scroll').getAttribute('data-overflow')).resolves.toBe('false');
    const fits = await page
      .getByTestId('result-scroll')
      .locator('.table-scroll')
      .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    await shot(page, 'editor');
  }, 120_000);

  it("shows a validation error at its line, from the server's parse and from its dataset checks", async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('add: 0.10 }')) + 1;
    const bad = lines.map((l, k) => (k + 1 === at ? l.replace('add: 0.10', 'add: "ten percent"') : l)).join('\n');
    await page.locator('#scenario-yaml').fill(bad);
    const issue = page.getByTestId('issue').first();
    await issue.waitFor();
    await expect(issue.getAttribute('data-line')).resolves.toBe(String(at));
    await expect(issue.textContent()).resolves.toMatch(
      new RegExp(
        `Line ${at}, column \\d+ timeline\\[\\d\\]\\.tariffs\\[0\\]\\.add: expected a number or percent string`,
      ),
    );
    await expect(page.locator(`.gutter .err[data-line="${at}"]`).count()).resolves.toBe(1);
    await expect(page.locator('#scenario-yaml').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('run').isDisabled()).resolves.toBe(true);
    await issue.getByRole('button', { name: `Line ${at}, column` }).click(); // moves the caret to the line
    await expect(
      page
        .locator('#scenario-yaml')
        .evaluate((t: HTMLTextAreaElement) => t.value.slice(0, t.selectionStart).split('\n').length),
    ).resolves.toBe(at);
    await shot(page, 'editor-error');
    // A dataset check only the server makes: an unknown region code, located at its line.
    const unknown = text.replace(
      'importer: USA, exporter: CHN, sectors: [goods], add: 0.10 }',
      'importer: USA, exporter: XYZ, sectors: [goods], add: 0.10 }',
    );
    const line = unknown.split('\n').findIndex((l) => l.includes('XYZ')) + 1;
    await page.locator('#scenario-yaml').fill(unknown);
    await page.getByText(/dataset checks, by the server/).waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('issue').first().getAttribute('data-line')).resolves.toBe(String(line));
    await expect(page.getByTestId('issue').first().textContent()).resolves.toMatch(/XYZ/);
  }, 60_000);

  it('compares two runs side by side', async () => {
    await page.goto(`/#/compare?a=${editorRuns[0]}&b=${editorRuns[1]}`);
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 20_000 });
    const row = table.locator('tr[data-country="USA"]');
    const cells = await row.locator('td').allTextContents();
    expect(cells).toHaveLength(3);
    expect(cells[0]).toMatch(/^[−+]\d/);
    expect(cells[1]).toMatch(/^[−+]\d/);
    await page.locator('#fig-compare-dots svg').first().waitFor();
    await page.locator('#fig-compare-tariffs svg').first().waitFor();
    // The edited truce rate shows in the tariff paths over time: B ends higher than A.
    const [a, b] = await Promise.all(
      editorRuns.map(
        async (id) =>
          (
            (await (await fetch(`${h.server.url}/api/runs/${id}`)).json()) as {
              result: { steps: { average_tariffs: Record<string, number> }[] };
            }
          ).result.steps,
      ),
    );
    const last = (s: typeof a) => s[s.length - 1].average_tariffs['USA<-CHN'];
    expect(last(b)).toBeGreaterThan(last(a) + 15);
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^−/); // US welfare lower in B
    await shot(page, 'compare');
  }, 60_000);

  it('runs the London 2025 negotiation: deal cloud, frontier, Nash and KS, thresholds, a session’s offers and the linkage answer', async () => {
    await page.goto('/#/negotiation');
    await expect(page.getByRole('radio', { name: /London 2025/ }).isChecked()).resolves.toBe(true);
    const fig = page.locator('#fig-london-deals');
    const chart = fig.locator('.chart svg');
    await chart.waitFor({ timeout: 240_000 }); // 225 solves: over 2 min on a shared machine
    // The deal cloud: every deal but "no deal" (5 × 5 × 3 × 3 − 1), green when ratifiable (linked by default).
    const deals = async () => [
      await chart.locator('g.deals-ratifiable circle').count(),
      await chart.locator('g.deals-other circle').count(),
    ];
    // The numbers the page must show are the run's own (GET /api/runs/:id): the view is checked
    // against the result it renders, so a model change re-records nothing here.
    const listed = (await (await fetch(`${h.server.url}/api/runs?kind=negotiation`)).json()) as {
      total: number;
      runs: { id: string }[];
    };
    const run = (await (await fetch(`${h.server.url}/api/runs/${listed.runs[0].id}`)).json()) as {
      result: { linkage: Record<'separate' | 'linked' | 'full', { ratifiable: number }> };
    };
    const count = {
      separate: run.result.linkage.separate.ratifiable,
      linked: run.result.linkage.linked.ratifiable,
      full: run.result.linkage.full.ratifiable,
    };
    const [ratifiable, other] = await deals();
    expect(ratifiable + other).toBe(224);
    expect(ratifiable).toBe(count.linked);
    // Frontier, Nash and Kalai–Smorodinsky, the disagreement point.
    expect(await chart.locator('g.frontier path').count()).toBe(1);
    expect(await chart.locator('g.nash path').count()).toBe(1);
    expect(await chart.locator('g.ks path').count()).toBe(1);
    expect(await chart.locator('g.disagreement path').count()).toBe(1);
    // The leaders' thresholds as the run resolved them (GET /api/runs/:id/deals): bands on each axis
    // (normal: 68% and 95%; uniform: its range), median lines, the ratified region.
    const map = (await (await fetch(`${h.server.url}/api/runs/${listed.runs[0].id}/deals`)).json()) as {
      leaders: { threshold: { kind: string } }[];
    };
    const bandCount = (k: string) => (k === 'normal' ? 2 : k === 'uniform' ? 1 : 0);
    expect(await chart.locator('g.threshold-band-x rect').count()).toBe(bandCount(map.leaders[0].threshold.kind));
    expect(await chart.locator('g.threshold-band-y rect').count()).toBe(bandCount(map.leaders[1].threshold.kind));
    expect(await chart.locator('g.threshold-x line').count()).toBe(1);
    expect(await chart.locator('g.threshold-y line').count()).toBe(1);
    expect(await chart.locator('g.ratified-region path').count()).toBe(1);
    await expect(fig.textContent()).resolves.toMatch(new RegExp(`Donald Trump’s θ ~ ${map.leaders[0].threshold.kind}`));
    // The first session's REE + chips agreement: both sides' offers as paths, round numbers on hover.
    const usOffers = chart.locator('g.offers.p0 circle');
    expect(await usOffers.count()).toBeGreaterThan(3);
    expect(await chart.locator('g.offers.p1 path').count()).toBeGreaterThan(3);
    expect(await chart.locator('g.offer-path > path').count()).toBe(2); // each side's concession path
    // Hovering an offer shows a tip (which mark is on top where offers and deals overlap depends on the run).
    await usOffers.nth(2).hover({ force: true });
    await expect(chart.locator('[aria-label="tip"]').textContent()).resolves.toMatch(/ree \d/);
    const offers = page.getByTestId('offers-table');
    await expect(offers.locator('tbody tr').first().textContent()).resolves.toMatch(/^1● USA offersree/);
    // On this model the REE + chips basket may end without agreement (no accept row): the table lists the offers either way.
    expect(await offers.locator('tbody tr').count()).toBeGreaterThan(3);
    // The linkage answer: the run's ratifiable deals per partition (docs/london-2025.md).
    const linkage = page.getByTestId('linkage-table');
    for (const k of ['separate', 'linked', 'full'] as const) {
      await expect(linkage.locator(`tr[data-partition="${k}"] td`).nth(1).textContent()).resolves.toBe(
        `${count[k]} of 224`,
      );
    }
    await expect(page.getByTestId('linkage-answer').textContent()).resolves.toContain(String(count.linked));
    // One run was submitted, and the page says how it was solved.
    expect(listed.total).toBe(1);
    await expect(page.locator('.run-meta').first().textContent()).resolves.toMatch(/225 deals, 225 equilibrium solves/);
    // Controls are labelled native elements: another partition and another pairing redraw the chart.
    await page.getByRole('radio', { name: /Full linkage/ }).check();
    await expect.poll(async () => (await deals())[0]).toBe(count.full);
    await page.getByLabel('Pairing').selectOption({ label: 'model-aware vs model-aware' });
    await expect(page.getByTestId('session-summary').textContent()).resolves.toMatch(
      /ree [\d.]+, chips [+−]?[\d.]+, farm [−\d.]+, us_tariff [−\d.]+/,
    );
    await expect(page.getByLabel('Agreement (basket)').inputValue()).resolves.toBe('0');
    expect(await offers.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Linkage', exact: true }).selectOption('separate');
    await expect(page.getByTestId('session-summary').textContent()).resolves.toMatch(/ree [\d.]+, chips [+−]?[\d.]+/);
    await page.getByRole('combobox', { name: 'Linkage', exact: true }).selectOption('linked');
    await page.getByRole('radio', { name: /^Linked/ }).check();
    // Assumptions and sources are on the page; the chart exports with its source line.
    await expect(page.getByTestId('issues-table').textContent()).resolves.toMatch(/rare-earth licence approval rate/);
    await expect(page.getByTestId('trust-table').textContent()).resolves.toMatch(/0\.462/);
    await expect(page.locator('ol.sources').first().textContent()).resolves.toMatch(/Timmer/);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      fig.getByRole('button', { name: /as SVG/ }).click(),
    ]);
    const doc = readFileSync((await svg.path())!, 'utf8');
    expect(doc).toContain('Kalai–Smorodinsky');
    expect(doc).toContain('london-2025.yaml');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the offers as CSV' }).click(),
    ]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[0]).toBe(
      'agreement,round,proposer,action,bid,u_USA,u_CHN,seen_USA,seen_CHN',
    );
    await page.mouse.move(0, 0);
    await page.locator('#deals-h').scrollIntoViewIfNeeded();
    await shot(page, 'negotiation-london');
    expect(h.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 300_000);

  it('analyses the England–Zimbabwe negotiation domain: frontier, Nash and Kalai–Smorodinsky points', async () => {
    await page.getByRole('radio', { name: /GENIUS example domains/ }).check();
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#/negotiation?case=genius');
    await page.locator('#fig-negotiation-frontier .chart svg').waitFor({ timeout: 30_000 });
    const table = page.getByRole('table', { name: /Solutions and the bids/ });
    await expect(table.getByRole('rowheader', { name: 'Nash bargaining solution' }).count()).resolves.toBe(1);
    await expect(table.getByRole('rowheader', { name: 'Kalai–Smorodinsky' }).count()).resolves.toBe(1);
    await expect(page.getByText(/576 outcomes/).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'negotiation');
  }, 60_000);

  it('lists the datasets with their sources and licences', async () => {
    await page.goto('/#/sources');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await expect(page.locator('ol.sources').first().textContent()).resolves.toMatch(/licence/);
    await expect(page.getByText(/Timmer, Dietzenbacher/).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'sources');
    // The only console errors: the 400 answers of the invalid scenarios (expected, above).
    expect(h.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 30_000);
});
