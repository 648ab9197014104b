import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/parse.ts';
import { ScenarioError } from '../../spec/errors.ts';
import { allDeals, runTradeNegotiation, setupTradeNegotiation } from './run.ts';
import { TradeEvaluator, clearTradeCache } from './evaluator.ts';
import { dealPolicy, policyHash } from './state.ts';
import { makeTradeSolver } from './solver.ts';
import { loadDataset } from '../../data/load.ts';
import { calibratedBaseline } from '../../model/ge/run.ts';
import { income } from '../../model/ge/outputs.ts';

/** A coarse trade domain on the London state of the embedded scenario (long-run model, fast). */
function scenario(domain: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    lancaster: 1,
    name: 'test trade domain',
    model: 'multisector',
    dataset: 'multisector-2025',
    options: { baseline: 'keep-deficits' },
    negotiation: {
      deadline: { rounds: 6 },
      seed: 7,
      domain: { current_state: { scenario: 'us-china-2025', date: '2025-06-09' }, workers: 0, ...domain },
      parties: {
        USA: {
          delegation: [{ name: 'Greer' }],
          leader: { name: 'Trump', threshold: { kind: 'known', value: 0 } },
          agent: { kind: 'boulware' },
          objective: { security: { REE: 0.05 }, security_of: { CHN: { SEMI: -0.01 } } },
        },
        CHN: {
          delegation: [{ name: 'He Lifeng' }],
          leader: { name: 'Xi', threshold: { kind: 'known', value: 0 } },
          agent: { kind: 'conceder' },
          objective: { security: { SEMI: 0.01 } },
        },
      },
      ...extra,
    },
  });
}

const chnTariff = (grid: number[]) => ({
  id: 'chn_tariff',
  owner: 'CHN',
  tariffs: [{ importer: 'CHN', exporter: 'USA', sectors: ['goods'] }],
  grid,
});
const ree = (grid: number[]) => ({
  id: 'ree',
  owner: 'CHN',
  export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
  grid,
});
const chips = (grid: number[]) => ({
  id: 'chips',
  owner: 'USA',
  export_controls: [
    { origin: 'TWN', destination: 'CHN', sectors: ['SEMI'] },
    { origin: 'USA', destination: 'CHN', sectors: ['SEMI'] },
  ],
  mode: 'add',
  grid,
});

describe('trade domains from the economic model', () => {
  it("the US objective falls as China's tariff on the US rises, others fixed", async () => {
    const s = setupTradeNegotiation(parseScenarioText(scenario({ issues: [chnTariff([0, 0.1, 0.2])] }), 'mono.json'));
    clearTradeCache();
    const ev = new TradeEvaluator({ ...s.spec, objectives: s.spec.objectives.map((o) => ({ ...o, security: [] })) });
    const [us, cn] = await ev.map(allDeals(s.spec.issues));
    expect(us[1]).toBeLessThan(us[0]);
    expect(us[2]).toBeLessThan(us[1]);
    // China's own tariff above its optimum: raising it further costs China too (sanity of the sign only for the US).
    expect(Number.isFinite(cn[2])).toBe(true);
    expect(ev.stats).toMatchObject({ requested: 3, solves: 3, cacheHits: 0, failed: 0 });
  });

  it('caches by policy hash: repeated deals and deals with the same policy are solved once', () => {
    const s = setupTradeNegotiation(parseScenarioText(scenario({ issues: [chnTariff([-6, -5, 0])] }), 'cache.json'));
    clearTradeCache();
    const ev = new TradeEvaluator(s.spec);
    // Both shifts floor every covered rate at 0: one policy.
    expect(policyHash(dealPolicy(s.spec.base, s.spec.issues, [-6]))).toBe(
      policyHash(dealPolicy(s.spec.base, s.spec.issues, [-5])),
    );
    const a = ev.evaluate([-6]);
    const b = ev.evaluate([-5]);
    ev.evaluate([-6]);
    expect(b).toEqual(a);
    expect(ev.stats).toMatchObject({ requested: 3, solves: 1, cacheHits: 2 });
  });

  it('maps deals on a worker pool bit for bit as inline: every chunk starts from the anchor deal, not from what a worker solved before', async () => {
    const text = scenario({ issues: [ree([0.25, 0.6, 1]), chips([-0.13, 0, 0.17]), chnTariff([-0.1, 0])] });
    const s = setupTradeNegotiation(parseScenarioText(text, 'pool.json'));
    const deals = allDeals(s.spec.issues);
    expect(deals).toHaveLength(18);
    clearTradeCache();
    const pooled = new TradeEvaluator(s.spec, 2);
    const p = await pooled.map(deals);
    expect(pooled.stats).toMatchObject({ solves: 18, workers: 2, failed: 0 });
    clearTradeCache();
    const inline = await new TradeEvaluator(s.spec, 0).map(deals);
    expect(p).toEqual(inline);
  }, 60_000);

  it('runs the negotiation section: linkage analysis and sessions reproducible with a seed', async () => {
    const text = scenario(
      {
        issues: [ree([0.25, 0.6, 1]), chips([-0.13, 0, 0.17])],
        linkage: { linked: [['ree', 'chips']], separate: [['ree'], ['chips']] },
      },
      {
        replications: 3,
        sessions: [
          { agents: { USA: { kind: 'boulware' }, CHN: { kind: 'conceder' } } },
          { agents: { USA: { kind: 'model_aware' }, CHN: { kind: 'pareto_seeker' } } },
        ],
      },
    );
    clearTradeCache();
    const a = await runTradeNegotiation(parseScenarioText(text, 'run.json'));
    const b = await runTradeNegotiation(parseScenarioText(text, 'run.json'));
    expect(a.evaluation.solves).toBe(9);
    expect(b.evaluation.solves).toBe(0);
    const strip = (r: typeof a) => ({ ...r, seconds: 0, evaluation: null });
    expect(strip(b)).toEqual(strip(a));
    // Known thresholds at 0: the linked partition ratifies at least what separate agreements do.
    expect(a.linkage.linked.ratifiable).toBeGreaterThanOrEqual(a.linkage.separate.ratifiable);
    expect(a.sessions).toHaveLength(4);
    expect(a.sessions.map((s) => s.linkage)).toEqual(['linked', 'separate', 'linked', 'separate']);
    for (const s of a.sessions) if (s.deal) expect([0, 1]).toContain(s.ratification_probability);
  }, 60_000);

  it('with a threat (snapback to the April rates) measures utilities over the threatened state, so more deals pass both leaders', async () => {
    const domain = {
      issues: [ree([0.25, 0.6, 1]), chips([-0.13, 0, 0.17])],
      linkage: { linked: [['ree', 'chips']], separate: [['ree'], ['chips']] },
    };
    const extra = { replications: 1 };
    clearTradeCache();
    const plain = await runTradeNegotiation(parseScenarioText(scenario(domain, extra), 'plain.json'));
    const coerced = await runTradeNegotiation(
      parseScenarioText(
        scenario({ ...domain, threat: { date: '2025-05-11', label: 'snapback' } }, extra),
        'threat.json',
      ),
    );
    expect(plain.threat).toBeNull();
    expect(coerced.threat).toMatchObject({ date: '2025-05-11', label: 'snapback' });
    // The April rates hurt both sides more than the state after Geneva.
    coerced.objectives.forEach((o, k) => {
      expect(o.disagreement_pct).toBe(coerced.threat!.objectives_pct[k]);
      expect(o.disagreement_pct).toBeLessThan(plain.objectives[k].disagreement_pct);
    });
    // Every deal is worth its plain utility plus the snapback avoided: the ratifiable set can only grow.
    expect(coerced.linkage.separate.ratifiable).toBeGreaterThanOrEqual(plain.linkage.separate.ratifiable);
    expect(coerced.linkage.linked.ratifiable).toBeGreaterThanOrEqual(plain.linkage.linked.ratifiable);
    expect(coerced.evaluation.solves).toBe(0); // the grid came from the cache; the threat was one more solve
  }, 120_000);

  it("bounds each leader's threshold from above by the smallest effect of the deals it approved", async () => {
    const approved = [
      { label: 'Geneva', before: '2025-05-13', after: '2025-05-14' },
      { label: 'Busan', before: '2025-11-09', after: '2025-11-10' },
    ];
    clearTradeCache();
    const r = await runTradeNegotiation(
      parseScenarioText(
        scenario({ issues: [ree([0.25, 1])], calibration: { approved } }, { replications: 1 }),
        'cal.json',
      ),
    );
    const c = r.calibration!;
    expect(c.deals.map((d) => d.label)).toEqual(['Geneva', 'Busan']);
    // Geneva cut both sides' tariffs by over 100 points: it raises both real incomes.
    for (const k of [0, 1]) {
      expect(c.deals[0].leaders[k]).toBeGreaterThan(0);
      expect(c.leaders[k].bound).toBe(Math.min(c.deals[0].leaders[k], c.deals[1].leaders[k]));
      // Known thresholds of 0 lie below every approved effect: consistent with the record.
      expect(c.leaders[k].consistency).toBe(c.leaders[k].bound >= 0 ? 1 : 0);
    }
    expect(() =>
      parseScenarioText(
        scenario({
          issues: [ree([0.25, 1])],
          calibration: { approved: [{ label: 'x', before: '2025-13-45', after: '2025-05-14' }] },
        }),
        'bad.json',
      ),
    ).toThrow(/date/);
  }, 120_000);

  it('places a calibrated threshold prior uniformly on [bound − width, bound] from the approvals of the same run, and asks for the approvals', async () => {
    const approved = [{ label: 'Geneva', before: '2025-05-13', after: '2025-05-14' }];
    const calibrated = (text: string) => {
      const o = JSON.parse(text);
      for (const w of ['USA', 'CHN']) o.negotiation.parties[w].leader.threshold = { kind: 'calibrated', width: 0.1 };
      return JSON.stringify(o);
    };
    clearTradeCache();
    const r = await runTradeNegotiation(
      parseScenarioText(
        calibrated(scenario({ issues: [ree([0.25, 1])], calibration: { approved } }, { replications: 1 })),
        'cal.json',
      ),
    );
    for (const l of r.calibration!.leaders) {
      expect(l.calibrated).toBe(true);
      expect(l.threshold).toEqual({ kind: 'uniform', min: l.bound - 0.1, max: l.bound });
      expect(l.consistency).toBe(1);
    }
    expect(() => parseScenarioText(calibrated(scenario({ issues: [ree([0.25, 1])] })), 'nocal.json')).toThrow(
      /parties\.USA\.leader\.threshold: expected negotiation\.domain\.calibration/,
    );
  }, 120_000);

  it("calibrates a side's initial trust on the other's delivered share of earlier promises, keeping the stated prior where the record is silent", async () => {
    const record = [{ label: 'Phase One purchases', party: 'CHN', committed: 502.4, delivered: 288.8, source: 'PIIE' }];
    const trust = { gain: 0.2, loss: 0.3, record, history: [{ label: 'kept', moves: { USA: 'C', CHN: 'C' } }] };
    clearTradeCache();
    const r = await runTradeNegotiation(
      parseScenarioText(scenario({ issues: [ree([0.25, 1])] }, { trust }), 'trust.json'),
    );
    expect(r.trust!.initial[0]).toBeCloseTo(288.8 / 502.4, 12);
    expect(r.trust!.initial[1]).toBe(0.5);
    expect(r.trust!.initial_source).toEqual(['record: Phase One purchases', 'stated']);
    // Both complied once: τ ← τ + 0.2 (1 − τ) from the calibrated start.
    expect(r.trust!.after_history[0]).toBeCloseTo(0.5748 + 0.2 * (1 - 0.5748), 3);
    const bad = { ...trust, record: [{ ...record[0], party: 'JPN' }] };
    expect(() => parseScenarioText(scenario({ issues: [ree([0.25, 1])] }, { trust: bad }), 'bad.json')).toThrow(
      /trust\.record\[0\]\.party: expected a party \(USA, CHN\), found "JPN"/,
    );
  }, 120_000);

  it("gives a group delegation (EU) its members' pooled objective: real incomes weighted by baseline income, security on their pooled absorption", async () => {
    const o = JSON.parse(
      scenario({
        issues: [
          {
            id: 'eu_tariff',
            owner: 'EU',
            tariffs: [{ importer: 'EU', exporter: 'CHN', sectors: ['goods'] }],
            grid: [0, 0.1],
          },
          { ...chnTariff([0, 0.1]), tariffs: [{ importer: 'CHN', exporter: 'EU', sectors: ['goods'] }] },
        ],
        report: ['EU', 'CHN'],
      }),
    );
    const { USA, CHN } = o.negotiation.parties;
    o.negotiation.parties = {
      EU: { ...USA, delegation: [{ name: 'Maroš Šefčovič' }], objective: { security: { SEMI: 0.05 } } },
      CHN: { ...CHN, objective: { security_of: { EU: { SEMI: -0.02 } } } },
    };
    const text = JSON.stringify(o);
    const s = setupTradeNegotiation(parseScenarioText(text, 'eu.json'));
    const d = loadDataset('multisector-2025');
    const members = ['DEU', 'FRA', 'ITA', 'EUR'];
    expect(s.spec.objectives[0]).toMatchObject({ region: 'EU', members: members.map((c) => d.regions.indexOf(c)) });
    const solver = makeTradeSolver(s.spec);
    const deal = solver.solveFull([0.1, 0], { regions: members, sectors: ['SEMI'] });
    const b = calibratedBaseline(d, 'keep-deficits');
    const I = members.map((c) => income(b, b.pi, b.tau, b.X, b.VA, b.D, d.regions.indexOf(c)));
    const ri =
      members.reduce((a, c, k) => a + I[k] * deal.result.countries[c].real_income_pct!, 0) /
      (I[0] + I[1] + I[2] + I[3]);
    // China weighs the EU's chip supply (−0.02): its term is the members' pooled SEMI absorption, within theirs.
    const semi = (deal.objectives[1] - deal.result.countries.CHN.real_income_pct!) / -0.02;
    const own = members.map((c) => deal.absorption[c].SEMI);
    expect(semi).toBeGreaterThan(Math.min(...own));
    expect(semi).toBeLessThan(Math.max(...own));
    // The EU's objective: the pooled real income plus 0.05 × the same pooled absorption.
    expect(deal.objectives[0]).toBeCloseTo(ri + 0.05 * semi, 10);
    expect(ri).toBeGreaterThan(Math.min(...members.map((c) => deal.result.countries[c].real_income_pct!)));
    // The run: the EU owns its tariff; the deal effects list the members (the group has no row of its own).
    clearTradeCache();
    const r = await runTradeNegotiation(parseScenarioText(text, 'eu.json'));
    expect(r.parties).toEqual(['EU', 'CHN']);
    expect(r.objectives[0]).toMatchObject({ region: 'EU', security: [{ region: 'EU', sector: 'SEMI', weight: 0.05 }] });
    if (r.deal.effects) expect(Object.keys(r.deal.effects)).toEqual([...members, 'CHN']);
    const bad = JSON.parse(text);
    bad.negotiation.parties = { XX: bad.negotiation.parties.EU, CHN: bad.negotiation.parties.CHN };
    bad.negotiation.domain.issues[0].owner = 'XX';
    expect(() => setupTradeNegotiation(parseScenarioText(JSON.stringify(bad), 'xx.json'))).toThrow(
      /expected a party that is a region or group of dataset multisector-2025 \(groups: EU\), found "XX"/,
    );
  }, 120_000);

  it('reports scenario errors with their paths: disagreement off the grid, unknown owner', () => {
    const off = scenario({ issues: [ree([0.6, 1])] });
    expect(() => setupTradeNegotiation(parseScenarioText(off, 'off.json'))).toThrow(ScenarioError);
    expect(() => setupTradeNegotiation(parseScenarioText(off, 'off.json'))).toThrow(
      /contain its disagreement value 0.25/,
    );
    const owner = scenario({ issues: [{ ...ree([0.25, 1]), owner: 'JPN' }] });
    expect(() => parseScenarioText(owner, 'owner.json')).toThrow(/expected a party \(USA, CHN\), found "JPN"/);
  });
});
