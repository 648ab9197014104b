/**
 * The result page of a negotiation run (issue 19) was many screens long at 768 px: every session's
 * offers, chart and log, one after the other. Now the summary comes first (the deal, links to the
 * parts, issues, effects, a table of every session), and each session is a disclosure — the deal's
 * session open — that the keyboard opens; "Open all sessions" shows everything, which axe checks
 * too. At 390, 768 and 1440 px with axe-core, closed and all open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium())
  console.warn(
    `web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`,
  );

async function negotiated(url: string): Promise<string> {
  const res = await fetch(`${url}/api/runs?kind=negotiation`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: readFileSync('scenarios/negotiation/london-2025.yaml', 'utf8'),
  });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${url}/api/runs/${id}`)).json()) as { status: string; error?: string };
    if (run.status === 'done') return id;
    if (run.status === 'failed') throw new Error(`Expected run ${id} to finish, found it failed: ${run.error}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(!hasChromium())('the result page of a negotiation run', () => {
  let h: Harness;
  let page: Page;
  let closedHeight = 0;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  const result = () => page.locator('[data-testid="result"][data-kind="negotiation"]');
  const ready = (p: Page) => p.locator('[data-kind="negotiation"] details[open] figure svg').first().waitFor();

  it('puts the summary first and opens only the session of the deal', async () => {
    const id = await negotiated(h.server.url);
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`/#/runs?id=${id}`);
    await result().waitFor({ timeout: 60_000 });
    await ready(page);
    const sessions = result().getByTestId('session');
    const n = await sessions.count();
    expect(n).toBeGreaterThan(2);
    expect(await result().locator('details[data-testid="session"][open]').count()).toBe(1);
    expect(await result().getByTestId('session-table').locator('tbody tr').count()).toBe(n);
    // The deal comes before the sessions in the page, and the links reach each part.
    const order = await result().evaluate((el) => {
      const deal = el.querySelector('[data-testid="deal"]')!;
      const first = el.querySelector('[data-testid="session"]')!;
      return deal.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await result()
      .getByRole('link', { name: /Sessions and offers/ })
      .click();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('sessions');
    expect(await page.evaluate(() => location.hash)).toBe(`#/runs?id=${id}`);
    closedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  }, 400_000);

  it('opens a session from the keyboard', async () => {
    const k = await result()
      .getByTestId('session')
      .evaluateAll((ds) => ds.findIndex((d) => !(d as HTMLDetailsElement).open));
    const closed = result().getByTestId('session').nth(k);
    await closed.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(closed.getAttribute('open')).resolves.toBe('');
    await closed.locator('figure svg').first().waitFor();
    expect(await closed.getByTestId('offer-log').first().locator('tbody tr').count()).toBeGreaterThan(2);
    await page.keyboard.press('Enter');
    await expect(closed.getAttribute('open')).resolves.toBeNull();
  }, 60_000);

  it('fits at 390, 768 and 1440 px and passes axe with the sessions closed', async () => {
    await expectGoodLayout(page, 'negotiation-result', { ready });
  }, 300_000);

  it('shows every session with "Open all sessions", and all of it passes axe', async () => {
    await page.setViewportSize({ width: 768, height: 900 });
    await result().getByRole('button', { name: 'Open all sessions' }).click();
    const n = await result().getByTestId('session').count();
    await expect.poll(() => result().locator('details[data-testid="session"][open]').count()).toBe(n);
    const openHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    // The page closed is a fraction of the page with everything open.
    expect(closedHeight).toBeLessThan(openHeight / 2);
    await expectGoodLayout(page, 'negotiation-result-open', { ready });
    await result().getByRole('button', { name: 'Close all' }).click();
    await expect.poll(() => result().locator('details[data-testid="session"][open]').count()).toBe(0);
    expect(h.errors).toEqual([]);
  }, 400_000);
});
