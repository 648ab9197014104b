/**
 * The models a scenario can name, with their default datasets, the layout they need, and how a
 * scenario's tariff factors become a solved ModelResult.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ModelResult } from '../model/result.ts';
import type { Scenario } from './schema.ts';
import type { PresetRate } from '../policy/tariffs.ts';
import { PolicyError } from '../policy/errors.ts';
import type { GeControls } from '../policy/controls.ts';
import { runGe, type GeRun } from '../model/ge/run.ts';
import { importsFromPct } from '../model/ge/outputs.ts';
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

function geOptions(s: Scenario, published: boolean) {
  return {
    baseline: s.options.baseline ?? (published ? 'zero-deficit' as const : 'keep-deficits' as const),
    elasticityScale: s.options.elasticity_scale,
    publishedWelfare: published,
    tol: s.options.tolerance,
    maxIterations: s.options.max_iterations,
  };
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
  const run = runGe(d, id, state.tau, geOptions(s, published), warm as GeRun['solution'] | undefined);
  return { result: withPartners(d, s, run), warm: run.result.status === 'converged' ? run.solution : undefined, ge: run };
}

function oneSectorOptions(s: Scenario): OneSector2025Options {
  return {
    revenue: s.options.revenue ?? 'income-tax-relief',
    variant: s.options.variant ?? 'baseline',
    elasticityScale: s.options.elasticity_scale,
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
    controls: false,
    solve: (d, s, state, warm) => solveGeState(d, s, state, 'cp2015', true, warm),
  },
  multisector: {
    id: 'multisector',
    description: 'Lancaster\'s default multi-sector input–output model (CP 2015 structure); welfare_pct is the exact real-income change',
    defaultDataset: 'multisector-2025',
    layout: 'io-table',
    controls: false,
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
      const sol = solveOneSector2025(d, rates, oneSectorOptions(s), warm as Float64Array | undefined);
      return { result: sol.result, warm: sol.result.status === 'converged' ? sol.unknowns : undefined };
    },
  },
};
