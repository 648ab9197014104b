import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset, readDatasetFolder } from '../load.ts';
import { buildWorld2023, EU_27, EU_PAPER_25, WORLD2023_RAW_DIR } from './world2023.ts';

const at = (d: ReturnType<typeof loadDataset>, importer: string, exporter: string) =>
  d.flows[d.regions.indexOf(importer) * d.N + d.regions.indexOf(exporter)];

describe('world-2023 (committed dataset)', () => {
  const d = loadDataset('world-2023');

  it('loads 194 economies and one goods sector with θ = 4 in thousand USD', () => {
    expect(d.N).toBe(194);
    expect(d.sectors).toEqual(['goods']);
    expect(d.theta[0]).toBe(4);
    expect(d.manifest.layout).toBe('gravity');
    expect(d.manifest.unit).toBe('thousand USD');
    expect(d.regions[184]).toBe('USA'); // the authors' MATLAB id 185
    expect(d.regions[33]).toBe('CHN');
  });

  it('carries the README sanity flows and GDP in the same unit', () => {
    expect(at(d, 'USA', 'CHN') / 1e6).toBeCloseTo(440.5, 1);
    expect(at(d, 'CHN', 'USA') / 1e6).toBeCloseTo(145.3, 1);
    expect(d.regionData.gdp[d.regions.indexOf('USA')] / 1e9).toBeCloseTo(27.84, 2);
    let nonZero = 0;
    for (let k = 0; k < d.N * d.N; k++) if (d.flows[k] > 0) nonZero++;
    expect(nonZero).toBe(25398);
    for (let n = 0; n < d.N; n++) expect(at(d, d.regions[n], d.regions[n])).toBe(0);
    expect(d.tariff.every((t) => t === 0)).toBe(true);
  });

  it('ships the 2 April 2025 US tariffs as schedule ustr-2025-04-02 (floor 10%)', () => {
    const s = d.schedules['ustr-2025-04-02'];
    const us = d.regions.indexOf('USA');
    expect(s[us * d.N + d.regions.indexOf('CHN')]).toBe(0.54);
    expect(s[us * d.N + d.regions.indexOf('CAN')]).toBe(0.1);
    expect(s[us * d.N + d.regions.indexOf('MEX')]).toBe(0.17);
    expect(s[us * d.N + d.regions.indexOf('DEU')]).toBe(0.2);
    expect(s[us * d.N + d.regions.indexOf('RUS')]).toBe(0.1);
    let others = 0;
    for (let k = 0; k < s.length; k++) if (s[k] !== 0 && Math.floor(k / d.N) !== us) others++;
    expect(others).toBe(0);
  });

  it('defines the paper EU (25), EU27 and RoW groups', () => {
    expect(d.manifest.groups.EU).toEqual(EU_PAPER_25);
    expect(d.manifest.groups.EU).toHaveLength(25);
    expect(d.manifest.groups.EU27).toEqual(EU_27);
    expect(d.manifest.groups.RoW).toHaveLength(194 - 27);
    expect(d.manifest.provenance.checks.every((c) => c.passed)).toBe(true);
  });
});

describe.runIf(existsSync(WORLD2023_RAW_DIR))('buildWorld2023 (needs the raw inputs, ../shared/data/raw)', () => {
  it('rebuilds tables identical to the committed ones', () => {
    const out = mkdtempSync(join(tmpdir(), 'world2023-'));
    try {
      const checks = buildWorld2023(WORLD2023_RAW_DIR, join(out, 'world-2023'));
      expect(checks.every((c) => c.passed)).toBe(true);
      const committed = loadDataset('world-2023').source;
      for (const f of ['trade.csv', 'region_data.csv', 'ustr-2025-04-02.csv']) {
        expect(readFileSync(join(out, 'world-2023', f), 'utf8')).toBe(readFileSync(join(committed, f), 'utf8'));
      }
      expect(readDatasetFolder(join(out, 'world-2023')).N).toBe(194);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
