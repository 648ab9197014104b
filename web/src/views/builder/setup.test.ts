import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScenarioSchema } from '../../../../src/spec/scenario.ts';
import {
  agreements,
  buildScenario,
  draftProblems,
  fileGrid,
  londonSetup,
  newIssue,
  parseGrid,
  type Setup,
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
    parties: Record<string, { leader: { name: string; threshold: unknown }; agent: unknown; trust?: number }>;
    trust?: { record?: unknown; history?: unknown };
    sessions: { label: string; agents: Record<string, unknown> }[];
  };
};

const built = (s: Setup) => {
  const text = buildScenario(LONDON, s);
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
    expect(f.negotiation.trust?.record).toEqual(london.negotiation.trust?.record);
    expect(f.negotiation.trust?.history).toEqual(london.negotiation.trust?.history);
    expect(f.negotiation.protocol).toBe('saop');
  });

  it('writes the user’s own levers, agents, deadline, thresholds and stated trust', () => {
    const s = londonSetup();
    const tariff = {
      ...newIssue('tariff', s.issues, 9),
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
        { USA: { kind: 'linear' }, CHN: { kind: 'model_aware', e: 0.8 } },
        { USA: { kind: 'linear' }, CHN: { kind: 'model_aware', e: 0.8 } },
        { USA: { kind: 'tit_for_tat' }, CHN: { kind: 'boulware' } },
      ],
      thresholds: { USA: { kind: 'known', value: 0.002 }, CHN: { kind: 'normal', mean: 0.01, sd: 0.02 } },
      trust: { ...s.trust, source: 'stated', initial: { USA: 0.4, CHN: 0.7 }, history: false },
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
    expect(newIssue('ree', s.issues, 7).id).toBe('ree_2');
  });
});
