/**
 * Every result kind's zod schema in one table (docs/results.md): what the golden test validates
 * each example's `--json` output with, and the published JSON Schema (`lancaster schema result`,
 * GET /api/results/schema) generated from the same definitions. The schemas themselves live by
 * kind: result.ts (solve, timeline, gravity), strategy.ts, negotiation.ts, sweep.ts, report.ts.
 */
import { z } from 'zod';
import { NegotiationResultSchema } from './negotiation.ts';
import { ReportSchema } from './report.ts';
import { GravityResultSchema, SolveResultSchema, TimelineRunSchema } from './result.ts';
import { StrategyResultSchema } from './strategy.ts';
import { SweepResultSchema } from './sweep.ts';

/**
 * The zod schema of every result, by the command (or run kind) that returns it: validate a stored
 * or received result with it.
 *
 * @example
 * ```ts
 * RESULT_SCHEMAS.solve.parse(JSON.parse(text)); // throws if the result breaks the contract
 * ```
 */
export const RESULT_SCHEMAS = {
  solve: SolveResultSchema,
  timeline: TimelineRunSchema,
  strategy: StrategyResultSchema,
  negotiation: NegotiationResultSchema,
  gravity: GravityResultSchema,
  sweep: SweepResultSchema,
  report: ReportSchema,
} as const;
export type ResultKind = keyof typeof RESULT_SCHEMAS;

/**
 * The side of a schema the JSON file is: the output of most kinds, but the input of those with
 * `MeasureSchema` fields (they read JSON's null back as NaN, so the file holds "number or null").
 * Not every kind is written from its input: there, plain objects would lose additionalProperties: false.
 */
const IO: Partial<Record<ResultKind, 'input' | 'output'>> = { strategy: 'input', report: 'input' };

/**
 * The published JSON Schema of results: one definition per result kind under `$defs`, and the
 * document itself any one of them.
 *
 * @example
 * ```ts
 * writeFileSync('result.schema.json', JSON.stringify(resultJsonSchema(), null, 2));
 * ```
 */
export function resultJsonSchema(): unknown {
  const $defs: Record<string, unknown> = {};
  for (const [kind, schema] of Object.entries(RESULT_SCHEMAS)) {
    const {
      $schema: _,
      $defs: inner,
      ...rest
    } = z.toJSONSchema(schema, { io: IO[kind as ResultKind] ?? 'output', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    // A recursive part (bands) comes with definitions of its own, referred to from the root: hoist
    // them to the document's $defs under the kind's name, so the references resolve there.
    const named = (text: string) => JSON.parse(text.replaceAll('"#/$defs/', `"#/$defs/${kind}.`));
    for (const [name, def] of Object.entries((inner ?? {}) as Record<string, unknown>))
      $defs[`${kind}.${name}`] = named(JSON.stringify(def));
    $defs[`${kind}Result`] = named(JSON.stringify(rest));
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Lancaster result',
    description:
      'A result of lancaster solve (single solve or timeline), strategy, negotiate, gravity ' +
      'or sweep, or the report.json of lancaster run (docs/results.md)',
    anyOf: Object.keys(RESULT_SCHEMAS).map((kind) => ({ $ref: `#/$defs/${kind}Result` })),
    $defs,
  };
}
