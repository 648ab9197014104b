/**
 * The models a scenario can name, with their default datasets, the layout they need, and how a
 * scenario's tariff factors become a solved ModelResult.
 */
import type { PolicyState } from '../policy/fold.ts';
import type { Dataset } from '../data/dataset.ts';
import type { IterationFn, ModelResult } from './result.ts';
import type { ControlledFlowResult, ModelDetail } from '../contract/model.ts';
import type { Scenario } from '../spec/scenario.ts';
import type { PresetRate } from '../policy/tariffs.ts';
import { PolicyError } from '../policy/errors.ts';
import { controlIndex } from '../policy/controls.ts';
import { runGe, horizonScale, calibratedBaseline, type GeRun } from './ge/run.ts';
import { honestResult } from './honest.ts';

/** Default tolerances of the solvers (ge/solve.ts, oneSector2025/solve.ts), for the checks of honest.ts. */
const GE_TOLERANCE = 1e-10;
const ONE_SECTOR_TOLERANCE = 1e-11;
import { groupRow, importsFromPct, rowBases, sectorResults } from './ge/outputs.ts';
import { baselineOutput, type GeNests, type GeOwnership } from './ge/solve.ts';
import { chainResults, userLosses } from './ge/chain.ts';
import { checkSupplyFeasible } from '../policy/capacity.ts';
import {
  exemptCovered,
  runInventoryClock,
  type InventoryCells,
  type InventoryPath,
  type Measures,
} from './inventory.ts';
import { addDays } from '../policy/clock.ts';
import { selectSide, selectSectors } from '../policy/select.ts';
import {
  solveOneSector2025,
  usOptimalTariff,
  optimalRetaliationTariff,
  TARIFF_PRESETS,
  PAPER_CASES,
  type OneSector2025Options,
} from './oneSector2025/index.ts';
import * as msg from '../spec/messages/policy.ts';
import * as modelMsg from '../spec/messages/model.ts';

export type { ControlledFlowResult } from '../contract/model.ts';

export interface ModelSpec {
  id: Scenario['model'];
  description: string;
  defaultDataset: string;
  layout: 'io-table' | 'gravity';
  /** Rates of model presets (`preset:` in tariff entries), if the model has any. */
  preset?: (d: Dataset, s: Scenario) => PresetRate;
  /** Whole-policy presets (`policy.preset`), expanded to tariff entries. */
  policyPresets?: Record<string, { importer: string; exporter: string; preset: string }[]>;
  /** Whether the model can apply export controls. */
  controls: boolean;
  /** Whether the model applies capacity bounds (`policy.capacity`, resolved by the policy fold). */
  capacity: boolean;
  /** Group rows the model reports beyond the dataset's groups (one-sector-2025: "non-US"). */
  resultGroups?: readonly string[];
  /** Solves one policy state; `warm` is what a previous solve of the same scenario returned. */
  solve(d: Dataset, s: Scenario, state: PolicyState, warm?: unknown, hooks?: SolveHooks): Solved;
}

/** What a caller may watch during a solve. */
export interface SolveHooks {
  /** Every iteration of the counterfactual's solver (not of the baseline calibration, sweeps or inventory spans). */
  onIteration?: IterationFn;
}

export type { PolicyState } from '../policy/fold.ts';

/** A solved state: the contract result and an opaque warm start for the next solve. */
export interface Solved {
  result: ModelResult;
  warm?: unknown;
  /** The multi-sector run, for sector detail (absent for other models). */
  ge?: GeRun;
}

/** The trade-elasticity multiplier of a scenario: elasticity_scale, else its horizon's, else 1. */
function elasticityScale(s: Scenario): number | undefined {
  return s.options.elasticity_scale ?? horizonScale(s.options.horizon);
}

/**
 * Input-nest elasticities of a scenario (options.input_elasticity, options.critical_inputs), or
 * undefined for Cobb–Douglas. Keys of a map: "*" (default), a sector code, "REGION:sector"; the most
 * specific wins. Unknown codes are PolicyErrors at the option's path.
 */
export function geNests(d: Dataset, s: Scenario): GeNests | undefined {
  const { N, J } = d;
  const ie = s.options.input_elasticity;
  const ci = s.options.critical_inputs;
  if (ie === undefined && !ci) return undefined;
  const out: GeNests = {};
  if (ie !== undefined) {
    const eps = new Float64Array(N * J).fill(typeof ie === 'number' ? ie : (ie['*'] ?? 1));
    if (typeof ie !== 'number') {
      const entries = Object.entries(ie).filter(([k]) => k !== '*');
      // Sector keys first, then REGION:sector keys, so the more specific ones win.
      for (const pass of [false, true]) {
        for (const [key, v] of entries) {
          const at = ['options', 'input_elasticity', key];
          const parts = key.split(':');
          if ((parts.length === 2) !== pass) continue;
          if (parts.length > 2) throw new PolicyError(at, msg.sectorCodeRegion(key));
          const regions =
            parts.length === 2 ? selectSide(d, parts[0], '*', undefined, at, at) : d.regions.map((_, n) => n);
          const sectors = selectSectors(d, [parts[parts.length - 1]], at);
          for (const n of regions) for (const j of sectors) eps[n * J + j] = v;
        }
      }
    }
    out.epsilon = eps;
  }
  if (ci) {
    const at = ['options', 'critical_inputs'];
    const inputs = Int32Array.from(selectSectors(d, ci.inputs, [...at, 'inputs']));
    const userSectors = selectSectors(d, ci.users, [...at, 'users']);
    const regions = ci.regions
      ? [
          ...new Set(
            ci.regions.flatMap((c, k) =>
              selectSide(d, c, '*', undefined, [...at, 'regions', k], [...at, 'regions', k]),
            ),
          ),
        ]
      : d.regions.map((_, n) => n);
    const users = new Uint8Array(N * J);
    for (const n of regions) for (const j of userSectors) users[n * J + j] = 1;
    out.critical = { inputs, users, sigma: ci.elasticity };
  }
  return out;
}

/**
 * The dataset's cross-border ownership links (manifest `ownership`) as solver input, or undefined
 * when the scenario sets `options.ownership: none` or the dataset has none.
 */
function geOwnership(d: Dataset, s: Scenario): GeOwnership | undefined {
  const links = d.manifest.ownership ?? [];
  if (s.options.ownership === 'none' || !links.length) return undefined;
  const { J } = d;
  const idx = links.map((l, k) => {
    const m = d.regions.indexOf(l.owner),
      i = d.regions.indexOf(l.region),
      j = d.sectors.indexOf(l.sector);
    if (m < 0 || i < 0 || j < 0)
      throw new RangeError(modelMsg.regionSectorCodes(d.manifest.id, k, l.owner, l.region, l.sector, d.source));
    return { m, q: i * J + j, o: l.share };
  });
  return {
    owner: Int32Array.from(idx, (x) => x.m),
    cell: Int32Array.from(idx, (x) => x.q),
    share: Float64Array.from(idx, (x) => x.o),
  };
}

/** Sector indices of a list of codes or groups at `path`. */
const sectorList = (d: Dataset, codes: readonly string[] | undefined, path: (string | number)[]) =>
  codes ? selectSectors(d, codes, path) : [];

/**
 * Stocked cells of `options.inventories.weeks`: keys are sector codes, sector groups or
 * "REGION:sector" (regions or groups), the more specific winning; cells with no baseline use are dropped.
 */
function inventoryCells(d: Dataset, s: Scenario): InventoryCells | undefined {
  const inv = s.options.inventories;
  if (!inv) return undefined;
  const { N, J } = d;
  const weeks = new Map<number, number>();
  for (const pass of [false, true]) {
    for (const [key, w] of Object.entries(inv.weeks)) {
      const at = ['options', 'inventories', 'weeks', key];
      const parts = key.split(':');
      if (parts.length > 2) throw new PolicyError(at, msg.sectorCodeSector(key));
      if ((parts.length === 2) !== pass) continue;
      const regions = parts.length === 2 ? selectSide(d, parts[0], '*', undefined, at, at) : d.regions.map((_, n) => n);
      for (const n of regions) for (const j of selectSectors(d, [parts[parts.length - 1]], at)) weeks.set(n * J + j, w);
    }
  }
  const use = (q: number) => {
    let x = 0;
    const n = Math.floor(q / J),
      j = q % J;
    for (let i = 0; i < N; i++) x += d.flows[(n * N + i) * J + j];
    return x;
  };
  const cells = [...weeks.keys()].filter((q) => use(q) > 0 && weeks.get(q)! > 0).sort((a, b) => a - b);
  return { cell: Int32Array.from(cells), weeks: Float64Array.from(cells, (q) => weeks.get(q)!) };
}

function geOptions(d: Dataset, s: Scenario, state: PolicyState, published: boolean) {
  return {
    ownership: geOwnership(d, s),
    baseline: s.options.baseline ?? (published ? ('zero-deficit' as const) : ('keep-deficits' as const)),
    elasticityScale: elasticityScale(s),
    publishedWelfare: published,
    tol: s.options.tolerance,
    maxIterations: s.options.max_iterations,
    nests: geNests(d, s),
    capacity: state.capacity,
    labels: { regions: d.regions, sectors: d.sectors },
  };
}

/**
 * A multi-sector result: the contract plus its model detail (sectors, export controls, capacity,
 * chain, inventories…; src/contract/model.ts).
 */
export type GeModelResult = ModelResult & ModelDetail;

/** Regions the headline measures cover: report.countries (codes only) or USA and CHN. */
function headlineRegions(d: Dataset, s: Scenario): number[] {
  const list = (s.report?.countries ?? ['USA', 'CHN']).map((c) => d.regions.indexOf(c)).filter((n) => n >= 0);
  return list.length ? list : [0];
}

/**
 * Headline measures of a run for the headline regions: real GDP, real income, the using sectors'
 * and defence's real output (`<code>_output_pct`), the chain's price and shortage (`<code>_price_pct`,
 * `<code>_shortage_pct`).
 */
function headline(d: Dataset, s: Scenario, run: GeRun): Measures {
  const y0 = baselineOutput(run.baseline);
  const chain = sectorList(d, s.options.critical_inputs?.inputs, ['options', 'critical_inputs', 'inputs']);
  const users = sectorList(d, s.options.critical_inputs?.users, ['options', 'critical_inputs', 'users']);
  const table = chain.length ? chainResults(run.baseline, run.solution, y0, chain, d.regions, d.sectors) : {};
  const out: Measures = {};
  for (const n of headlineRegions(d, s)) {
    const c = run.result.countries[d.regions[n]];
    let y0n = 0,
      y1n = 0; // real gross output of all sectors at baseline prices
    for (let j = 0; j < d.J; j++) {
      const q = n * d.J + j;
      y0n += y0[q];
      y1n += run.solution.Y[q] / Math.exp(run.solution.lc[q]);
    }
    const m: Record<string, number> = {
      real_gdp_pct: c.real_gdp_pct ?? NaN,
      real_income_pct: c.real_income_pct ?? NaN,
      real_output_pct: 100 * (y1n / y0n - 1),
    };
    for (const [code, l] of Object.entries(userLosses(run.baseline, run.solution, y0, n, users, d.sectors)))
      m[`${code}_output_pct`] = l.real_output_pct;
    for (const [code, rows] of Object.entries(table)) {
      m[`${code}_price_pct`] = rows[d.regions[n]].price_pct;
      m[`${code}_shortage_pct`] = rows[d.regions[n]].shortage_pct;
    }
    out[d.regions[n]] = m;
  }
  return out;
}

type Caps = NonNullable<GeRun['solution']['caps']>;
type Capacity = NonNullable<GeRun['solution']['capacity']>;

/** Export control c on flow q as the result reports it: the wedge, the quantity, and where its rents and revenue go. */
function controlledFlow(d: Dataset, run: GeRun, caps: Caps, q: number, c: number): ControlledFlowResult {
  const { N, J } = d;
  const own = run.shock.ownership;
  const b = run.baseline;
  const i = Math.floor(q / J) % N,
    n = Math.floor(q / (N * J)),
    j = q % J;
  const a = caps.accounts;
  const kept = a.kept[c];
  // Kept rents follow the ownership of the exporting cell (O1): foreign owners' shares, the rest to the exporter.
  const to: Record<string, number> = {};
  let foreign = 0;
  if (own && kept !== 0)
    own.owner.forEach((m, l) => {
      if (own.cell[l] === i * J + j && own.share[l] > 0) {
        to[d.regions[m]] = kept * own.share[l];
        foreign += own.share[l];
      }
    });
  if (kept !== 0) to[d.regions[i]] = kept * (1 - foreign);
  const g = a.governmentRegion[c];
  const row: ControlledFlowResult = {
    origin: d.regions[i],
    destination: d.regions[n],
    sector: d.sectors[j],
    approval: caps.approval[c],
    wedge: Math.exp(caps.lnOmega[c]),
    quantity_pct: 100 * (caps.quantity[c] - 1),
    binding: caps.lnOmega[c] > 0,
    rents: run.shock.caps!.rentsToExporter[controlIndex(run.shock.caps!, q)] ? 'exporter' : 'lost',
    value_before: (b.pi[q] / b.tau[q]) * b.X[n * J + j],
    value_after: a.value[c],
    rent: kept,
    rent_to: to,
    rent_lost: a.lost[c],
  };
  if (g >= 0) {
    row.government_share = a.government[c] / a.value[c];
    row.government = d.regions[g];
    row.government_revenue = a.government[c];
  }
  return row;
}

/**
 * Each capacity bound as the result reports it: limit, supply elasticity, output, markup, rent, and
 * whether it binds.
 */
function capacityRows(d: Dataset, cap: Capacity) {
  const { J } = d;
  return Array.from(cap.cell, (q, c) => {
    const eta = cap.elasticity[c];
    const b = eta === Infinity ? 0 : Math.min(Math.log(cap.quantity[c]), Math.log(cap.limit[c])) / eta;
    return {
      region: d.regions[Math.floor(q / J)],
      sector: d.sectors[q % J],
      limit: cap.limit[c],
      supply_elasticity: eta === Infinity ? null : eta,
      output_pct: 100 * (cap.quantity[c] - 1),
      markup_pct: 100 * Math.expm1(cap.lnMu[c]),
      rent: cap.rent[c],
      binding: cap.lnMu[c] - b > 1e-12,
    };
  });
}

/** The sector rows of the regions `report.sectors` names (an unknown code is a PolicyError at its place). */
function reportedSectors(d: Dataset, run: GeRun, regions: string[]): NonNullable<GeModelResult['sectors']> {
  const out: NonNullable<GeModelResult['sectors']> = {};
  regions.forEach((code, k) => {
    const n = d.regions.indexOf(code);
    if (n < 0) throw new PolicyError(['report', 'sectors', k], msg.regionCodeOfDataset(d.manifest.id, code));
    const rows = sectorResults(run.baseline, run.shock, run.solution, n);
    out[code] = Object.fromEntries(d.sectors.map((c, j) => [c, rows[j]]));
  });
  return out;
}

function withDetail(d: Dataset, s: Scenario, run: GeRun): GeModelResult {
  const r: GeModelResult = run.result;
  r.elasticities = {
    elasticity_scale: elasticityScale(s) ?? 1,
    ...(s.options.horizon ? { horizon: s.options.horizon } : {}),
    input_elasticity: s.options.input_elasticity ?? 1,
    ...(s.options.critical_inputs ? { critical_inputs: s.options.critical_inputs } : {}),
  };
  const caps = run.solution.caps;
  if (caps) {
    r.cap_residual = caps.residual;
    r.export_controls = Array.from(caps.flow, (q, c) => controlledFlow(d, run, caps, q, c));
  }
  const cap = run.solution.capacity;
  if (cap) {
    r.capacity_residual = cap.residual;
    r.capacity = capacityRows(d, cap);
  }
  const ci = s.options.critical_inputs;
  if (ci) {
    const y0 = baselineOutput(run.baseline);
    const chain = sectorList(d, ci.inputs, ['options', 'critical_inputs', 'inputs']);
    const users = sectorList(d, ci.users, ['options', 'critical_inputs', 'users']);
    r.chain = chainResults(run.baseline, run.solution, y0, chain, d.regions, d.sectors);
    r.users = Object.fromEntries(
      d.regions.map((code, n) => [code, userLosses(run.baseline, run.solution, y0, n, users, d.sectors)]),
    );
  }
  const regions = s.report?.sectors;
  if (regions?.length) r.sectors = reportedSectors(d, run, regions);
  return r;
}

function withPartners(d: Dataset, s: Scenario, run: GeRun): ModelResult {
  const g = s.report?.partners;
  if (!g) return run.result;
  const members = d.manifest.groups[g]?.map((c) => d.regions.indexOf(c));
  if (!members)
    throw new PolicyError(
      ['report', 'partners'],
      msg.groupDataset(d.manifest.id, Object.keys(d.manifest.groups).join(', ') || 'none', g),
    );
  for (const n of members)
    run.result.countries[d.regions[n]].imports_from_partners_pct = importsFromPct(
      run.baseline,
      run.shock,
      run.solution,
      n,
      members,
    );
  return run.result;
}

/**
 * Group rows of the dataset groups report.countries names (EU): each field its members' values
 * weighted by that field's base (ge/outputs.ts groupRow, rowBases: the members pooled), so a solve
 * and every timeline step report the group the scenario asks for (docs/results.md rule 1).
 */
function withGroups(d: Dataset, s: Scenario, run: GeRun): ModelResult {
  const asked = (s.report?.countries ?? []).filter((c) => d.manifest.groups[c] && !d.regions.includes(c));
  if (!asked.length) return run.result;
  const rows = d.regions.map((c) => run.result.countries[c]);
  const bases = rowBases(run.baseline, run.solution);
  const members = (g: string) => d.manifest.groups[g].map((c) => d.regions.indexOf(c)).filter((n) => n >= 0);
  run.result.groups = Object.fromEntries(asked.map((g) => [g, groupRow(rows, bases, members(g))]));
  return run.result;
}

function runState(
  d: Dataset,
  s: Scenario,
  state: PolicyState,
  id: string,
  published: boolean,
  warm?: unknown,
  sigma?: number,
  onIteration?: IterationFn,
): GeRun {
  const opts = { ...geOptions(d, s, state, published), onIteration };
  if (sigma !== undefined && opts.nests?.critical)
    opts.nests = { ...opts.nests, critical: { ...opts.nests.critical, sigma } };
  let run: GeRun;
  try {
    run = runGe(d, id, state.tau, { ...opts, controls: state.controls }, warm as GeRun['solution'] | undefined);
  } catch (e) {
    // The solver rejects infeasible or contradictory controls (e.g. a ban leaving no supplier): a validation error.
    if (e instanceof RangeError && state.controls.flow.length > 0)
      throw new PolicyError(['policy', 'export_controls'], e.message);
    throw e;
  }
  run.result = honestResult(run.result, opts.tol ?? GE_TOLERANCE, { ge: run, regions: d.regions });
  return run;
}

/** The weekly inventory clock of a single solve: the policy in force from `start` for `duration_weeks`. */
function inventoryClock(
  d: Dataset,
  s: Scenario,
  state: PolicyState,
  id: string,
  published: boolean,
  full: GeRun,
  sigma?: number,
): InventoryPath | undefined {
  const cells = inventoryCells(d, s);
  const inv = s.options.inventories;
  if (!cells || !inv) return undefined;
  const start = inv.start ?? '2025-01-01';
  const end = addDays(start, 7 * (inv.duration_weeks ?? 26));
  const cache = new Map<string, GeRun>();
  let last = full; // spans differ by one stock-out: the previous span's solution is a close start
  return runInventoryClock(d, cells, [{ start, end, state, index: 0 }], {
    solve: (st, covered, key) => {
      if (!covered.size) return full;
      let run = cache.get(key);
      if (!run) {
        run = runState(
          d,
          s,
          { ...st, controls: exemptCovered(st.controls, covered, d.N, d.J) },
          id,
          published,
          last.solution,
          sigma,
        );
        if (run.result.status !== 'converged')
          run = runState(
            d,
            s,
            { ...st, controls: exemptCovered(st.controls, covered, d.N, d.J) },
            id,
            published,
            undefined,
            sigma,
          );
        last = run;
        if (run.result.status !== 'converged')
          throw new RangeError(modelMsg.inventorySpanStocked(covered.size, run.result.message));
        cache.set(key, run);
      }
      return run;
    },
    shortage: (run, q) => {
      const { baseline: b, solution: sol } = run as GeRun;
      return b.X[q] > 0 ? 1 - sol.X[q] / b.X[q] / Math.exp(sol.lP[q]) : 0;
    },
    measures: (run) => headline(d, s, run as GeRun),
  });
}

function solveGeState(
  d: Dataset,
  s: Scenario,
  state: PolicyState,
  id: string,
  published: boolean,
  warm?: unknown,
  hooks?: SolveHooks,
): Solved {
  const cap = state.capacity;
  if (cap)
    checkSupplyFeasible(
      d,
      state.controls,
      cap,
      new Set(inventoryCells(d, s)?.cell ?? []),
      ['policy', 'capacity'],
      ['policy', 'export_controls'],
    );
  const opts = geOptions(d, s, state, published);
  try {
    // The baseline first: its non-convergence is a numerical failure of the data, not of the policy.
    calibratedBaseline(d, opts.baseline, opts);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const result: ModelResult = {
      status: 'not-converged',
      iterations: 0,
      residual: Number.NaN,
      seconds: 0,
      message: e.message,
      model: id,
      dataset: d.manifest.id,
      countries: {},
    };
    return { result };
  }
  const run = runState(d, s, state, id, published, warm, undefined, hooks?.onIteration);
  withPartners(d, s, run);
  withGroups(d, s, run);
  const result = withDetail(d, s, run);
  // The clock and the sweep belong to single solves (a timeline's steps are its dated states).
  if (run.result.status === 'converged' && !s.timeline) {
    const inv = inventoryClock(d, s, state, id, published, run);
    if (inv) result.inventories = inv;
    const sweep = s.options.critical_inputs?.sweep;
    if (sweep) {
      result.sweep = sweep.map((sigma) => {
        const r = runState(d, s, state, id, published, run.solution, sigma);
        const ok = r.result.status === 'converged';
        const av = ok ? inventoryClock(d, s, state, id, published, r, sigma) : undefined;
        return {
          sigma,
          status: r.result.status,
          measures: ok ? headline(d, s, r) : {},
          ...(av ? { average: av.average } : {}),
        };
      });
    }
  }
  return { result, warm: run.result.status === 'converged' ? run.solution : undefined, ge: run };
}

function oneSectorOptions(s: Scenario): OneSector2025Options {
  return {
    revenue: s.options.revenue ?? 'income-tax-relief',
    variant: s.options.variant ?? 'baseline',
    elasticityScale: elasticityScale(s),
    tolerance: s.options.tolerance,
    maxIterations: s.options.max_iterations,
  };
}

export const MODEL_SPECS: Record<Scenario['model'], ModelSpec> = {
  cp2015: {
    id: 'cp2015',
    description: 'Caliendo & Parro (2015): multi-sector input–output model; welfare_pct is their ToT + VoT measure',
    defaultDataset: 'cp2015',
    layout: 'io-table',
    controls: true,
    capacity: true,
    solve: (d, s, state, warm, hooks) => solveGeState(d, s, state, 'cp2015', true, warm, hooks),
  },
  multisector: {
    id: 'multisector',
    description:
      "Lancaster's default multi-sector input–output model (CP 2015 " +
      'structure); welfare_pct is the exact real-income change',
    defaultDataset: 'multisector-2025',
    layout: 'io-table',
    controls: true,
    capacity: true,
    solve: (d, s, state, warm, hooks) => solveGeState(d, s, state, 'multisector', false, warm, hooks),
  },
  'one-sector-2025': {
    id: 'one-sector-2025',
    description:
      'Ignatenko, Macedoni, Lashkaripour & Simonovska (2025): one sector, ' +
      '194 economies, labour supply and pass-through',
    defaultDataset: 'world-2023',
    layout: 'gravity',
    resultGroups: ['non-US'],
    policyPresets: PAPER_CASES,
    preset: (d, s) => {
      const opts = oneSectorOptions(s);
      const memo = new Map<string, number>();
      const once = (k: string, f: () => number) => memo.get(k) ?? (memo.set(k, f()), memo.get(k)!);
      return (preset, n, i, tau, path) => {
        switch (preset) {
          case 'ustr-2025-04-02': {
            const sch = d.schedules['ustr-2025-04-02'];
            if (!sch) throw new PolicyError(path, msg.datasetShipSchedule(d.manifest.id));
            return sch[n * d.N + i];
          }
          case 'us-optimal':
            return once(preset, () => usOptimalTariff(d, opts, 'table1'));
          case 'us-optimal-table2':
            return once(preset, () => usOptimalTariff(d, opts, 'table2'));
          case 'optimal-retaliation':
            return once(preset, () => optimalRetaliationTariff(d, opts));
          case 'reciprocal-retaliation':
            return tau[i * d.N + n] - 1;
          default:
            throw new PolicyError(path, msg.presetOneSector(TARIFF_PRESETS.join(', '), preset));
        }
      };
    },
    controls: false,
    capacity: false,
    solve: (d, s, state, warm, hooks) => {
      const rates = new Float64Array(state.tau.length);
      for (let q = 0; q < rates.length; q++) rates[q] = state.tau[q] - 1;
      const opts = oneSectorOptions(s);
      const sol = solveOneSector2025(
        d,
        rates,
        { ...opts, onIteration: hooks?.onIteration },
        warm as Float64Array | undefined,
      );
      const result = honestResult(sol.result, opts.tolerance ?? ONE_SECTOR_TOLERANCE, {
        oneSector: { d, tariffs: rates, opts, unknowns: sol.unknowns, result: sol.result },
      });
      return { result, warm: result.status === 'converged' ? sol.unknowns : undefined };
    },
  },
};
