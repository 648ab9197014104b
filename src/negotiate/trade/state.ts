/**
 * A trade domain resolved against its dataset: the current state (a scenario's policy, or its
 * timeline folded through a date), the flows each issue moves, and the model policy of any deal.
 *
 * Index convention (as everywhere in the models): bilateral cell q = (n*N + i)*J + j with
 * importer/destination n, exporter/origin i, sector j. A deal is one value per issue (domain order).
 *   tariff issue, mode add:  τ'_q = max(1, τ_q + v)        mode set: τ'_q = 1 + v
 *   control issue, mode add: s'_q = clamp(s_q + v, 0, 1)    mode set: s'_q = v
 * where τ_q, s_q are the current state's (s_q = 1 on uncontrolled flows). An approval of 1 lifts
 * the control (the cap is removed, not set at baseline volume).
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../data/dataset.ts';
import { controlIndex, type GeControls } from '../../policy/controls.ts';
import { PolicyError } from '../../policy/errors.ts';
import { coveredFlows, selectSectors } from '../../policy/select.ts';
import type { PolicyState } from '../../model/registry.ts';
import type { ParsedScenario } from '../../scenario/parse.ts';
import { readScenarioFile } from '../../scenario/parse.ts';
import type { Scenario } from '../../spec/scenario.ts';
import { policyState, scenarioCapacity, scenarioDataset } from '../../scenario/solve.ts';
import { timelineStates } from '../../scenario/timeline.ts';
import { ScenarioError } from '../../spec/errors.ts';
import type { Domain } from '../domain.ts';
import { createDomain, discreteIssue } from '../domain.ts';
import type { TradeDomainSpec, TradeObjectiveSpec } from '../../spec/trade-domain.ts';
import * as msg from '../../spec/messages/scenario.ts';
import * as negotiateMsg from '../../spec/messages/negotiate.ts';
import type { CurrentStateInfo } from '../../contract/negotiation.ts';
export type { CurrentStateInfo };

type Path = (string | number)[];

/** Folder of the embedded scenarios. */
const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios');

/** One issue resolved against the dataset (structured-cloneable). */
export interface ResolvedIssue {
  id: string;
  label?: string;
  owner: string;
  kind: 'tariff' | 'export_control';
  mode: 'add' | 'set';
  grid: number[];
  /** Cells q the issue writes. */
  cells: Int32Array;
  /** Licence rents on newly controlled flows: 1 to the exporter, 0 lost. */
  rents: number;
}

/** A government objective resolved against the dataset. */
export interface ResolvedObjective {
  /** Label, e.g. "USA delegation". */
  name: string;
  /** The party's region, or a group of the dataset (EU). */
  region: string;
  /** Region indices of `region`: one, or the group's members (their objective is the members' pooled real income). */
  members: number[];
  measure: 'real_income' | 'welfare';
  /**
   * Security terms: σ · (% change of the real absorption of a sector or sector group, `label` its code,
   * pooled over `regions`: the region whose supply is weighed, or a group's members; `code` names it).
   */
  security: { code: string; regions: number[]; sectors: number[]; label: string; weight: number }[];
}

/** Everything a solver needs, cloneable to worker threads. */
export interface TradeSpec {
  /** Dataset id or folder. */
  dataset: string;
  /** The scenario as solved (model, options; sections other than those are dropped). */
  scenario: Scenario;
  /** The current state. */
  base: PolicyState;
  issues: ResolvedIssue[];
  objectives: ResolvedObjective[];
}

/** Default solver tolerance of trade-domain solves (objectives to ≈ 1e-7 percentage points). */
const TRADE_TOLERANCE = 1e-9;

function cells(
  d: Dataset,
  a: string,
  b: string,
  aIsImporter: boolean,
  except: string[] | undefined,
  sectors: string[] | undefined,
  path: Path,
): Int32Array {
  return coveredFlows(d, a, b, aIsImporter, except, sectors, path, 'issue');
}

/** Resolves the issues of a trade domain (paths relative to `negotiation.domain`). */
export function resolveIssues(d: Dataset, spec: TradeDomainSpec, path: Path): ResolvedIssue[] {
  return spec.issues.map((t, k) => {
    const at = [...path, 'issues', k];
    const kind = t.tariffs ? ('tariff' as const) : ('export_control' as const);
    const parts = t.tariffs
      ? t.tariffs.map((e, m) => cells(d, e.importer, e.exporter, true, e.except, e.sectors, [...at, 'tariffs', m]))
      : t.export_controls!.map((e, m) =>
          cells(d, e.origin, e.destination, false, e.except, e.sectors, [...at, 'export_controls', m]),
        );
    const all = [...new Set(parts.flatMap((p) => [...p]))].sort((a, b) => a - b);
    const r: ResolvedIssue = {
      id: t.id,
      owner: t.owner,
      kind,
      mode: t.mode ?? (kind === 'tariff' ? 'add' : 'set'),
      grid: [...t.grid],
      cells: Int32Array.from(all),
      rents: t.export_controls?.some((e) => e.rents === 'lost') ? 0 : 1,
    };
    if (t.label) r.label = t.label;
    return r;
  });
}

/** Checks that issues cover disjoint flows of each kind (a later issue would silently override). */
export function checkDisjoint(issues: readonly ResolvedIssue[], path: Path): void {
  const owner = new Map<string, string>();
  issues.forEach((r, k) => {
    for (const q of r.cells) {
      const key = `${r.kind}:${q}`;
      const prev = owner.get(key);
      if (prev !== undefined && prev !== r.id)
        throw new PolicyError([...path, 'issues', k], msg.issuesCoverDisjoint(r.id, prev));
      owner.set(key, r.id);
    }
  });
}

/** The negotiation domain of the issues: one discrete issue per lever, values = its grid. */
export function tradeDomain(name: string, issues: readonly ResolvedIssue[]): Domain {
  return createDomain(
    name,
    issues.map((r) => discreteIssue(r.id, r.grid)),
  );
}

/**
 * Current value of an issue: 0 for mode add; for mode set the common current rate/approval of its
 * cells (NaN if they differ).
 */
export function currentValue(base: PolicyState, r: ResolvedIssue): number {
  if (r.mode === 'add') return 0;
  let v = NaN;
  for (const q of r.cells) {
    let x: number;
    if (r.kind === 'tariff') x = base.tau[q] - 1;
    else {
      const k = controlIndex(base.controls, q);
      x = k >= 0 ? base.controls.approval[k] : 1;
    }
    if (Number.isNaN(v)) v = x;
    else if (Math.abs(v - x) > 1e-12) return NaN;
  }
  return v;
}

/**
 * The model policy of a deal (values in issue order) on top of the current state.
 *
 * @example
 * const p = dealPolicy(spec.base, spec.issues, [-0.1, 0.6]);
 */
export function dealPolicy(
  base: PolicyState,
  issues: readonly ResolvedIssue[],
  values: ArrayLike<number>,
): PolicyState {
  const tau = Float64Array.from(base.tau);
  let controls: GeControls = base.controls;
  const ctl = issues.some((r) => r.kind === 'export_control') ? new Map<number, [number, number]>() : undefined;
  if (ctl)
    base.controls.flow.forEach((q, k) => ctl.set(q, [base.controls.approval[k], base.controls.rentsToExporter[k]]));
  issues.forEach((r, k) => {
    const v = values[k];
    if (r.kind === 'tariff') {
      for (const q of r.cells) tau[q] = r.mode === 'add' ? Math.max(1, base.tau[q] + v) : 1 + v;
      return;
    }
    for (const q of r.cells) {
      const cur = ctl!.get(q);
      const a = r.mode === 'add' ? Math.min(1, Math.max(0, (cur?.[0] ?? 1) + v)) : v;
      if (a >= 1) ctl!.delete(q);
      else ctl!.set(q, [a, cur?.[1] ?? r.rents]);
    }
  });
  if (ctl) {
    const keys = [...ctl.keys()].sort((a, b) => a - b);
    controls = {
      flow: Int32Array.from(keys),
      approval: Float64Array.from(keys, (q) => ctl.get(q)![0]),
      rentsToExporter: Uint8Array.from(keys, (q) => ctl.get(q)![1]),
    };
  }
  return { tau, controls, capacity: base.capacity };
}

/** SHA-1 of a policy (tariff factors and controls): the cache key of a solve within a context. */
export function policyHash(p: PolicyState): string {
  const h = createHash('sha1');
  for (const a of [p.tau, p.controls.flow, p.controls.approval, p.controls.rentsToExporter])
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
}

/** SHA-1 of what, besides the policy, determines the objectives (dataset, model, options, objectives). */
export function contextHash(spec: Pick<TradeSpec, 'dataset' | 'scenario' | 'objectives'>): string {
  return createHash('sha1')
    .update(JSON.stringify({ d: spec.dataset, m: spec.scenario.model, o: spec.scenario.options, obj: spec.objectives }))
    .digest('hex');
}

/**
 * The scenario as solved for trade domains: model, options and capacity bounds (`policy.capacity`:
 * supply limits hold in every deal), tolerance defaulting to {@link TRADE_TOLERANCE}; tariffs and
 * controls come from the current state instead.
 */
export function solvedScenario(s: Scenario): Scenario {
  const { strategy: _s, timeline: _t, negotiation: _n, policy, ...rest } = s;
  return {
    ...rest,
    policy: policy?.capacity ? { capacity: policy.capacity } : {},
    options: { ...s.options, tolerance: s.options.tolerance ?? TRADE_TOLERANCE },
  } as Scenario;
}

function locateScenario(ref: string, from: string): string {
  const candidates = [
    resolve(dirname(from), ref),
    resolve(ref),
    resolve(SCENARIOS_DIR, `${ref}.yaml`),
    resolve(SCENARIOS_DIR, ref),
  ];
  const hit = candidates.find((c) => existsSync(c) && !c.endsWith('/'));
  if (!hit) throw new RangeError(negotiateMsg.embeddedScenarioId(ref));
  return hit;
}

/**
 * The current state of a negotiation: `current_state.scenario` (or this file) folded through
 * `current_state.date` (or its policy section when no date is given).
 */
export function currentState(
  p: ParsedScenario,
  d: Dataset,
  spec: TradeDomainSpec,
  path: Path,
): { base: PolicyState; info: CurrentStateInfo } {
  return datedState(p, d, spec.current_state, [...path, 'current_state']);
}

/**
 * The threatened state of a negotiation (`threat`: a dated state of a scenario's timeline,
 * default the current state's scenario), or undefined without a threat.
 */
export function threatState(
  p: ParsedScenario,
  d: Dataset,
  spec: TradeDomainSpec,
  path: Path,
): { base: PolicyState; info: CurrentStateInfo } | undefined {
  if (!spec.threat) return undefined;
  const scenario = spec.threat.scenario ?? spec.current_state?.scenario;
  return datedState(p, d, { ...(scenario ? { scenario } : {}), date: spec.threat.date }, [...path, 'threat']);
}

/**
 * Folded timelines of other scenario files, per dataset and file (with its size and mtime): a
 * negotiation reads the same one for its current state, threat and every calibration date.
 */
const folded = new WeakMap<
  Dataset,
  Map<string, { stamp: string; src: ParsedScenario; states?: ReturnType<typeof timelineStates> }>
>();

function readFolded(
  file: string,
  d: Dataset,
): { src: ParsedScenario; states: () => ReturnType<typeof timelineStates> } {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  let byFile = folded.get(d);
  if (!byFile) {
    byFile = new Map();
    folded.set(d, byFile);
  }
  let hit = byFile.get(file);
  if (!hit || hit.stamp !== stamp) {
    hit = { stamp, src: readScenarioFile(file) };
    byFile.set(file, hit);
  }
  const entry = hit;
  return { src: entry.src, states: () => (entry.states ??= timelineStates(entry.src, d)) };
}

/**
 * A dated state of a scenario's timeline (`cs.scenario`, default this file; its policy without a
 * date); `at` is the field's path. The tariffs and controls come from that timeline, the capacity
 * bounds from this file: they describe the economy the negotiation is solved on, not a policy step.
 */
export function datedState(
  p: ParsedScenario,
  d: Dataset,
  cs: TradeDomainSpec['current_state'],
  at: Path,
): { base: PolicyState; info: CurrentStateInfo } {
  const { base, info } = sourceState(p, d, cs, at);
  return cs?.scenario ? { base: { ...base, capacity: scenarioCapacity(p, d) }, info } : { base, info };
}

function sourceState(
  p: ParsedScenario,
  d: Dataset,
  cs: TradeDomainSpec['current_state'],
  at: Path,
): { base: PolicyState; info: CurrentStateInfo } {
  const path = at.slice(0, -1);
  const key = at[at.length - 1];
  const fail = (at: Path, message: string): never => {
    throw new ScenarioError(p.file, [{ path: at, message, ...p.locate(at) }]);
  };
  let src = p;
  let states = () => timelineStates(p, d);
  if (cs?.scenario) {
    let file: string;
    try {
      file = locateScenario(cs.scenario, p.file);
    } catch (e) {
      return fail([...path, key, 'scenario'], (e as Error).message);
    }
    ({ src, states } = readFolded(file, d));
    const other = scenarioDataset(src);
    if (other.manifest.id !== d.manifest.id)
      fail([...path, key, 'scenario'], msg.scenarioDataset(d.manifest.id, other.manifest.id));
  }
  const name = cs?.scenario ?? p.file;
  if (!cs?.date) return { base: policyState(src, d), info: { scenario: name } };
  if (!src.scenario.timeline) fail([...path, key, 'date'], msg.scenarioHaveTimeline(name));
  const { start, steps } = states();
  const upTo = steps.filter((s) => s.step.date <= cs.date!);
  const last = upTo.at(-1);
  const base = last ? { tau: last.tau, controls: last.controls, capacity: last.capacity } : start;
  const info: CurrentStateInfo = { scenario: name, date: cs.date };
  if (last) info.step = `${last.step.date}: ${last.step.label}`;
  return { base, info };
}

/** Region indices of a region code or a group of the dataset (its members); undefined for neither. */
function regionsOf(d: Dataset, code: string): number[] | undefined {
  const members = d.manifest.groups[code] ?? [code];
  const idx = members.map((c) => d.regions.indexOf(c));
  return idx.length && idx.every((n) => n >= 0) ? idx : undefined;
}

/** Resolves an objective for `region` (a region code of the dataset, or a group such as EU: its members pooled). */
export function resolveObjective(
  d: Dataset,
  name: string,
  region: string,
  o: TradeObjectiveSpec | undefined,
  path: Path,
): ResolvedObjective {
  const members = regionsOf(d, region);
  if (!members)
    throw new PolicyError(path, msg.partyRegionDataset(d.manifest.id, Object.keys(d.manifest.groups), region));
  const security: ResolvedObjective['security'] = [];
  const add = (code: string, regions: number[], table: Record<string, number>, at: Path) => {
    // A sector group (e.g. REE = REM, RES, MAG) is one term: the group's real absorption.
    for (const [sector, w] of Object.entries(table))
      security.push({ code, regions, sectors: selectSectors(d, [sector], [...at, sector]), label: sector, weight: w });
  };
  if (o?.security) add(region, members, o.security, [...path, 'security']);
  for (const [reg, table] of Object.entries(o?.security_of ?? {})) {
    const of = regionsOf(d, reg);
    if (!of)
      throw new PolicyError(
        [...path, 'security_of', reg],
        msg.reportRegionOrGroup(d.manifest.id, Object.keys(d.manifest.groups), reg),
      );
    add(reg, of, table, [...path, 'security_of', reg]);
  }
  return { name, region, members, measure: o?.measure ?? 'real_income', security };
}
