import { describe, expect, it } from 'vitest';
import { readGeniusDomain, readGeniusProfile } from './genius.ts';
import { annealer, hillClimber, runMediated } from './mediated.ts';
import { bidAt } from './outcome-space.ts';
import { ENGLAND_ZIMBABWE } from '../../test/support/negotiate/test-fixtures.ts';
import { withReservation } from './utility.ts';

const domain = readGeniusDomain(ENGLAND_ZIMBABWE.domain);
const england = readGeniusProfile(ENGLAND_ZIMBABWE.a, domain);
const zimbabwe = readGeniusProfile(ENGLAND_ZIMBABWE.b, domain);

describe('mediated single-text protocol', () => {
  it('hill climbers only adopt Pareto-improving drafts and ratify an individually rational text', () => {
    const initial = bidAt(domain, 0);
    const r = runMediated({
      domain,
      utilities: [england, zimbabwe],
      voters: [hillClimber, hillClimber],
      rounds: 300,
      seed: 5,
      initial,
    });
    expect(r.reason).toBe('accepted');
    let prev: [number, number] = [england.utility(initial), zimbabwe.utility(initial)];
    for (const e of r.log.filter((x) => x.action === 'adopted')) {
      expect(e.utilities![0]).toBeGreaterThanOrEqual(prev[0]);
      expect(e.utilities![1]).toBeGreaterThanOrEqual(prev[1]);
      prev = e.utilities!;
    }
    expect(r.utilities).toEqual(prev);
  });

  it('ends without agreement when the final text is below a reservation value', () => {
    const picky = withReservation(england, 1.01);
    const r = runMediated({
      domain,
      utilities: [picky, zimbabwe],
      voters: [hillClimber, hillClimber],
      rounds: 50,
      seed: 1,
    });
    expect(r).toMatchObject({ reason: 'deadline', agreement: null });
  });

  it('breakdown probability 1 ends at round 1; same seed, same log', () => {
    const r = runMediated({
      domain,
      utilities: [england, zimbabwe],
      voters: [hillClimber, hillClimber],
      rounds: 50,
      breakdownProbability: 1,
    });
    expect(r).toMatchObject({ reason: 'breakdown', round: 1 });
    const run = () =>
      runMediated({
        domain,
        utilities: [england, zimbabwe],
        voters: [annealer(0.2), annealer(0.2)],
        rounds: 200,
        seed: 9,
      });
    expect(run()).toEqual(run());
  });
});
