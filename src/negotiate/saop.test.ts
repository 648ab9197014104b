import { describe, expect, it } from 'vitest';
import { modelAwareAgent } from './agents/model-aware.ts';
import { paretoSeekerAgent } from './agents/pareto-seeker.ts';
import { boulwareAgent, concederAgent, linearAgent, timeDependentAgent } from './agents/time-dependent.ts';
import { titForTatAgent } from './agents/tit-for-tat.ts';
import type { Bid } from './domain.ts';
import { readGeniusDomain, readGeniusProfile } from './genius.ts';
import { bidAt } from './outcome-space.ts';
import { runSaop, turnSchedule } from './saop.ts';
import type { Agent, TurnState } from './session.ts';
import { ENGLAND_ZIMBABWE, ITEX_CYPRESS } from '../../test/support/negotiate/test-fixtures.ts';
import { withReservation } from './utility.ts';

const domain = readGeniusDomain(ENGLAND_ZIMBABWE.domain);
const england = readGeniusProfile(ENGLAND_ZIMBABWE.a, domain);
const zimbabwe = readGeniusProfile(ENGLAND_ZIMBABWE.b, domain);

/** A scripted agent: offers outcome `k`, accepts when `accept(state)` says so. */
function scripted(k: number, accept: (s: TurnState) => boolean, seen: TurnState[] = []): Agent {
  return {
    name: `scripted(${k})`,
    init() {},
    respond: (_offer, s) => {
      seen.push(s);
      return accept(s);
    },
    propose: (s) => {
      seen.push(s);
      return bidAt(domain, k);
    },
  };
}
const never = (): boolean => false;

describe('SAOP deadline semantics', () => {
  it('with R rounds there are 2R turns and the final turn sees t = 1', () => {
    const seen: TurnState[] = [];
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [scripted(0, never, seen), scripted(1, never)],
      deadline: { rounds: 3 },
    });
    expect(r.agreement).toBeNull();
    expect(r.reason).toBe('deadline');
    expect(r.round).toBe(3);
    expect(r.time).toBe(1);
    expect(r.log.map((e) => [e.round, e.proposer, e.action])).toEqual([
      [1, 0, 'offer'],
      [1, 1, 'offer'],
      [2, 0, 'offer'],
      [2, 1, 'offer'],
      [3, 0, 'offer'],
      [3, 1, 'offer'], // logged, but it can never be answered
    ]);
    expect(seen.filter((s) => s.turn === 4).every((s) => s.time === 0.8 && !s.lastTurn)).toBe(true);
    expect(r.utilities).toEqual([0, 0]);
  });

  it('the last responder may still accept on the final turn', () => {
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [scripted(0, never), scripted(1, (s) => s.lastTurn)],
      deadline: { rounds: 3 },
    });
    expect(r.reason).toBe('accepted');
    expect(r.round).toBe(3);
    expect(r.time).toBe(1);
    expect(r.agreement).toEqual(bidAt(domain, 0)); // A's offer of round 3
    expect(r.log.at(-1)).toMatchObject({ round: 3, proposer: 1, action: 'accept' });
  });

  it('an acceptance in round 1 ends immediately', () => {
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [scripted(5, never), scripted(1, () => true)],
      deadline: { rounds: 10 },
    });
    expect(r).toMatchObject({ reason: 'accepted', round: 1, time: 1 / 19, agreement: bidAt(domain, 5) });
    expect(r.utilities[0]).toBeCloseTo(england.utility(bidAt(domain, 5)), 12);
  });

  it('a simulated-time deadline allows turns while k·c < S', () => {
    const { turns, timeOf } = turnSchedule({ seconds: 10, secondsPerTurn: 3 });
    expect(turns).toBe(4);
    expect([0, 1, 2, 3].map(timeOf)).toEqual([0, 0.3, 0.6, 0.9]);
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [scripted(0, never), scripted(1, never)],
      deadline: { seconds: 10, secondsPerTurn: 3 },
    });
    expect(r.log.length).toBe(4);
    expect(r).toMatchObject({ reason: 'deadline', round: 2, time: 0.9 });
  });

  it('reports GENIUS-discounted utilities at the end time', () => {
    const a = withReservation(england, 0.2, 0.5);
    const r = runSaop({
      domain,
      utilities: [a, zimbabwe],
      agents: [scripted(0, never), scripted(1, (s) => s.lastTurn)],
      deadline: { rounds: 2 },
    });
    expect(r.discounted[0]).toBeCloseTo(r.utilities[0] * 0.5, 12);
    const none = runSaop({
      domain,
      utilities: [a, zimbabwe],
      agents: [scripted(0, never), scripted(1, never)],
      deadline: { rounds: 2 },
    });
    expect(none.discounted[0]).toBeCloseTo(0.1, 12);
  });

  it('rejects invalid deadlines and probabilities', () => {
    expect(() => turnSchedule({ rounds: 0 })).toThrow(RangeError);
    expect(() =>
      runSaop({
        domain,
        utilities: [england, zimbabwe],
        agents: [scripted(0, never), scripted(1, never)],
        deadline: { rounds: 3 },
        breakdownProbability: 2,
      }),
    ).toThrow(/breakdown probability in \[0, 1\], found 2/);
  });
});

describe('SAOP breakdown', () => {
  it('probability 1 ends the session in round 1', () => {
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [boulwareAgent(), boulwareAgent()],
      deadline: { rounds: 100 },
      breakdownProbability: 1,
      seed: 3,
    });
    expect(r).toMatchObject({ reason: 'breakdown', round: 1, agreement: null });
    expect(r.log.map((e) => e.action)).toEqual(['offer', 'offer', 'breakdown']);
  });

  it('probability 0 never breaks down; a round-dependent probability is honoured', () => {
    const base = { domain, utilities: [england, zimbabwe] as const, deadline: { rounds: 20 } };
    expect(runSaop({ ...base, agents: [scripted(0, never), scripted(1, never)], breakdownProbability: 0 }).reason).toBe(
      'deadline',
    );
    const r = runSaop({
      ...base,
      agents: [scripted(0, never), scripted(1, never)],
      breakdownProbability: (round) => (round >= 7 ? 1 : 0),
    });
    expect(r).toMatchObject({ reason: 'breakdown', round: 7 });
  });

  it('the same seed gives the same log; breakdown rounds vary across seeds', () => {
    const run = (seed: number) =>
      runSaop({
        domain,
        utilities: [england, zimbabwe],
        agents: [scripted(0, never), scripted(1, never)],
        deadline: { rounds: 200 },
        breakdownProbability: 0.1,
        seed,
      });
    expect(run(42)).toEqual(run(42));
    const rounds = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => run(s).round));
    expect(rounds.size).toBeGreaterThan(1);
  });
});

describe('SAOP end-to-end sessions', () => {
  const reserved = (u: typeof england, r: number) => withReservation(u, r);
  const pairs: [string, () => [Agent, Agent]][] = [
    ['Boulware vs Conceder', () => [boulwareAgent(), concederAgent()]],
    ['Linear vs Linear', () => [linearAgent(), linearAgent()]],
    ['Boulware vs Boulware', () => [boulwareAgent(), boulwareAgent()]],
    [
      'relative TFT vs Conceder',
      () => [titForTatAgent({ mode: 'relative', initialConcession: 0.02 }), concederAgent()],
    ],
    ['absolute TFT vs Linear', () => [titForTatAgent({ mode: 'absolute', initialConcession: 0.02 }), linearAgent()]],
    ['Pareto seeker vs Boulware', () => [paretoSeekerAgent(), boulwareAgent()]],
    ['Conceder vs Pareto seeker', () => [concederAgent(), paretoSeekerAgent({ e: 0.3 })]],
  ];

  for (const [fixture, files] of [
    ['England–Zimbabwe', ENGLAND_ZIMBABWE],
    ['Itex–Cypress', ITEX_CYPRESS],
  ] as const) {
    const d = readGeniusDomain(files.domain);
    const a = reserved(readGeniusProfile(files.a, d), 0.3);
    const b = reserved(readGeniusProfile(files.b, d), 0.3);
    it.each(pairs)(`${fixture}: %s reach an individually rational agreement`, (_name, make) => {
      const r = runSaop({ domain: d, utilities: [a, b], agents: make(), deadline: { rounds: 60 }, seed: 7 });
      expect(r.reason).toBe('accepted');
      expect(r.agreement).not.toBeNull();
      expect(r.utilities[0]).toBeGreaterThanOrEqual(a.reservation);
      expect(r.utilities[1]).toBeGreaterThanOrEqual(b.reservation);
      // Every logged offer by a party is individually rational for that party.
      for (const e of r.log)
        if (e.action === 'offer') expect(e.utilities![e.proposer as 0 | 1]).toBeGreaterThanOrEqual(0.3);
    });
  }

  it('a Boulware agent ends with more than its Conceder opponent', () => {
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [boulwareAgent(), concederAgent()],
      deadline: { rounds: 60 },
    });
    const swapped = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [concederAgent(), boulwareAgent()],
      deadline: { rounds: 60 },
    });
    expect(r.utilities[0]).toBeGreaterThan(swapped.utilities[0]);
  });

  it('a model-aware agent negotiates with its own evaluator and caches evaluations', () => {
    let calls = 0;
    const evaluator = {
      evaluate: (bid: Bid) => {
        calls++;
        return england.utility(bid);
      },
      disagreement: 0.3,
    };
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [modelAwareAgent({ e: 0.5, evaluator }), linearAgent()],
      deadline: { rounds: 40 },
    });
    expect(r.reason).toBe('accepted');
    expect(r.utilities[0]).toBeGreaterThanOrEqual(0.3);
    expect(calls).toBeLessThanOrEqual(576); // each distinct bid evaluated once
  });

  it('time-dependent targets follow u_max − (u_max − u_res)·t^(1/e) on the offers', () => {
    const a = timeDependentAgent({ e: 1 });
    const r = runSaop({
      domain,
      utilities: [england, zimbabwe],
      agents: [a, scripted(1, never)],
      deadline: { rounds: 5 },
    });
    const own = r.log.filter((e) => e.proposer === 0).map((e) => e.utilities![0]);
    // Offers are non-increasing for A and each meets the linear target of its turn.
    for (let i = 1; i < own.length; i++) expect(own[i]).toBeLessThanOrEqual(own[i - 1]);
    expect(own[0]).toBeCloseTo(1, 12);
  });
});
