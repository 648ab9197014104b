/**
 * The priors of a sweep: one row per uncertain parameter, with its distribution, where it enters
 * the scenario, its source and why it has this shape. A new model parameter is one more row here.
 * Each row draws from its own random stream (seed, row id, draw index: see draws.ts), so adding a
 * row or skipping one that does not apply leaves the other rows' draws unchanged.
 *
 * Sources are those of specs/critical-supply-2025.md §8 and specs/model-ge.md; where a source gives
 * no standard error the width is a stated judgment, not a fit.
 */
import { horizonScale } from '../model/ge/run.ts';
import * as msg from '../spec/messages/run.ts';

/** A distribution drawn from uniforms in [0, 1). */
export type Distribution =
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'loguniform'; low: number; high: number };

/** A scenario as written (YAML/JSON input form, before the schema's defaults). */
export type RawScenario = Record<string, unknown> & { model?: string; options?: Record<string, unknown> };

/** One uncertain parameter. */
export interface Prior {
  id: string;
  /** What the parameter is, in one line. */
  what: string;
  distribution: Distribution;
  /** Where the numbers come from. */
  source: string;
  /** Why this distribution (and what was not found). */
  why: string;
  /** Whether the row applies to this scenario (its model and options). */
  applies(s: RawScenario): boolean;
  /** Writes the drawn value into the scenario. */
  apply(s: RawScenario, x: number): void;
}

const model = (s: RawScenario) => s.model ?? 'multisector';
const options = (s: RawScenario): Record<string, unknown> => {
  s.options ??= {};
  return s.options as Record<string, unknown>;
};

/** The capacity entries of a scenario (policy.capacity), as written. */
function capacityEntries(s: RawScenario): Record<string, unknown>[] {
  const cap = (s.policy as { capacity?: unknown } | undefined)?.capacity;
  return Array.isArray(cap) ? (cap.filter((e) => e && typeof e === 'object') as Record<string, unknown>[]) : [];
}

/** Multiplies the trade elasticities; a horizon becomes its scale (the schema takes one or the other). */
function scaleTrade(s: RawScenario, x: number) {
  const o = options(s);
  const base =
    (o.elasticity_scale as number | undefined) ?? horizonScale(o.horizon as 'short-run' | 'long-run' | undefined) ?? 1;
  delete o.horizon;
  o.elasticity_scale = base * x;
}

/** The table. Order is the order of the report; streams do not depend on it. */
export const PRIORS: readonly Prior[] = [
  {
    id: 'trade_elasticity',
    what:
      "Trade elasticities θ of every sector, one common multiplier of the dataset's values " +
      '(Caliendo & Parro 2015 by sector; ε = 4 in one-sector-2025)',
    distribution: { kind: 'lognormal', median: 1, sigma: 0.25 },
    source:
      'Caliendo & Parro (2015) sector estimates as shipped in the datasets; their Table 1 standard errors ' +
      'were NOT found (specs/critical-supply-2025.md §8, "Not found"); Boehm, Levchenko & Pandalai-Nayar ' +
      '(2023): long run "approximately −2", 1.8–2.2 (specs/model-ge.md)',
    why:
      'Without standard errors the width is a judgment: a log-normal keeps θ positive and centred on the ' +
      "dataset's value, and σ = 0.25 gives a 90% interval of ×0.66 to ×1.51, wider than the ±10% of the 1.8–2.2 " +
      'range because sector estimates are far less precise than one aggregate. One common multiplier (not ' +
      'independent sectors) because the estimates share one method and one data set; sector-by-sector draws are ' +
      'not implemented.',
    applies: () => true,
    apply: scaleTrade,
  },
  {
    id: 'short_run_ratio',
    what: "Short-run trade elasticity as a share of the long-run one (horizon: short-run; Lancaster's point value 0.4)",
    distribution: { kind: 'uniform', low: 0.3, high: 0.5 },
    source:
      'Boehm, Levchenko & Pandalai-Nayar (AER 2023): −0.76 in the year after a change, "approximately −2" ' +
      '(1.8–2.2) in the long run (specs/critical-supply-2025.md §8, model-ge.md extension 3)',
    why:
      '0.76 / 2.2 = 0.35 to 0.76 / 1.8 = 0.42, widened to 0.30–0.50 because no standard error of the ' +
      '0.76 was found; uniform because the source gives a range, not a distribution. Multiplies the ' +
      'trade-elasticity draw; applies only to short-run scenarios.',
    applies: (s) => options(s).horizon === 'short-run',
    apply: (s, x) => scaleTrade(s, x / (horizonScale('short-run') ?? 1)),
  },
  {
    id: 'input_elasticity',
    what:
      'Elasticity ε between value added and intermediate inputs, every sector ' +
      '(multisector; 1 = Cobb–Douglas, the dataset default)',
    distribution: { kind: 'uniform', low: 0.5, high: 1 },
    source:
      'Boehm, Flaaen & Pandalai-Nayar (REStat 2019): output of Japanese affiliates fell "roughly one-for-one" ' +
      'with imported inputs, "consistent with a Leontief relationship", no point value found ' +
      "(specs/critical-supply-2025.md §8); Cobb–Douglas (ε = 1) is Caliendo & Parro's assumption",
    why:
      'The evidence points below 1 (complements) but gives no number; uniform between 0.5 and Cobb–Douglas spans ' +
      'the two views without claiming a shape. Near-Leontief values are left to the critical-input nest, where the ' +
      'evidence is about. Not drawn for cp2015 (the replication model keeps its Cobb–Douglas structure).',
    applies: (s) => model(s) === 'multisector',
    apply: (s, x) => {
      const o = options(s);
      const cur = o.input_elasticity;
      o.input_elasticity = cur && typeof cur === 'object' ? { ...(cur as Record<string, number>), '*': x } : x;
    },
  },
  {
    id: 'critical_input_elasticity',
    what:
      'Elasticity σ of the critical-input nest (options.critical_inputs, e.g. ' +
      'rare earths inside vehicles and electrical equipment)',
    distribution: { kind: 'loguniform', low: 0.05, high: 0.5 },
    source:
      'Boehm, Flaaen & Pandalai-Nayar (2019): near-Leontief, no point value found; ECB Occasional Paper (2026): ' +
      'a near-total ban "with very low substitutability" (specs/critical-supply-2025.md §7–8)',
    why:
      'No estimate of σ for rare-earth inputs was found; log-uniform gives equal weight to ' +
      'each order of magnitude between near-Leontief (0.05) and half of Cobb–Douglas (0.5). ' +
      'Applies only to scenarios that define the nest.',
    applies: (s) => options(s).critical_inputs !== undefined,
    apply: (s, x) => {
      const o = options(s);
      o.critical_inputs = { ...(o.critical_inputs as Record<string, unknown>), elasticity: x };
    },
  },
  {
    id: 'inverse_supply_elasticity',
    what:
      'Inverse supply elasticity 1/η below the capacity bounds of policy.capacity (e.g. rare-earth separation ' +
      "and magnets outside China, China's chips): output follows q̂ = μ^η below the bound; drawn for every " +
      'entry that states no η of its own (constant returns, η = ∞, when absent)',
    distribution: { kind: 'uniform', low: 0, high: 1 },
    source:
      'No supply elasticity of rare-earth separation, magnet making or chips was found ' +
      '(specs/critical-supply-2025.md §8 lists none; "Not found"); lead times bound expansion, not costs below ' +
      'it: IEA (2025) "8-year average lead time for new facilities", GAO (2010) 2–5 years for an ' +
      'oxide-to-metal pilot plant (§1f), which the bounds themselves carry (limit 1 outside China)',
    why:
      "The scenarios assume constant returns below the bound (η = ∞, Caliendo & Parro's assumption), one end " +
      'of the range; the other end, 1/η = 1, is a unit-elastic supply curve, where a 10% rise in output needs ' +
      'a 10% markup. Uniform in 1/η because nothing favours a point between them; the central run keeps the ' +
      "scenario's own η, so the bands lie on one side of a constant-returns central value. Applies only to " +
      'scenarios with capacity entries that state no η.',
    applies: (s) => capacityEntries(s).some((e) => e.supply_elasticity === undefined),
    apply: (s, x) => {
      // 1/η below 1e-6 is constant returns to the solver's precision (the schema caps η at 1e6).
      if (x < 1e-6) return;
      for (const e of capacityEntries(s)) if (e.supply_elasticity === undefined) e.supply_elasticity = 1 / x;
    },
  },
];

/** The rows that apply to a scenario, or the named ones (each must exist and apply). */
export function priorsFor(s: RawScenario, names?: string[]): Prior[] {
  if (!names) return PRIORS.filter((p) => p.applies(s));
  return names.map((n) => {
    const p = PRIORS.find((q) => q.id === n);
    if (!p)
      throw new RangeError(
        msg.unknownPrior(
          PRIORS.map((q) => q.id),
          n,
        ),
      );
    if (!p.applies(s)) throw new RangeError(msg.priorDoesNotApply(n, p.what));
    return p;
  });
}

/** The distribution in words, e.g. "log-normal, median 1, σ(log) 0.25". */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'lognormal':
      return `log-normal, median ${d.median}, σ(log) ${d.sigma}`;
    case 'uniform':
      return `uniform on [${d.low}, ${d.high}]`;
    case 'loguniform':
      return `log-uniform on [${d.low}, ${d.high}]`;
  }
}
