/**
 * The negotiation builder (issue 19): a user chooses issues and their options on the model, the
 * agents, the deadline and a leader's threshold, runs the talks on the server and watches the offers
 * come in; the view fits at 390, 768 and 1440 px and passes axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { CHROMIUM, hasChromium, type Harness, useHarness } from './harness.ts';
import { expectGoodLayout } from './layout.ts';

if (!hasChromium()) console.warn(`web e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI does, in .ci/run).`);

describe.skipIf(!hasChromium())('the negotiation builder', () => {
  let h: Harness;
  let page: Page;

  useHarness((x) => {
    h = x;
    page = x.page;
  });

  it('builds talks on two levers with chosen agents and thresholds, runs them and shows the offers', async () => {
    await page.goto('/#/negotiation?case=build');
    const b = page.getByTestId('negotiation-builder');
    await b.waitFor({ timeout: 30_000 });
    // Two issues: rare-earth approvals and chip controls, three options each.
    for (const id of ['farm', 'us_tariff']) await b.getByRole('checkbox', { name: new RegExp(`^${id} `) }).uncheck();
    await b.getByLabel('Options of ree, percent').fill('25, 60, 100');
    await b.getByLabel('Options of chips, percent').fill('-23, 0, 17');
    await b.getByLabel('USA delegation').selectOption('linear');
    await b.getByLabel('CHN delegation').selectOption('boulware');
    await b.getByLabel('Deadline (rounds)').fill('8');
    await b.getByLabel('Replications (seeds)').fill('5');
    const us = b.locator('fieldset.threshold').first();
    await us.getByLabel('Kind').selectOption('known');
    await us.getByLabel('Value').fill('0.2');
    await b.getByTestId('builder-check').getByText(/✓ A valid negotiation/).waitFor({ timeout: 60_000 });
    const built = parse((await b.getByTestId('builder-yaml').textContent())!) as { negotiation: { deadline: { rounds: number }; domain: { issues: { id: string; grid: number[] }[] }; parties: Record<string, { leader: { threshold: unknown } }> } };
    expect(built.negotiation.deadline.rounds).toBe(8);
    expect(built.negotiation.domain.issues.map((i) => [i.id, i.grid])).toEqual([['ree', [0.25, 0.6, 1]], ['chips', [-0.23, 0, 0.17]]]);
    expect(built.negotiation.parties.USA.leader.threshold).toEqual({ kind: 'known', value: 0.002 });
    await b.getByTestId('builder-run').click();
    await b.getByTestId('offer-stream').locator('li').first().waitFor({ timeout: 240_000 });
    const result = b.locator('[data-testid="result"][data-kind="negotiation"]');
    await result.waitFor({ timeout: 60_000 });
    const run = (await (await fetch(`${h.server.url}/api/runs/${await result.getAttribute('data-run')}`)).json()) as { kind: string; result: { issues: { id: string; grid: number[] }[]; sessions: { agents: string[] }[] } };
    expect(run.kind).toBe('negotiation');
    expect(run.result.issues.map((i) => [i.id, i.grid])).toEqual([['ree', [0.25, 0.6, 1]], ['chips', [-0.23, 0, 0.17]]]);
    expect(run.result.sessions[0].agents).toEqual(['linear', 'boulware']);
    await expectGoodLayout(page, 'negotiation-builder');
    expect(h.errors).toEqual([]);
  }, 400_000);
});
