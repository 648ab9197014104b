import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDomain, discreteIssue } from './domain.ts';
import { runSaop } from './saop.ts';
import { NegotiationSchema } from '../spec/negotiation.ts';
import { agentFromSpec, voterFromSpec } from './from-spec.ts';
import { callbackUtility } from './utility.ts';

const section = {
  protocol: 'saop',
  deadline: { rounds: 20 },
  breakdown_probability: 0.05,
  seed: 42,
  parties: {
    USA: {
      delegation: [
        { name: 'Howard Lutnick', role: 'commerce secretary', weight: 0.4 },
        { name: 'Jamieson Greer', role: 'trade representative', weight: 0.3 },
        { name: 'Scott Bessent', role: 'treasury secretary', weight: 0.3 },
      ],
      leader: { name: 'Donald Trump', threshold: { kind: 'uniform', min: 0, max: 0.4 } },
      agent: { kind: 'boulware' },
      trust: 0.5,
    },
    CHN: {
      delegation: [
        { name: 'He Lifeng', role: 'vice premier' },
        { name: 'Li Chenggang', role: 'trade negotiator' },
      ],
      leader: { name: 'Xi Jinping', threshold: { kind: 'normal', mean: 0.2, sd: 0.05 } },
      agent: { kind: 'tit_for_tat', initial_concession: 0.02 },
    },
  },
  trust: { gain: 0.2, loss: 0.5, base_breakdown: 0.02, sensitivity: 0.2 },
};

describe('negotiation schema', () => {
  it('parses the documented example and fills defaults', () => {
    const n = NegotiationSchema.parse(section);
    expect(n.parties.USA.agent).toEqual({ kind: 'boulware', e: 0.2 });
    expect(n.parties.CHN.agent).toEqual({ kind: 'tit_for_tat', mode: 'relative', initial_concession: 0.02 });
    expect(n.parties.CHN.trust).toBe(0.5);
    expect(n.parties.CHN.voter).toEqual({ kind: 'hill_climber' });
  });

  it('rejects unknown fields, wrong party counts and out-of-range values with their paths', () => {
    const bad = (patch: object) => NegotiationSchema.safeParse({ ...section, ...patch });
    expect(bad({ color: 'red' }).success).toBe(false);
    const one = bad({ parties: { USA: section.parties.USA } });
    expect(one.error?.issues[0]).toMatchObject({ path: ['parties'], message: 'expected exactly 2 parties, found 1' });
    const p = bad({ breakdown_probability: 1.5 });
    expect(p.error?.issues[0].path).toEqual(['breakdown_probability']);
    const t = bad({
      parties: {
        ...section.parties,
        USA: { ...section.parties.USA, leader: { name: 'T', threshold: { kind: 'uniform', min: 1, max: 0 } } },
      },
    });
    expect(t.success).toBe(false);
    expect(bad({ deadline: { rounds: 0 } }).success).toBe(false);
  });

  it('refuses the mediated protocol on a trade domain, whose sessions are alternating offers', () => {
    const domain = {
      issues: [
        {
          id: 'ree',
          owner: 'CHN',
          export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
          grid: [0.25, 1],
        },
      ],
    };
    const r = NegotiationSchema.safeParse({ ...section, protocol: 'mediated', domain });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['protocol'],
      message: 'expected protocol saop with a trade domain (its sessions are alternating offers), found mediated',
    });
    expect(NegotiationSchema.safeParse({ ...section, protocol: 'saop', domain }).success).toBe(true);
  });

  it('publishes a JSON Schema', () => {
    const json = z.toJSONSchema(NegotiationSchema, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['protocol', 'deadline', 'parties', 'seed']));
  });

  it('builds runnable agents and voters from the parsed section', () => {
    const n = NegotiationSchema.parse(section);
    const domain = createDomain('split', [discreteIssue('share', [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])]);
    const us = callbackUtility((b) => Number(b.share), { reservation: 0.1 });
    const cn = callbackUtility((b) => 1 - Number(b.share), { reservation: 0.1 });
    const r = runSaop({
      domain,
      utilities: [us, cn],
      agents: [agentFromSpec(n.parties.USA.agent), agentFromSpec(n.parties.CHN.agent)],
      deadline: n.deadline,
      seed: n.seed,
    });
    expect(r.reason).toBe('accepted');
    expect(voterFromSpec({ kind: 'annealer', temperature: 0.3 }).name).toBe('annealer(T0=0.3)');
    expect(() => agentFromSpec({ kind: 'model_aware', e: 1 })).toThrow(TypeError);
  });
});
