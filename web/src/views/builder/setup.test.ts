import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScenarioSchema } from '../../../../src/spec/scenario.ts';
import { newDelegation, parseMembers } from './delegations.ts';
import { leverChoices, newIssue, PRESETS } from './levers.ts';
import {
  agreements,
  buildScenario,
  draftProblems,
  fileGrid,
  londonSetup,
  parseGrid,
  type Setup,
  withParty,
} from './setup.ts';

const LONDON = readFileSync(new URL('../../../../scenarios/negotiation/london-2025.yaml', import.meta.url), 'utf8');

type File = {
  negotiation: {
    protocol: string;
    deadline: { rounds: number };
    domain: {
      issues: unknown[];
      linkage: { linked: string[][]; separate: string[][] };
      calibration?: unknown;
      current_state: { date: string };
    };
    parties: Record<
      string,
      {
        delegation: { name: string; role?: string }[];
        leader: { name: string; threshold: unknown };
        agent: unknown;
        trust?: number;
        objective?: unknown;
      }
    >;
    trust?: { record?: unknown; history?: unknown };
    sessions: { label: string; agents: Record<string, unknown> }[];
  };
};

const built = (s: Setup, names: Record<string, string> = {}) => {
  const text = buildScenario(LONDON, s, names);
  const js = parse(text) as File;
  const checked = ScenarioSchema.safeParse(js);
  expect(checked.error?.issues ?? []).toEqual([]);
  return js;
};

describe('the negotiation builder’s file', () => {
  it('rebuilds the London levers, agreements, thresholds and trust record from the London setup, and passes the scenario schema', () => {
    const f = built(londonSetup());
    const london = parse(LONDON) as File;
    const strip = (i: unknown) => {
      const { label: _l, ...rest } = i as { label?: string };
      return rest;
    };
    // The London issues, flows and grids (the London file leaves mode to its default on none of them).
    expect(f.negotiation.domain.issues.map(strip)).toEqual(london.negotiation.domain.issues.map(strip));
    expect(f.negotiation.domain.linkage.linked).toEqual([['ree', 'chips'], ['farm'], ['us_tariff']]);
    expect(f.negotiation.domain.linkage.separate).toEqual([['ree'], ['chips'], ['farm'], ['us_tariff']]);
    expect(f.negotiation.domain.calibration).toEqual(
      (london.negotiation.domain as { calibration: unknown }).calibration,
    );
    expect(f.negotiation.parties.USA.leader).toEqual({
      name: 'Donald Trump',
      threshold: { kind: 'calibrated', width: 0.1 },
    });
    expect(f.negotiation.parties.CHN.delegation).toEqual(london.negotiation.parties.CHN.delegation);
    expect(f.negotiation.parties.USA.objective).toEqual({ measure: 'real_income' });
    expect(f.negotiation.trust?.record).toEqual(london.negotiation.trust?.record);
    expect(f.negotiation.trust?.history).toEqual(london.negotiation.trust?.history);
    expect(f.negotiation.protocol).toBe('saop');
  });

  it('writes the user’s own levers, agents, deadline, thresholds and stated trust', () => {
    const s = londonSetup();
    const tariff = {
      ...newIssue(leverChoices('USA', 'CHN', {}).find((c) => c.id === 'tariff')!.preset, s.issues, 9),
      from: ['USA', 'MEX'],
      to: 'CHN',
      sectors: ['c14', 'SEMI'],
      grid: '-20, 10',
      agreement: 4,
    };
    const f = built({
      ...s,
      issues: [s.issues[0], tariff],
      date: '2025-05-14',
      rounds: 6,
      pairings: [
        [{ kind: 'linear' }, { kind: 'model_aware', e: 0.8 }],
        [{ kind: 'linear' }, { kind: 'model_aware', e: 0.8 }],
        [{ kind: 'tit_for_tat' }, { kind: 'boulware' }],
      ],
      parties: [
        { ...s.parties[0], threshold: { kind: 'known', value: 0.002 }, trust: 0.4 },
        { ...s.parties[1], threshold: { kind: 'normal', mean: 0.01, sd: 0.02 }, trust: 0.7 },
      ],
      trust: { ...s.trust, source: 'stated', history: false },
    });
    expect(f.negotiation.domain.issues[1]).toEqual({
      id: 'tariff',
      owner: 'USA',
      mode: 'add',
      grid: [-0.2, 0, 0.1],
      tariffs: [
        { importer: 'USA', exporter: 'CHN', sectors: ['c14', 'SEMI'] },
        { importer: 'MEX', exporter: 'CHN', sectors: ['c14', 'SEMI'] },
      ],
    });
    expect(f.negotiation.domain.current_state.date).toBe('2025-05-14');
    expect(f.negotiation.domain.linkage.linked).toEqual([['ree'], ['tariff']]);
    expect(f.negotiation.deadline.rounds).toBe(6);
    expect(f.negotiation.sessions[0].agents).toEqual({ USA: { kind: 'linear' }, CHN: { kind: 'model_aware', e: 0.8 } });
    // One session per pairing; a repeated pairing is numbered so that its offers and results stay apart.
    expect(f.negotiation.sessions.map((x) => x.label)).toEqual([
      'Linear (USA) vs Model-aware (CHN) #1',
      'Linear (USA) vs Model-aware (CHN) #2',
      'Tit for tat (USA) vs Boulware (CHN)',
    ]);
    expect(f.negotiation.sessions[2].agents).toEqual({
      USA: { kind: 'tit_for_tat' },
      CHN: { kind: 'boulware', e: 0.2 },
    });
    // The first pairing is each party's default agent.
    expect(f.negotiation.parties.CHN.agent).toEqual({ kind: 'model_aware', e: 0.8 });
    // No calibrated threshold: the approvals of the record are left out (6 solves fewer).
    expect(f.negotiation.domain.calibration).toBeUndefined();
    expect(f.negotiation.parties.CHN.leader.threshold).toEqual({ kind: 'normal', mean: 0.01, sd: 0.02 });
    expect([f.negotiation.parties.USA.trust, f.negotiation.parties.CHN.trust]).toEqual([0.4, 0.7]);
    expect(f.negotiation.trust?.record).toBeUndefined();
    expect(f.negotiation.trust?.history).toBeUndefined();
  });

  it('leaves trust out when the user chooses none', () => {
    const s = londonSetup();
    expect(built({ ...s, trust: { ...s.trust, source: 'none' } }).negotiation.trust).toBeUndefined();
  });

  it('reads options in percent, keeps 0 (as now) among the options of a lever that changes the current state', () => {
    expect(parseGrid('25, 60 100')).toEqual([0.25, 0.6, 1]);
    expect(parseGrid('−10.8')).toEqual([-0.108]);
    expect(fileGrid({ mode: 'add', grid: '-10, 10' })).toEqual([-0.1, 0, 0.1]);
    expect(fileGrid({ mode: 'set', grid: '25, 60' })).toEqual([0.25, 0.6]);
  });

  it('names the problems it can see before the server: no issue, a bad id or option, a control without sectors', () => {
    const s = londonSetup();
    expect(draftProblems({ ...s, issues: [] })).toEqual(['Put at least one issue on the table.']);
    expect(draftProblems({ ...s, pairings: [] })).toEqual(['Choose at least one pairing of agents.']);
    const bad = { ...s.issues[0], id: '1x', grid: '25, lots', sectors: [] };
    expect(draftProblems({ ...s, issues: [bad] })).toEqual([
      'Issue id "1x": expected letters, digits and _, starting with a letter.',
      'Options of 1x: expected numbers separated by commas, found "25, lots".',
      'Issue 1x: an export control needs at least one sector.',
    ]);
    expect(
      agreements([
        { ...s.issues[0], agreement: 2 },
        { ...s.issues[1], agreement: 1 },
      ]),
    ).toEqual([['chips'], ['ree']]);
    expect(newIssue(PRESETS.ree, s.issues, 7).id).toBe('ree_2');
    const eu = withParty(s, 0, 'EU');
    expect(draftProblems({ ...eu, issues: [{ ...s.issues[0], owner: 'USA' }] })).toEqual([
      'Issue ree: its owner USA is not one of the delegations (EU, CHN).',
    ]);
    expect(draftProblems(withParty(s, 0, 'CHN'))).toContain('Choose two different delegations (both are CHN).');
    const calibrated = { ...eu.parties[0], threshold: { kind: 'calibrated' as const, width: 0.1 } };
    expect(draftProblems({ ...eu, parties: [calibrated, eu.parties[1]] })[0]).toMatch(
      /^Threshold of EU: only the US and Chinese leaders approved the 2025 deals/,
    );
    const twice = [0, 1].map((key) => ({ key, of: '', sector: 'SEMI', weight: 0.01 }));
    expect(draftProblems({ ...eu, parties: [{ ...eu.parties[0], security: twice }, eu.parties[1]] })).toEqual([
      'Security weight of EU on EU/SEMI is given twice.',
    ]);
  });

  it('lets any two regions or groups negotiate: a new delegation takes over the issues that named the old one, with its own security weights', () => {
    const s = withParty(londonSetup(), 0, 'EU');
    expect(s.parties.map((d) => d.code)).toEqual(['EU', 'CHN']);
    // A fresh delegation: default names, no weights, a known threshold of 0 (the calibration reads US and Chinese approvals).
    expect(s.parties[0]).toEqual({ ...newDelegation('EU'), threshold: { kind: 'known', value: 0 } });
    // The Phase One record is the US–China talks': trust becomes stated.
    expect(s.trust.source).toBe('stated');
    const eu = {
      ...s.parties[0],
      leader: 'Ursula von der Leyen',
      members: 'Maroš Šefčovič (trade commissioner); Sabine Weyand',
      security: [
        { key: 0, of: '', sector: 'REE', weight: 0.05 },
        { key: 1, of: 'CHN', sector: 'SEMI', weight: -0.01 },
        { key: 2, of: 'USA', sector: 'c14', weight: 0.002 },
      ],
    };
    const f = built(
      { ...s, parties: [eu, { ...s.parties[1], threshold: { kind: 'known', value: 0 } }] },
      { CHN: 'China' },
    );
    const issues = f.negotiation.domain.issues as {
      id: string;
      owner: string;
      label?: string;
      tariffs?: unknown;
      export_controls?: unknown;
    }[];
    // The US levers are now the EU's: its chip controls (TWN and EU → CHN) and its tariff on Chinese goods.
    expect(issues.map((i) => [i.id, i.owner])).toEqual([
      ['ree', 'CHN'],
      ['chips', 'EU'],
      ['farm', 'CHN'],
      ['us_tariff', 'EU'],
    ]);
    expect(issues[1].export_controls).toEqual([
      { origin: 'TWN', destination: 'CHN', sectors: ['SEMI'] },
      { origin: 'EU', destination: 'CHN', sectors: ['SEMI'] },
    ]);
    expect(issues[2].tariffs).toEqual([{ importer: 'CHN', exporter: 'EU', sectors: ['c1'] }]);
    expect(issues[3].label).toBeUndefined();
    expect(Object.keys(f.negotiation.parties)).toEqual(['EU', 'CHN']);
    expect(f.negotiation.parties.EU).toMatchObject({
      delegation: [{ name: 'Maroš Šefčovič', role: 'trade commissioner' }, { name: 'Sabine Weyand' }],
      leader: { name: 'Ursula von der Leyen', threshold: { kind: 'known', value: 0 } },
      objective: {
        measure: 'real_income',
        security: { REE: 0.05 },
        security_of: { CHN: { SEMI: -0.01 }, USA: { c14: 0.002 } },
      },
      trust: 0.6,
    });
    // A leader who weighs security differently gets an objective of its own; by default none (the delegation's).
    expect(f.negotiation.parties.EU.leader).not.toHaveProperty('objective');
    const own = built({
      ...s,
      parties: [{ ...eu, leaderSecurity: [{ key: 0, of: '', sector: 'REE', weight: 0.2 }] }, s.parties[1]],
    });
    expect(own.negotiation.parties.EU.leader).toMatchObject({
      name: 'Ursula von der Leyen',
      objective: { measure: 'real_income', security: { REE: 0.2 } },
    });
    expect(own.negotiation.parties.EU.objective).toMatchObject({ security: { REE: 0.05 } });
    // China keeps the London delegation; sessions and the report name the new pair.
    expect(f.negotiation.parties.CHN.leader.name).toBe('Xi Jinping');
    expect(f.negotiation.sessions[0]).toEqual({
      label: 'Boulware (EU) vs Conceder (CHN)',
      agents: { EU: { kind: 'boulware', e: 0.2 }, CHN: { kind: 'conceder', e: 2 } },
    });
    expect((f.negotiation.domain as { report?: string[] }).report?.slice(0, 3)).toEqual(['EU', 'CHN', 'USA']);
    expect(f.negotiation.trust?.record).toBeUndefined();
    expect(f.negotiation.trust?.history).toBeUndefined();
    expect(f.negotiation.domain.calibration).toBeUndefined();
    // A delegation with no names given gets default ones after its region.
    const jp = built(withParty(londonSetup(), 0, 'JPN'), { JPN: 'Japan' });
    expect(jp.negotiation.parties.JPN.delegation).toEqual([{ name: 'Japan delegation' }]);
    expect(jp.negotiation.parties.JPN.leader.name).toBe('Japan’s leader');
    expect(parseMembers(' A (x) ;; B ')).toEqual([{ name: 'A', role: 'x' }, { name: 'B' }]);
  });
});
