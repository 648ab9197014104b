/**
 * The models a scenario can name, with their default datasets, the layout they need, and how a
 * scenario's tariff factors become a solved ModelResult.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ModelResult } from '../model/result.ts';
import type { Scenario } from './schema.ts';
import type { PresetRate } from '../policy/tariffs.ts';
import { PolicyError } from '../policy/errors.ts';
import { controlIndex, type GeControls } from '../policy/controls.ts';
import { runGe, horizonScale, calibratedBaseline, type GeRun } from '../model/ge/run.ts';
import { honestResult } from './honest.ts';

/** Default tolerances of the solvers (ge/solve.ts, oneSector2025/solve.ts), for the checks of honest.ts. */
const GE_TOLERANCE = 1e-10;
const ONE_SECTOR_TOLERANCE = 1e-11;
import { importsFromPct, sectorResults, type SectorResult } from '../model/ge/outputs.ts';
import type { GeNests, GeOwnership } from '../model/ge/solve.ts';
import { selectSide, selectSectors } from '../policy/select.ts';
import { solveOneSector2025, usOptimalTariff, optimalRetaliationTariff, TARIFF_PRESETS, PAPER_CASES, type OneSector2025Options } from '../model/oneSector2025/index.ts';

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
  /** Solves one policy state; `warm` is what a previous solve of the same scenario returned. */
  solve(d: Dataset, s: Scenario, state: PolicyState, warm?: unknown): Solved;
}

/** A policy as the models take it: tariff factors τ' = 1 + t' and export controls. */
export interface PolicyState {
  tau: Float64Array;
  controls: GeControls;
}

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
          if (parts.length > 2) throw new PolicyError(at, `expected "*", a sector code or "REGION:sector", found "${key}"`);
          const regions = parts.length === 2 ? selectSide(d, parts[0], '*', undefined, at, at) : d.regions.map((_, n) => n);
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
    const regions = ci.regions ? [...new Set(ci.regions.flatMap((c, k) => selectSide(d, c, '*', undefined, [...at, 'regions', k], [...at, 'regions', k])))] : d.regions.map((_, n) => n);
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
export function geOwnership(d: Dataset, s: Scenario): GeOwnership | undefined {
  const links = d.manifest.ownership ?? [];
  if (s.options.ownership === 'none' || !links.length) return undefined;
  const { J } = d;
  const idx = links.map((l, k) => {
    const m = d.regions.indexOf(l.owner), i = d.regions.indexOf(l.region), j = d.sectors.indexOf(l.sector);
    if (m < 0 || i < 0 || j < 0) throw new RangeError(`Expected region and sector codes of dataset ${d.manifest.id} in ownership link ${k}, found ${l.owner} → ${l.region}:${l.sector} (${d.source}/dataset.json)`);
    return { m, q: i * J + j, o: l.share };
  });
  return { owner: Int32Array.from(idx, (x) => x.m), cell: Int32Array.from(idx, (x) => x.q), share: Float64Array.from(idx, (x) => x.o) };
}

function geOptions(d: Dataset, s: Scenario, published: boolean) {
  return {
    ownership: geOwnership(d, s),
    baseline: s.options.baseline ?? (published ? 'zero-deficit' as const : 'keep-deficits' as const),
    elasticityScale: elasticityScale(s),
    publishedWelfare: published,
    tol: s.options.tolerance,
    maxIterations: s.options.max_iterations,
    nests: geNests(d, s),
    labels: { regions: d.regions, sectors: d.sectors },
  };
}

/**
 * One controlled flow: the wedge, the quantity change and who gets the rent (dataset units, per year):
 * `rent` kept by the exporting producers, split over `rent_to` (the exporter and, with ownership, the
 * foreign owners of the exporting sector); `rent_lost` dissipated (rents: lost); `government_revenue`
 * the government share of licensed sales, income of `government`.
 */
export interface ControlledFlowResult {
  origin: string; destination: string; sector: string; approval: number; wedge: number; quantity_pct: number; binding: boolean;
  rents: 'exporter' | 'lost';
  value_before: number; value_after: number;
  rent: number; rent_to: Record<string, number>; rent_lost: number;
  government_share?: number; government?: string; government_revenue?: number;
}

/** A multi-sector result: the contract plus sector detail, export-control wedges and the elasticities used. */
export type GeModelResult = ModelResult & {
  /** region → sector → detail, for the regions in `report.sectors`. */
  sectors?: Record<string, Record<string, SectorResult>>;
  /** The complementarity residual of the caps (max |ln q̂ − ln s| over binding caps). */
  cap_residual?: number;
  /** Each capped flow: its wedge ω (1 = slack), real deliveries and the approval. */
  export_controls?: ControlledFlowResult[];
  /** The elasticities the solve used (every default shown). */
  elasticities?: { trade_scale: number; horizon?: string; input_elasticity: number | Record<string, number>; critical_inputs?: Scenario['options']['critical_inputs'] };
};

function withDetail(d: Dataset, s: Scenario, run: GeRun): GeModelResult {
  const r: GeModelResult = run.result;
  r.elasticities = {
    trade_scale: elasticityScale(s) ?? 1,
    ...(s.options.horizon ? { horizon: s.options.horizon } : {}),
    input_elasticity: s.options.input_elasticity ?? 1,
    ...(s.options.critical_inputs ? { critical_inputs: s.options.critical_inputs } : {}),
  };
  const caps = run.solution.caps;
  if (caps) {
    const { N, J } = d;
    r.cap_residual = caps.residual;
    const own = run.shock.ownership;
    const b = run.baseline;
    r.export_controls = Array.from(caps.flow, (q, c): ControlledFlowResult => {
      const i = Math.floor(q / J) % N, n = Math.floor(q / (N * J)), j = q % J;
      const a = caps.accounts;
      const kept = a.kept[c];
      // Kept rents follow the ownership of the exporting cell (O1): foreign owners' shares, the rest to the exporter.
      const to: Record<string, number> = {};
      let foreign = 0;
      if (own && kept !== 0) own.owner.forEach((m, l) => { if (own.cell[l] === i * J + j && own.share[l] > 0) { to[d.regions[m]] = kept * own.share[l]; foreign += own.share[l]; } });
      if (kept !== 0) to[d.regions[i]] = kept * (1 - foreign);
      const g = a.governmentRegion[c];
      const row: ControlledFlowResult = {
        origin: d.regions[i], destination: d.regions[n], sector: d.sectors[j],
        approval: caps.approval[c], wedge: Math.exp(caps.lnOmega[c]), quantity_pct: 100 * (caps.quantity[c] - 1), binding: caps.lnOmega[c] > 0,
        rents: run.shock.caps!.rentsToExporter[controlIndex(run.shock.caps!, q)] ? 'exporter' : 'lost',
        value_before: (b.pi[q] / b.tau[q]) * b.X[n * J + j], value_after: a.value[c],
        rent: kept, rent_to: to, rent_lost: a.lost[c],
      };
      if (g >= 0) { row.government_share = a.government[c] / a.value[c]; row.government = d.regions[g]; row.government_revenue = a.government[c]; }
      return row;
    });
  }
  const regions = s.report?.sectors;
  if (regions?.length) {
    r.sectors = {};
    regions.forEach((code, k) => {
      const n = d.regions.indexOf(code);
      if (n < 0) throw new PolicyError(['report', 'sectors', k], `expected a region code of dataset ${d.manifest.id}, found "${code}"`);
      const rows = sectorResults(run.baseline, run.shock, run.solution, n);
      r.sectors![code] = Object.fromEntries(d.sectors.map((c, j) => [c, rows[j]]));
    });
  }
  return r;
}

function withPartners(d: Dataset, s: Scenario, run: GeRun): ModelResult {
  const g = s.report?.partners;
  if (!g) return run.result;
  const members = d.manifest.groups[g]?.map((c) => d.regions.indexOf(c));
  if (!members) throw new PolicyError(['report', 'partners'], `expected a group of dataset ${d.manifest.id} (${Object.keys(d.manifest.groups).join(', ') || 'none'}), found "${g}"`);
  for (const n of members) run.result.countries[d.regions[n]].imports_from_partners_pct = importsFromPct(run.baseline, run.shock, run.solution, n, members);
  return run.result;
}

function solveGeState(d: Dataset, s: Scenario, state: PolicyState, id: string, published: boolean, warm?: unknown): Solved {
  let run: GeRun;
  const opts = geOptions(d, s, published);
  try {
    // The baseline first: its non-convergence is a numerical failure of the data, not of the policy.
    calibratedBaseline(d, opts.baseline, opts);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const result: ModelResult = { status: 'not-converged', iterations: 0, residual: Number.NaN, seconds: 0, message: e.message, model: id, dataset: d.manifest.id, countries: {} };
    return { result };
  }
  try {
    run = runGe(d, id, state.tau, { ...opts, controls: state.controls }, warm as GeRun['solution'] | undefined);
  } catch (e) {
    // The solver rejects infeasible or contradictory controls (e.g. a ban leaving no supplier): a validation error.
    if (e instanceof RangeError && state.controls.flow.length > 0) throw new PolicyError(['policy', 'export_controls'], e.message);
    throw e;
  }
  run.result = honestResult(run.result, opts.tol ?? GE_TOLERANCE, run, d.regions);
  withPartners(d, s, run);
  return { result: withDetail(d, s, run), warm: run.result.status === 'converged' ? run.solution : undefined, ge: run };
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
    solve: (d, s, state, warm) => solveGeState(d, s, state, 'cp2015', true, warm),
  },
  multisector: {
    id: 'multisector',
    description: 'Lancaster\'s default multi-sector input–output model (CP 2015 structure); welfare_pct is the exact real-income change',
    defaultDataset: 'multisector-2025',
    layout: 'io-table',
    controls: true,
    solve: (d, s, state, warm) => solveGeState(d, s, state, 'multisector', false, warm),
  },
  'one-sector-2025': {
    id: 'one-sector-2025',
    description: 'Ignatenko, Macedoni, Lashkaripour & Simonovska (2025): one sector, 194 economies, labour supply and pass-through',
    defaultDataset: 'world-2023',
    layout: 'gravity',
    policyPresets: PAPER_CASES,
    preset: (d, s) => {
      const opts = oneSectorOptions(s);
      const memo = new Map<string, number>();
      const once = (k: string, f: () => number) => memo.get(k) ?? (memo.set(k, f()), memo.get(k)!);
      return (preset, n, i, tau, path) => {
        switch (preset) {
          case 'ustr-2025-04-02': {
            const sch = d.schedules['ustr-2025-04-02'];
            if (!sch) throw new PolicyError(path, `expected dataset ${d.manifest.id} to ship the schedule ustr-2025-04-02, found none`);
            return sch[n * d.N + i];
          }
          case 'us-optimal': return once(preset, () => usOptimalTariff(d, opts, 'table1'));
          case 'us-optimal-table2': return once(preset, () => usOptimalTariff(d, opts, 'table2'));
          case 'optimal-retaliation': return once(preset, () => optimalRetaliationTariff(d, opts));
          case 'reciprocal-retaliation': return tau[i * d.N + n] - 1;
          default: throw new PolicyError(path, `expected a preset of one-sector-2025 (${TARIFF_PRESETS.join(', ')}), found "${preset}"`);
        }
      };
    },
    controls: false,
    solve: (d, s, state, warm) => {
      const rates = Float64Array.from(state.tau, (x) => x - 1);
      const opts = oneSectorOptions(s);
      const sol = solveOneSector2025(d, rates, opts, warm as Float64Array | undefined);
      const result = honestResult(sol.result, opts.tolerance ?? ONE_SECTOR_TOLERANCE);
      return { result, warm: result.status === 'converged' ? sol.unknowns : undefined };
    },
  },
};
