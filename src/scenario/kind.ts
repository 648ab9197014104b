/**
 * The run kind of a scenario file, from its top-level keys, as every front door reads it: the web
 * editor submits the file as this kind, `POST /api/scenarios/validate` checks it as this kind, and
 * the golden test runs the CLI command of this kind. `kind: gravity` → gravity; a `negotiation:`
 * section → negotiation; a `strategy:` section → strategy; a `timeline:` → timeline; else solve.
 */
import { parse } from 'yaml';
import type { RunKind } from '../contract/run.ts';

/** The run kinds a scenario file can be (analyze runs take GENIUS XML, sweeps a sweep file: not scenarios). */
export type ScenarioKind = Exclude<RunKind, 'analyze' | 'sweep'>;

/**
 * The kind of a scenario text (YAML or JSON); `solve` when it does not parse (its checks say why).
 *
 * @example
 * ```ts
 * scenarioKind('lancaster: 1\nstrategy: { kind: nash }\n'); // 'strategy'
 * scenarioKind('kind: gravity\n');                            // 'gravity'
 * ```
 */
export function scenarioKind(text: string): ScenarioKind {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch {
    return 'solve';
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'solve';
  const d = doc as Record<string, unknown>;
  if (d.kind === 'gravity') return 'gravity';
  if (d.negotiation !== undefined && d.negotiation !== null) return 'negotiation';
  if (d.strategy !== undefined && d.strategy !== null) return 'strategy';
  if (d.timeline !== undefined && d.timeline !== null) return 'timeline';
  return 'solve';
}
