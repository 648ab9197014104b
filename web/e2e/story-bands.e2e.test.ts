/**
 * The landing story's sector bars with the uncertainty of a stored sweep (issue 19): once a sweep
 * run of the story's scenario at its horizon is stored, the bars get 5–95% whiskers and a ring at
 * the draws' median, at the steps the draws keep sector detail (the peak of the US tariff on China
 * and the final state), and a note names the sweep; other events say where the whiskers are.
 * At 390, 768 and 1440 px with axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

/** A served sweep of the story's embedded scenario in the long run (the story's default horizon). */
const SWEEP = `lancaster: 1
name: Story sweep (e2e)
scenario: us-china-2025
draws: 4
seed: 5
set:
  options.horizon: long-run
`;

async function sweepRun(url: string): Promise<string> {
  const res = await fetch(`${url}/api/runs?kind=sweep`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: SWEEP,
  });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${url}/api/runs/${id}`)).json()) as { status: string; error?: string };
    if (run.status === 'done') return id;
    if (run.status === 'failed' || run.status === 'cancelled')
      throw new Error(`Expected sweep run ${id} to finish, found it ${run.status}: ${run.error}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(!hasChromium())("the story's sector bars with a stored sweep", () => {
  let h: Harness;
  let page: Page;
  let id = '';

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  const ready = async (p: Page) => {
    await p.locator('#fig-sector-impacts svg').first().waitFor({ timeout: 240_000 });
    await p.getByTestId('sector-bands-note').waitFor({ timeout: 60_000 });
  };

  it('says there are no intervals before a sweep is stored', async () => {
    await page.goto('/');
    await ready(page);
    await expect(page.getByTestId('sector-bands-note').textContent()).resolves.toMatch(/^No uncertainty intervals/);
    expect(await page.locator('#fig-sector-impacts svg g[aria-label="tick"]').count()).toBe(0);
  }, 600_000);

  it("draws the sweep's 5–95% whiskers and medians on the bars at the peak, and names the sweep", async () => {
    id = await sweepRun(h.server.url);
    await page.reload();
    await ready(page);
    const note = page.getByTestId('sector-bands-note');
    await expect
      .poll(() => note.textContent(), { timeout: 60_000 })
      .toMatch(
        new RegExp(`^Whiskers: 5–95% of 4 of 4 draws of the sweep "Story sweep \\(e2e\\)" \\(run ${id.slice(0, 8)}\\)`),
      );
    const fig = page.locator('#fig-sector-impacts');
    // A tick at each end of every whisker, a ring at every median; the legend says what they are.
    const ticks = await fig.locator('svg g[aria-label="tick"] line').count();
    const rings = await fig.locator('svg g[aria-label="dot"] circle').count();
    expect(rings).toBeGreaterThan(5);
    expect(ticks).toBe(2 * rings);
    await expect(fig.locator('.legend').textContent()).resolves.toMatch(/5–95% of the draws.*median of the draws/);
    expect(h.errors).toEqual([]);
  }, 600_000);

  it('fits at 390, 768 and 1440 px and passes axe', async () => {
    await expectGoodLayout(page, 'story-bands', { ready });
  }, 300_000);

  it('says at which events the whiskers are when another event is chosen', async () => {
    await page.getByRole('button', { name: 'Previous event' }).click();
    await expect
      .poll(() => page.getByTestId('sector-bands-note').textContent())
      .toMatch(/keeps sector detail at .* and .* only: choose one of those events/);
    expect(await page.locator('#fig-sector-impacts svg g[aria-label="tick"]').count()).toBe(0);
  }, 120_000);
});
