import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioKind } from './kind.ts';

const file = (p: string) => readFileSync(new URL(`../../scenarios/${p}`, import.meta.url), 'utf8');

describe('scenario kind', () => {
  it('reads each example file as the kind its sections make it', () => {
    expect(scenarioKind(file('nafta-cp2015.yaml'))).toBe('solve');
    expect(scenarioKind(file('us-china-2025.yaml'))).toBe('timeline');
    expect(scenarioKind(file('strategy/us-optimal-uniform.yaml'))).toBe('strategy');
    expect(scenarioKind(file('negotiation/london-2025.yaml'))).toBe('negotiation');
    expect(scenarioKind(file('gravity/usitc-sample.yaml'))).toBe('gravity');
  });

  it('reads JSON scenarios too, and calls text that does not parse a solve (whose checks say why)', () => {
    expect(scenarioKind(JSON.stringify({ lancaster: 1, strategy: { kind: 'nash' } }))).toBe('strategy');
    expect(scenarioKind('lancaster: [1\n')).toBe('solve');
    expect(scenarioKind('- a list\n')).toBe('solve');
  });
});
