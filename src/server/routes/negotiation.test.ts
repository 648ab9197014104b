import { describe, expect, it } from 'vitest';
import { clearTradeCache } from '../../negotiate/trade/evaluator.ts';
import { runTradeNegotiation } from '../../negotiate/trade/run.ts';
import { parseScenarioText } from '../../scenario/parse.ts';
import { dealMap } from './negotiation.ts';

/** A two-issue trade domain on the London state, with a snapback threat as the outside option. */
const text = JSON.stringify({
  lancaster: 1,
  name: 'deal map with a threat',
  model: 'multisector',
  dataset: 'multisector-2025',
  options: { baseline: 'keep-deficits' },
  negotiation: {
    deadline: { rounds: 4 },
    seed: 3,
    domain: {
      current_state: { scenario: 'us-china-2025', date: '2025-06-09' },
      workers: 0,
      threat: { date: '2025-05-11', label: 'snapback' },
      issues: [
        {
          id: 'ree',
          owner: 'CHN',
          export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
          grid: [0.25, 1],
        },
        {
          id: 'chn_tariff',
          owner: 'CHN',
          tariffs: [{ importer: 'CHN', exporter: 'USA', sectors: ['goods'] }],
          grid: [-0.1, 0],
        },
      ],
    },
    parties: {
      USA: { delegation: [{ name: 'Greer' }], leader: { name: 'Trump', threshold: { kind: 'known', value: 0 } } },
      CHN: { delegation: [{ name: 'He Lifeng' }], leader: { name: 'Xi', threshold: { kind: 'known', value: 0 } } },
    },
  },
});

describe('the API deal map', () => {
  it('measures utilities over the same disagreement point as the run, the threatened state included', async () => {
    clearTradeCache();
    const run = await runTradeNegotiation(parseScenarioText(text, 'threat.json'));
    const m = await dealMap('r1', text, 0);
    // No deal means the snapback: the current state is worth its distance above the threatened state.
    const d = m.disagreement_index;
    for (const k of [0, 1] as const) expect(m.deals.delegation[k][d]).toBeGreaterThan(0);
    // The run's bargaining solution has the run's utilities in the map.
    const nash = run.linkage.full.nash!;
    expect(m.deals.delegation[0][nash.index]).toBeCloseTo(nash.utility[0], 12);
    expect(m.deals.delegation[1][nash.index]).toBeCloseTo(nash.utility[1], 12);
  }, 120_000);
});
