/**
 * From a gravity scenario and its panel to the arrays of the estimator and the GE: regressors,
 * fixed-effect factors, clusters, the bootstrap's pairs, and the square baseline of the
 * counterfactual year with the change x′ − x of the shocked regressor on every pair.
 */
import { factorOf, type Factor } from '../../model/gravity/hdfe.ts';
import type { PpmlProblem } from '../../model/gravity/ppml.ts';
import { ScenarioError, type ScenarioIssue } from '../../spec/errors.ts';
import type { Panel } from './data.ts';
import type { GravityScenario } from './schema.ts';
import * as msg from '../../spec/messages/scenario.ts';

/** Everything a fit, a GE solve or a bootstrap replication needs, computed once. */
export interface GravityPrepared {
  scenario: GravityScenario;
  /** The estimation sample as a PPML problem (rows of the panel in `rows`). */
  problem: PpmlProblem;
  rows: Int32Array;
  /** Pair code of each estimation row and the number of pairs (the bootstrap's clusters). */
  pairOf: Int32Array;
  pairs: number;
  vceLabel: string;
  /** The data file as the scenario names it, and its content hash (provenance). */
  data: { file: string; hash: string | null };
  ge?: {
    year?: string;
    countries: string[];
    /** Baseline flows, exporter-major: flows[i*N + j]. */
    flows: Float64Array;
    /** x′ − x of the shocked regressor per pair. */
    delta: Float64Array;
    shocked: number;
    regressorIndex: number;
  };
}

type Locate = (path: (string | number)[]) => { line: number; col: number } | undefined;

function columnsOf(c: string | string[]): string[] {
  return typeof c === 'string' ? [c] : c;
}

type Path = (string | number)[];
type Fail = (path: Path, message: string) => never;
/**
 * A text column of the panel (exporter, importer, year or another), or a numeric one; an unknown
 * column fails at `path`.
 */
interface Columns {
  key: (col: string, path: Path) => string[];
  numeric: (col: string, path: Path) => Float64Array;
}

function panelColumns(s: GravityScenario, panel: Panel, fail: Fail): Columns {
  const key = (col: string, path: Path): string[] => {
    if (col === s.data.exporter) return panel.exporter;
    if (col === s.data.importer) return panel.importer;
    if (s.data.year && col === s.data.year) return panel.year!;
    try {
      return panel.text(col);
    } catch {
      return fail(path, msg.columnOf(panel.file, col));
    }
  };
  const numeric = (col: string, path: Path): Float64Array => {
    try {
      panel.text(col);
    } catch {
      fail(path, msg.columnOf(panel.file, col));
    }
    return panel.numbers(col);
  };
  return { key, numeric };
}

/**
 * The estimation sample (all rows, or the international ones): its panel rows, the flows y and the
 * regressors x (column-major).
 */
function estimationSample(s: GravityScenario, panel: Panel, fail: Fail, numeric: Columns['numeric']) {
  const est = s.estimate;
  const take: number[] = [];
  for (let i = 0; i < panel.n; i++) if (est.sample === 'all' || panel.exporter[i] !== panel.importer[i]) take.push(i);
  const rows = Int32Array.from(take);
  const n = rows.length;
  if (n === 0) fail(['estimate', 'sample'], msg.flowsEstimationSample(panel.file));
  const k = est.regressors.length;
  const y = new Float64Array(n),
    x = new Float64Array(n * k);
  for (let j = 0; j < n; j++) y[j] = panel.flow[rows[j]];
  est.regressors.forEach((r, c) => {
    const v = numeric(r, ['estimate', 'regressors', c]);
    for (let j = 0; j < n; j++) x[c * n + j] = v[rows[j]];
  });
  return { rows, y, x };
}

/** The fixed-effect factors of the sample and the clusters of the variance (robust without them). */
function effectsAndClusters(s: GravityScenario, rows: Int32Array, key: Columns['key']) {
  const est = s.estimate;
  const sub = (v: string[]) => Array.from(rows, (i) => v[i]);
  const factors: Factor[] = est.fixed_effects.map((fe, g) => {
    const cols = columnsOf(fe);
    return factorOf(
      cols.join('#'),
      cols.map((c, m) => sub(key(c, ['estimate', 'fixed_effects', g, ...(typeof fe === 'string' ? [] : [m])]))),
    );
  });
  let cluster: Int32Array | undefined;
  let vceLabel = 'robust';
  if (typeof est.vce === 'object') {
    const cols = columnsOf(est.vce.cluster);
    cluster = factorOf(
      'cluster',
      cols.map((c) => sub(key(c, ['estimate', 'vce', 'cluster']))),
    ).codes;
    vceLabel = `cluster(${cols.join('#')})`;
  }
  return { factors, cluster, vceLabel };
}

/**
 * Builds the estimation and counterfactual arrays; throws ScenarioError (with line:col from
 * `locate`) when the file does not fit the data.
 *
 * @example
 * ```ts
 * const prepared = prepareGravity(scenario, panel, 'eu.yaml', locate);
 * ppml(prepared.problem);
 * ```
 */
export function prepareGravity(
  s: GravityScenario,
  panel: Panel,
  file: string,
  locate: Locate = () => undefined,
): GravityPrepared {
  const fail: Fail = (path, message) => {
    const issue: ScenarioIssue = { path, message, ...(locate(path) ?? {}) };
    throw new ScenarioError(file, [issue]);
  };
  const { key, numeric } = panelColumns(s, panel, fail);
  const { rows, y, x } = estimationSample(s, panel, fail, numeric);
  const { factors, cluster, vceLabel } = effectsAndClusters(s, rows, key);
  const pairFactor = factorOf('pair', [
    Array.from(rows, (i) => panel.exporter[i]),
    Array.from(rows, (i) => panel.importer[i]),
  ]);
  const problem: PpmlProblem = { y, x, names: s.estimate.regressors, factors, ...(cluster ? { cluster } : {}) };
  const prepared: GravityPrepared = {
    scenario: s,
    problem,
    rows,
    pairOf: pairFactor.codes,
    pairs: pairFactor.levels,
    vceLabel,
    data: { file: panel.file, hash: panel.hash ?? null },
  };
  if (s.counterfactual) prepared.ge = prepareGe(s, panel, fail, numeric);
  // The report's rows are countries of the GE: an unknown one would be left out of the table silently.
  const ge = prepared.ge;
  s.report?.countries?.forEach((c, k) => {
    if (!ge) return fail(['report', 'countries'], msg.reportWithoutGe());
    if (!ge.countries.includes(c)) fail(['report', 'countries', k], msg.unknownReportCountry(ge.countries, c));
  });
  return prepared;
}

/**
 * The counterfactual's year: the one named (it must be in the data), else the data's only year
 * (none without a year column).
 */
function counterfactualYear(s: GravityScenario, panel: Panel, fail: Fail) {
  const cf = s.counterfactual!;
  const years = panel.year ? [...new Set(panel.year)] : [];
  let year: string | undefined;
  if (cf.year !== undefined) {
    if (!panel.year) fail(['counterfactual', 'year'], msg.dataYearName());
    year = String(cf.year);
    if (!years.includes(year)) fail(['counterfactual', 'year'], msg.yearOfData(years.join(', '), year));
  } else if (years.length > 1) {
    fail(['counterfactual'], msg.counterfactualYearSeveral(years.join(', ')));
  } else year = years[0];
  return { years, year };
}

/**
 * The square baseline of the year (flows[i*N + j], every pair once, domestic included) and the
 * shocked regressor on it.
 */
function baselineSquare(panel: Panel, fail: Fail, year: string | undefined, countries: string[], xs: Float64Array) {
  const N = countries.length;
  const at = new Map(countries.map((c, i) => [c, i]));
  const inYear = (i: number) => year === undefined || panel.year![i] === year;
  const flows = new Float64Array(N * N).fill(NaN);
  const base = new Float64Array(N * N);
  const cell = (i: number) => {
    const a = at.get(panel.exporter[i]),
      b = at.get(panel.importer[i]);
    if (a === undefined || b === undefined) {
      fail(
        ['data', 'file'],
        msg.sameCountriesExporters(
          year ?? 'the data',
          panel.file,
          panel.lines[i],
          panel.exporter[i],
          panel.importer[i],
        ),
      );
    }
    return a! * N + b!;
  };
  for (let i = 0; i < panel.n; i++) {
    if (!inYear(i)) continue;
    const c = cell(i);
    if (!Number.isNaN(flows[c]))
      fail(
        ['data', 'file'],
        msg.oneFlowPair(year ?? 'the data', panel.exporter[i], panel.importer[i], panel.file, panel.lines[i]),
      );
    flows[c] = panel.flow[i];
    base[c] = xs[i];
  }
  for (let c = 0; c < N * N; c++) {
    if (Number.isNaN(flows[c]))
      fail(
        ['data', 'file'],
        msg.pairCountriesDomestic(N, year ?? 'the data', countries[Math.floor(c / N)], countries[c % N]),
      );
  }
  return { flows, base };
}

/**
 * x′ − x of the shocked regressor on every pair: its values in `to_year`, or the stated value on
 * the listed pairs; 0 at home.
 */
function shockDelta(
  s: GravityScenario,
  panel: Panel,
  fail: Fail,
  years: string[],
  countries: string[],
  xs: Float64Array,
  base: Float64Array,
): Float64Array {
  const N = countries.length;
  const at = new Map(countries.map((c, i) => [c, i]));
  const delta = new Float64Array(N * N);
  const shock = s.counterfactual!.shock;
  if (shock.to_year !== undefined) {
    const to = String(shock.to_year);
    if (!panel.year || !years.includes(to))
      fail(['counterfactual', 'shock', 'to_year'], msg.yearOfData2(years.join(', '), to));
    const seen = new Uint8Array(N * N);
    for (let i = 0; i < panel.n; i++) {
      if (panel.year![i] !== to) continue;
      const a = at.get(panel.exporter[i]),
        b = at.get(panel.importer[i]);
      if (a === undefined || b === undefined) continue;
      delta[a * N + b] = xs[i] - base[a * N + b];
      seen[a * N + b] = 1;
    }
    for (let c = 0; c < N * N; c++) {
      if (!seen[c])
        fail(
          ['counterfactual', 'shock', 'to_year'],
          msg.everyPairIn(to, countries[Math.floor(c / N)], countries[c % N]),
        );
    }
  } else {
    shock.pairs!.forEach(([e, m], p) => {
      const a = at.get(e),
        b = at.get(m);
      if (a === undefined || b === undefined)
        fail(['counterfactual', 'shock', 'pairs', p], msg.countriesData(a === undefined ? e : m));
      if (a === b) fail(['counterfactual', 'shock', 'pairs', p], msg.internationalPair(e, m));
      delta[a! * N + b!] = shock.value! - base[a! * N + b!];
    });
  }
  for (let i = 0; i < N; i++) delta[i * N + i] = 0; // ge_gravity: no partial effect on domestic sales.
  return delta;
}

function prepareGe(
  s: GravityScenario,
  panel: Panel,
  fail: Fail,
  numeric: Columns['numeric'],
): NonNullable<GravityPrepared['ge']> {
  const { years, year } = counterfactualYear(s, panel, fail);
  const inYear = (i: number) => year === undefined || panel.year![i] === year;
  const countries = [...new Set(panel.exporter.filter((_, i) => inYear(i)))].sort();
  const N = countries.length;
  const regressor = s.counterfactual!.shock.regressor;
  const rIdx = s.estimate.regressors.indexOf(regressor);
  const xs = numeric(regressor, ['counterfactual', 'shock', 'regressor']);
  const { flows, base } = baselineSquare(panel, fail, year, countries, xs);
  const delta = shockDelta(s, panel, fail, years, countries, xs, base);
  let shocked = 0;
  for (let c = 0; c < N * N; c++) if (delta[c] !== 0) shocked++;
  return { ...(year !== undefined ? { year } : {}), countries, flows, delta, shocked, regressorIndex: rIdx };
}
