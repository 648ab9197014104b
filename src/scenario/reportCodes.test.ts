import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load.ts';
import { reportCodeIssues, reportedRows } from './reportCodes.ts';

const world = loadDataset('world-2023');
const ms = loadDataset('multisector-2025');

describe('report codes', () => {
  it("accepts region codes, dataset groups and the model's own groups", () => {
    expect(reportCodeIssues(world, { countries: ['USA', 'EU', 'non-US'] }, ['non-US'])).toEqual([]);
    expect(reportCodeIssues(ms, { countries: ['USA', 'EU'], sectors: ['CHN'], trade: ['CHN->EU', '*->USA'] })).toEqual(
      [],
    );
  });

  it('refuses an unknown country code at its place, naming the groups it expected', () => {
    const issues = reportCodeIssues(world, { countries: ['USA', 'XXX'] });
    expect(issues).toEqual([
      {
        path: ['report', 'countries', 1],
        message: 'expected a region code or group of dataset world-2023 (groups: EU, EU27, RoW), found "XXX"',
      },
    ]);
  });

  it('refuses a group the dataset does not define', () => {
    expect(reportCodeIssues(ms, { countries: ['NAFTA'] })[0].message).toMatch(/found "NAFTA"/);
    expect(reportCodeIssues(ms, { partners: 'NAFTA' })[0]).toMatchObject({
      path: ['report', 'partners'],
      message: expect.stringMatching(/expected a group of dataset multisector-2025 \(EU\), found "NAFTA"/),
    });
  });

  it('refuses a group or unknown code where sector detail needs a region, and unknown trade pairs', () => {
    expect(reportCodeIssues(ms, { sectors: ['EU'] })[0].message).toMatch(
      /expected a region code .*found "EU" \(a group.*DEU, FRA, ITA, EUR/,
    );
    expect(reportCodeIssues(ms, { trade: ['CHN->XXX'] })[0]).toMatchObject({
      path: ['report', 'trade', 0],
      message: expect.stringMatching(/found "XXX"/),
    });
  });

  it('shows a group without a row of its own as its members, once each', () => {
    const rows = new Set(['USA', 'DEU', 'FRA']);
    expect(reportedRows(['USA', 'EU', 'FRA'], { EU: ['DEU', 'FRA'] }, (c) => rows.has(c))).toEqual([
      'USA',
      'DEU',
      'FRA',
    ]);
    expect(reportedRows(['EU'], { EU: ['DEU'] }, (c) => c === 'EU' || c === 'DEU')).toEqual(['EU']);
  });
});
