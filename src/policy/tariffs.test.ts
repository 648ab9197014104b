import { describe, it, expect } from 'vitest';
import { loadDataset } from '../data/load.ts';
import { applyTariffs } from './tariffs.ts';
import { PolicyError } from './errors.ts';
import type { TariffEntry } from '../spec/scenario.ts';

const d = loadDataset('cp2015');
const { N, J } = d;
const base = Float64Array.from(d.tariff, (t) => 1 + t);
const r = (c: string) => d.regions.indexOf(c);
const at = (tau: Float64Array, n: string, i: string, j = 0) => tau[(r(n) * N + r(i)) * J + j];
const apply = (entries: TariffEntry[]) =>
  applyTariffs(d, Float64Array.from(base), entries, { addTo: base, path: ['policy', 'tariffs'] });

describe('tariff entries', () => {
  it('sets a new rate on one pair in every sector and leaves the rest alone', () => {
    const tau = apply([{ importer: 'USA', exporter: 'CHN', rate: 0.54 }]);
    for (let j = 0; j < J; j++) expect(at(tau, 'USA', 'CHN', j)).toBe(1.54);
    expect(at(tau, 'CHN', 'USA')).toBe(at(base, 'CHN', 'USA'));
  });

  it('reads "*" as every region but the other side, minus except, never the domestic flow', () => {
    const tau = apply([{ importer: 'USA', exporter: '*', except: ['CHN'], rate: 0.1 }]);
    expect(at(tau, 'USA', 'MEX')).toBe(1.1);
    expect(at(tau, 'USA', 'CHN')).toBe(at(base, 'USA', 'CHN'));
    expect(at(tau, 'USA', 'USA')).toBe(1);
  });

  it('lets a later entry override an earlier one on the flows both cover', () => {
    const tau = apply([
      { importer: 'USA', exporter: '*', rate: 0.1 },
      { importer: 'USA', exporter: 'CHN', rate: 0.3 },
    ]);
    expect(at(tau, 'USA', 'CHN')).toBe(1.3);
    expect(at(tau, 'USA', 'JPN')).toBe(1.1);
  });

  it('adds to the baseline rate in chosen sectors only', () => {
    const tau = apply([{ importer: 'USA', exporter: 'CHN', sectors: ['s14'], add: 0.25 }]);
    expect(at(tau, 'USA', 'CHN', 13)).toBeCloseTo(at(base, 'USA', 'CHN', 13) + 0.25, 15);
    expect(at(tau, 'USA', 'CHN', 12)).toBe(at(base, 'USA', 'CHN', 12));
  });

  it('expands groups and takes rates from a dataset schedule', () => {
    const tau = apply([{ importer: 'NAFTA', exporter: 'NAFTA', schedule: 'tariffs-2005' }]);
    const s = d.schedules['tariffs-2005'];
    expect(at(tau, 'MEX', 'USA', 0)).toBe(1 + s[(r('MEX') * N + r('USA')) * J]);
    expect(at(tau, 'MEX', 'CHN', 0)).toBe(at(base, 'MEX', 'CHN', 0));
  });

  it('rejects unknown codes and sectors with the path of the offending value', () => {
    expect(() => apply([{ importer: 'USA', exporter: 'XXX', rate: 0.1 }])).toThrow(PolicyError);
    let err: unknown;
    try {
      apply([{ importer: 'USA', exporter: 'CHN', sectors: ['s01', 'nope'], rate: 0.1 }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).path).toEqual(['policy', 'tariffs', 0, 'sectors', 1]);
    expect((err as Error).message).toContain('found unknown sector "nope"');
  });
});

describe('tariff entries given as averages', () => {
  it('shifts the covered rates by one amount so that the flow-weighted average equals the target', () => {
    const tau = apply([{ importer: 'USA', exporter: 'CHN', sectors: ['goods'], target_average: 0.5 }]);
    let w = 0,
      s = 0;
    for (let j = 0; j < 20; j++) {
      const q = (r('USA') * N + r('CHN')) * J + j;
      w += d.flows[q];
      s += d.flows[q] * (tau[q] - 1);
    }
    expect(s / w).toBeCloseTo(0.5, 12);
    const shift = at(tau, 'USA', 'CHN', 0) - at(base, 'USA', 'CHN', 0);
    expect(at(tau, 'USA', 'CHN', 7) - at(base, 'USA', 'CHN', 7)).toBeCloseTo(shift, 12);
    expect(at(tau, 'USA', 'CHN', 30)).toBe(at(base, 'USA', 'CHN', 30)); // services untouched
  });

  it('refuses an average that would need negative rates', () => {
    expect(() => apply([{ importer: 'USA', exporter: 'CHN', sectors: ['goods'], target_average: 0 }])).toThrow(
      /without negative rates/,
    );
  });
});
