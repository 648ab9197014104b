import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { handler } from './strategy.ts';

const text = readFileSync(new URL('../../../scenarios/strategy/us-optimal-uniform.yaml', import.meta.url), 'utf8');

describe('strategy runs', () => {
  it('checks the scenario and returns what lancaster strategy --json prints', async () => {
    expect(handler.check(text, 'us.yaml')).toMatchObject({ model: 'one-sector-2025', dataset: 'world-2023' });
    const r = (await handler.run(text, () => {})) as {
      status: string;
      policy: Record<string, number>;
      objectives: Record<string, number>;
    };
    expect(r.status).toBe('converged');
    expect(r.policy.us_uniform).toBeGreaterThan(0.218); // above the paper's formula tariff, as in the CLI
    expect(r.objectives.USA).toBeGreaterThanOrEqual(1.79);
  });
});
