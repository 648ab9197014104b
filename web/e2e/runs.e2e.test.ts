/**
 * The runs page and reattaching after a reload, in headless Chromium against a real server: the
 * list shows stored runs, a permalink opens one (its result in its kind's view), a running run
 * is cancelled and a finished one deleted from the page; the editor finds its run again after
 * a reload. Each page is checked at 390, 768 and 1440 px (overflow, labels, axe).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { CHROMIUM, FIXTURES, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

const SOLVE = `lancaster: 1
name: Runs page solve
model: one-sector-2025
dataset: world-2023
policy:
  tariffs:
    - { importer: USA, exporter: CHN, rate: 0.30 }
report:
  countries: [USA, CHN]
`;

async function submit(url: string, kind: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/runs?kind=${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: text,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function statusOf(url: string, id: string): Promise<string> {
  const res = await fetch(`${url}/api/runs/${id}`);
  return res.status === 404 ? 'gone' : ((await res.json()) as { status: string }).status;
}

describe.skipIf(!hasChromium())('the runs page and reattaching after a reload', () => {
  let h: Harness;
  let page: Page;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  it('lists a run, opens it by its permalink with its result, and deletes it', async () => {
    const id = await submit(h.server.url, 'solve', SOLVE);
    await expect.poll(() => statusOf(h.server.url, id), { timeout: 30_000 }).toBe('done');
    await page.goto('/#/runs');
    const row = page.locator(`[data-testid="runs-table"] tr[data-run="${id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await expect(row.textContent()).resolves.toMatch(/Runs page solve.*solve.*done/);
    await expectGoodLayout(page, 'runs');
    await row.getByRole('link', { name: 'Runs page solve' }).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#/runs?id=${id}`);
    await expect(page.getByTestId('run-meta').getAttribute('data-status')).resolves.toBe('done');
    await expect(page.getByTestId('result-USA-welfare_pct').textContent()).resolves.toMatch(/^[−+]\d/);
    await expectGoodLayout(page, 'run-page');
    // The permalink opens the same page after a reload.
    await page.reload();
    await page.getByTestId('result-USA-welfare_pct').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Delete this run' }).click();
    await page.getByText(/was deleted/).waitFor();
    expect(await statusOf(h.server.url, id)).toBe('gone');
  }, 120_000);

  it('the editor reattaches to its run after a reload', async () => {
    await page.goto('/#/editor');
    await page.locator('#scenario-yaml').fill(readFileSync(join(FIXTURES, 'tariffs-2025.yaml'), 'utf8'));
    await page.getByTestId('validation').getByText(/Valid/).waitFor({ timeout: 30_000 });
    // The page does not hear how its run goes until the reload (its events and reads of the run are
    // held), so the run is still pending for the page when it reloads, however fast the run is.
    const watch = /\/api\/runs\/[0-9a-f-]{36}(\/events)?$/;
    const held: Route[] = [];
    await page.route(watch, (route) => void held.push(route));
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('lancaster.editor.pending')), { timeout: 10_000 })
      .not.toBeNull();
    const id = await page.evaluate(() => sessionStorage.getItem('lancaster.editor.pending'));
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0); // the page is waiting on it
    await page.unroute(watch);
    await page.reload();
    for (const r of held) await r.abort().catch(() => {}); // requests of the page before the reload
    await page.locator(`[data-testid="result"][data-run="${id}"]`).waitFor({ timeout: 60_000 });
    await expect(page.evaluate(() => sessionStorage.getItem('lancaster.editor.pending'))).resolves.toBeNull();
    // And once more: the result shown is restored, not lost.
    await page.reload();
    await page.locator(`[data-testid="result"][data-run="${id}"]`).waitFor({ timeout: 20_000 });
  }, 120_000);

  it('cancels a running run from its page', async () => {
    const text = readFileSync(join(FIXTURES, '..', '..', '..', 'scenarios', 'negotiation', 'london-2025.yaml'), 'utf8');
    const id = await submit(h.server.url, 'negotiation', text);
    await page.goto(`/#/runs?id=${id}`);
    await page.getByRole('button', { name: 'Cancel this run' }).click({ timeout: 20_000 });
    // The page shows the cancellation once the server has recorded it (the DELETE, then a re-read).
    await expect
      .poll(() => page.getByTestId('run-meta').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('cancelled');
    await expect.poll(() => statusOf(h.server.url, id), { timeout: 20_000 }).toBe('cancelled');
  }, 60_000);
});
