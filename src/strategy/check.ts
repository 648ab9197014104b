/**
 * Validates the `strategy:` section of a parsed scenario against the schema and the dataset and
 * builds its evaluation spec. Every problem is a ScenarioError with the line and column of the
 * offending value (exit code 2 in the CLI).
 */
import type { Dataset } from '../data/dataset.ts';
import { PolicyError } from '../policy/errors.ts';
import { ScenarioError, type ScenarioIssue } from '../spec/errors.ts';
import { issueAt, PARSE_OPTIONS } from '../spec/issues.ts';
import type { ParsedScenario } from '../scenario/parse.ts';
import { checkScenario } from '../scenario/solve.ts';
import { expandAllPartners } from './allPartners.ts';
import { strategySpec } from './game.ts';
import { supportsExportControls, type EvalSpec } from './models.ts';
import { StrategySchema, type Strategy } from '../spec/strategy.ts';
import * as msg from '../spec/messages/scenario.ts';

/**
 * A checked strategy section and what {@link runStrategy} needs to solve it.
 *
 * @example
 * ```ts
 * const file = readScenarioFile('scenarios/strategy/us-optimal-uniform.yaml');
 * const { spec, strategy, dataset }: PreparedStrategy = prepareStrategy(file);
 * ```
 */
export interface PreparedStrategy {
  strategy: Strategy;
  spec: EvalSpec;
  dataset: Dataset;
}

type Path = (string | number)[];

function fail(p: ParsedScenario, issues: { path: Path; message: string }[]): never {
  throw new ScenarioError(
    p.file,
    issues.map((i): ScenarioIssue => ({ ...i, ...p.locate(i.path) })),
  );
}

/** Parses `p.scenario.strategy` (already parsed when the scenario schema includes it: parsing is idempotent). */
function parseStrategySection(p: ParsedScenario): Strategy {
  const raw = p.scenario.strategy;
  if (raw === undefined) fail(p, [{ path: ['strategy'], message: msg.strategySection() }]);
  const r = StrategySchema.safeParse(raw, PARSE_OPTIONS);
  if (r.success) return r.data;
  fail(
    p,
    r.error.issues.map((iss) => {
      const at = issueAt(iss);
      return { path: ['strategy', ...at.path], message: at.message };
    }),
  );
}

/**
 * Checks a scenario with a strategy section and returns what `runStrategy` needs.
 *
 * @example
 * const prepared = prepareStrategy(readScenarioFile('scenarios/strategy/us-optimal-uniform.yaml'));
 * const outcome = await runStrategy(prepared.spec, prepared.strategy);
 */
export function prepareStrategy(p: ParsedScenario): PreparedStrategy {
  const parsed = parseStrategySection(p);
  // The rest of the scenario is checked as `lancaster validate` does (without the strategy section).
  const { dataset, state } = checkScenario({ ...p, scenario: { ...p.scenario, strategy: undefined } });
  const strategy = atStrategy(p, () => expandAllPartners(dataset, parsed));
  const model = p.scenario.model;
  for (const [code, player] of Object.entries(strategy.players)) {
    player.instruments.forEach((ins, k) => {
      if (ins.export_control && !supportsExportControls(model)) {
        fail(p, [
          {
            path: ['strategy', 'players', code, 'instruments', k, 'export_control'],
            message: msg.modelSupportsExport(model),
          },
        ]);
      }
    });
  }
  const spec = atStrategy(p, () => strategySpec(dataset, dataset.source, p.scenario, state, strategy));
  return { strategy, spec, dataset };
}

/** Runs `f`, turning a PolicyError (path under `strategy`) into a ScenarioError with line:col. */
function atStrategy<T>(p: ParsedScenario, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PolicyError) fail(p, [{ path: ['strategy', ...e.path], message: e.message }]);
    throw e;
  }
}
