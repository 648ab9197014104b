import { describe, expect, it } from 'vitest';
import { handler } from './negotiation.ts';
import { ScenarioError } from '../../spec/errors.ts';
import type { OfferEvent } from '../../contract/run.ts';
import type { TradeNegotiationRun } from '../../negotiate/trade/run.ts';

const text = JSON.stringify({
  lancaster: 1,
  name: 'handler trade domain',
  model: 'multisector',
  dataset: 'multisector-2025',
  options: { baseline: 'keep-deficits' },
  negotiation: {
    deadline: { rounds: 4 },
    domain: {
      current_state: { scenario: 'us-china-2025', date: '2025-06-09' },
      issues: [
        {
          id: 'ree',
          owner: 'CHN',
          export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
          grid: [0.25, 1],
        },
      ],
    },
    parties: { USA: { delegation: [{ name: 'Greer' }] }, CHN: { delegation: [{ name: 'He Lifeng' }] } },
  },
});

describe('the negotiation run handler', () => {
  it('checks the trade domain quickly and runs it with progress', async () => {
    expect(await handler.check(text, 'in.json')).toMatchObject({
      name: 'handler trade domain',
      model: 'multisector',
      dataset: 'multisector-2025',
    });
    const seen: number[] = [];
    const r = (await handler.run(text, (p) => seen.push(p.fraction))) as {
      evaluation: { solves: number };
      sessions: unknown[];
    };
    expect(r.evaluation.solves).toBeLessThanOrEqual(2);
    expect(r.sessions).toHaveLength(2);
    expect(seen.at(-1)).toBe(1);
  });

  it('reports every move of the logged sessions as a progress event carrying the offer, in the order of the logs', async () => {
    const offers: OfferEvent[] = [];
    const r = (await handler.run(text, (p) => p.offer && offers.push(p.offer))) as TradeNegotiationRun;
    for (const s of r.sessions) {
      const mine = offers.filter((o) => o.session === s.label && o.linkage === s.linkage);
      const log = s.baskets.flatMap((b) =>
        b.log.map((e) => ({
          basket: b.issues,
          round: e.round,
          proposer: e.proposer,
          action: e.action,
          bid: e.bid,
          seen: e.utilities,
        })),
      );
      expect(log.length).toBeGreaterThan(0);
      expect(mine.map(({ utilities: _u, session: _s, linkage: _l, ...rest }) => rest)).toEqual(log);
      // The model's utilities of the accepted bid are the session's utilities (one basket: the whole deal).
      const accepted = mine.find((o) => o.action === 'accept');
      if (accepted) expect(accepted.utilities).toEqual(s.utilities);
    }
    expect(offers).toHaveLength(r.sessions.reduce((n, s) => n + s.baskets.reduce((m, b) => m + b.log.length, 0), 0));
  });

  it('rejects a scenario without a trade domain as a scenario error', () => {
    const bad = JSON.stringify({
      lancaster: 1,
      name: 'x',
      negotiation: {
        deadline: { rounds: 3 },
        parties: { A: { delegation: [{ name: 'a' }] }, B: { delegation: [{ name: 'b' }] } },
      },
    });
    expect(() => handler.check(bad, 'bad.json')).toThrow(ScenarioError);
  });
});
