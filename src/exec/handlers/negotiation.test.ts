import { describe, expect, it } from 'vitest';
import { handler } from './negotiation.ts';
import { ScenarioError } from '../../spec/errors.ts';

const text = JSON.stringify({
  lancaster: 1, name: 'handler trade domain', model: 'multisector', dataset: 'multisector-2025', options: { baseline: 'keep-deficits' },
  negotiation: {
    deadline: { rounds: 4 },
    domain: { current_state: { scenario: 'us-china-2025', date: '2025-06-09' }, issues: [{ id: 'ree', owner: 'CHN', export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }], grid: [0.25, 1] }] },
    parties: { USA: { delegation: [{ name: 'Greer' }] }, CHN: { delegation: [{ name: 'He Lifeng' }] } },
  },
});

describe('the negotiation run handler', () => {
  it('checks the trade domain quickly and runs it with progress', async () => {
    expect(await handler.check(text, 'in.json')).toMatchObject({ name: 'handler trade domain', model: 'multisector', dataset: 'multisector-2025' });
    const seen: number[] = [];
    const r = (await handler.run(text, (p) => seen.push(p.fraction))) as { evaluation: { solves: number }; sessions: unknown[] };
    expect(r.evaluation.solves).toBeLessThanOrEqual(2);
    expect(r.sessions).toHaveLength(2);
    expect(seen.at(-1)).toBe(1);
  });

  it('rejects a scenario without a trade domain as a scenario error', () => {
    const bad = JSON.stringify({ lancaster: 1, name: 'x', negotiation: { deadline: { rounds: 3 }, parties: { A: { delegation: [{ name: 'a' }] }, B: { delegation: [{ name: 'b' }] } } } });
    expect(() => handler.check(bad, 'bad.json')).toThrow(ScenarioError);
  });
});
