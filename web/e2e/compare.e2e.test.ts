/**
 * Compare's run pickers (issue 19): a select cut the runs' names at 390 and 768 px. Each run is
 * now chosen in a disclosure whose summary (the chosen run in full) and radio labels wrap, and the
 * indicator select shows its whole label; the pickers work from the keyboard and change the
 * address. At 390, 768 and 1440 px with axe-core, the lists closed and open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, FIXTURES, hasChromium, type Harness, useHarness } from './harness.ts';
import { cutControls, expectGoodLayout, WIDTHS } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

async function solved(url: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/runs?kind=timeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: text,
  });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${url}/api/runs/${id}`)).json()) as { status: string; error?: string };
    if (run.status === 'done') return id;
    if (run.status === 'failed') throw new Error(`Expected run ${id} to finish, found it failed: ${run.error}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe.skipIf(!hasChromium())("compare's run pickers", () => {
  let h: Harness;
  let page: Page;
  let a = '',
    b = '';

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  const ready = async (p: Page) => {
    await p.getByTestId('compare-table').waitFor({ timeout: 30_000 });
    await p.locator('#fig-compare-dots svg').first().waitFor({ timeout: 30_000 });
  };

  it('show each chosen run in full, wrapped, at every width', async () => {
    const text = readFileSync(join(FIXTURES, 'tariffs-2025.yaml'), 'utf8');
    a = await solved(h.server.url, text);
    b = await solved(h.server.url, text.replace('add: 0.10 }', 'add: 0.30 }'));
    await page.goto(`/#/compare?a=${a}&b=${b}`);
    await ready(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await ready(page);
      for (const [side, id] of [
        ['A', a],
        ['B', b],
      ]) {
        const chosen = page.getByTestId(`run-picker-${side}`).getByTestId('run-picker-chosen');
        await expect(chosen.textContent()).resolves.toMatch(
          new RegExp(`^US–China 2025, tariffs only \\(test fixture\\) · timeline · .* · ${id.slice(0, 8)}$`),
        );
        // Its whole text is inside its box: wrapped, not cut.
        const fits = await chosen.evaluate((el) => {
          const box = el.closest('summary')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return r.right <= box.right + 0.5 && el.scrollWidth <= el.closest('summary')!.clientWidth;
        });
        expect(fits, `run ${side} at ${width} px`).toBe(true);
      }
      expect(await cutControls(page, '.compare-pickers'), `at ${width} px`).toEqual([]);
    }
  }, 180_000);

  it('choose a run from the keyboard, and the address follows', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    const picker = page.getByTestId('run-picker-A');
    await picker.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(picker.getAttribute('open')).resolves.toBe('');
    await picker.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowUp');
    // The list is newest first: up from A (the older run) is B's run, and A becomes it.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/compare?a=${b}&b=${b}`);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/compare?a=${a}&b=${b}`);
    await expect(picker.getByTestId('run-picker-chosen').textContent()).resolves.toContain(a.slice(0, 8));
  }, 60_000);

  it('fit and pass axe at 390, 768 and 1440 px with both lists open', async () => {
    for (const side of ['A', 'B']) {
      const d = page.getByTestId(`run-picker-${side}`);
      if ((await d.getAttribute('open')) === null) await d.locator('summary').click();
    }
    await expectGoodLayout(page, 'compare-pickers', { ready });
    expect(h.errors).toEqual([]);
  }, 180_000);
});
