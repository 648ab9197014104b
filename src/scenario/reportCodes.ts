/**
 * The codes of a scenario's `report` section, checked against its dataset when the scenario is
 * checked (so `lancaster validate` and POST /api/scenarios/validate refuse them, not the solve
 * that would drop them): `countries` are region codes, dataset groups or groups the model reports
 * itself; `sectors` region codes; `partners` a dataset group; `trade` pairs of codes, groups or "*".
 * A dataset group the model gives no row of is shown as its members ({@link reportedRows}).
 */
import type { Dataset } from '../data/dataset.ts';
import { PolicyError } from '../policy/errors.ts';
import type { ScenarioIssue } from '../spec/errors.ts';
import type { Scenario } from '../spec/scenario.ts';
import { resolvePair } from './measures.ts';
import * as msg from '../spec/messages/scenario.ts';

type Path = (string | number)[];

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/**
 * Issues of the report section's codes (empty when all are known). `modelGroups` are the group
 * rows the model adds beyond the dataset's (one-sector-2025: "non-US").
 *
 * @example
 * ```ts
 * reportCodeIssues(dataset, { countries: ['USA', 'XXX'] });
 * // [{ path: ['report', 'countries', 1], message: 'expected a region code or group of dataset …, found "XXX"' }]
 * ```
 */
export function reportCodeIssues(
  d: Dataset,
  report: Scenario['report'],
  modelGroups: readonly string[] = [],
): ScenarioIssue[] {
  if (!report) return [];
  const issues: ScenarioIssue[] = [];
  const groups = [...Object.keys(d.manifest.groups), ...modelGroups];
  const push = (path: Path, message: string) => issues.push({ path, message });
  report.countries?.forEach((c, k) => {
    if (d.regions.includes(c) || groups.includes(c)) return;
    push(['report', 'countries', k], msg.regionCodeGroupDataset(d.manifest.id, list(groups), c));
  });
  report.sectors?.forEach((c, k) => {
    if (d.regions.includes(c)) return;
    const why = d.manifest.groups[c]
      ? ` (a group: sector detail is by region, name its members ${d.manifest.groups[c].join(', ')})`
      : '';
    push(['report', 'sectors', k], msg.regionCodeOfDataset2(d.manifest.id, c, why));
  });
  if (report.partners !== undefined && !d.manifest.groups[report.partners]) {
    push(
      ['report', 'partners'],
      msg.groupDataset(d.manifest.id, list(Object.keys(d.manifest.groups)), report.partners),
    );
  }
  report.trade?.forEach((key, k) => {
    try {
      resolvePair(d, key, ['report', 'trade', k]);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      push(e.path, e.message);
    }
  });
  return issues;
}

/**
 * The rows a result table shows for the reported names: each name the result has a row of
 * (country or group), and each dataset group without a row of its own as its members, in order
 * and without repeats.
 *
 * @example
 * ```ts
 * reportedRows(['USA', 'EU'], { EU: ['DEU', 'FRA'] }, (c) => c === 'USA' || c === 'DEU' || c === 'FRA');
 * // ['USA', 'DEU', 'FRA']
 * ```
 */
export function reportedRows(
  names: readonly string[],
  groups: Record<string, readonly string[]>,
  hasRow: (code: string) => boolean,
): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  for (const c of names) {
    if (hasRow(c)) add(c);
    else if (groups[c]) groups[c].filter(hasRow).forEach(add);
  }
  return out;
}
