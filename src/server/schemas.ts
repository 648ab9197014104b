/**
 * Zod schemas of the API's requests and responses: they validate requests, type the handlers and
 * generate the OpenAPI document. Scenarios themselves are validated with ScenarioSchema (through
 * parseScenarioText), exactly as in the CLI.
 */
import { z } from 'zod';
import { RUN_KINDS } from '../contract/run.ts';
import { PAGE, RUN_STATUSES } from '../store/types.ts';
import * as msg from '../spec/messages/scenario.ts';

/** A scenario as YAML/JSON text or as a JSON object (validated later by ScenarioSchema). */
export const ScenarioBodySchema = z
  .union([z.string(), z.record(z.string(), z.unknown())], { error: (iss) => msg.scenarioYamlJson(iss.input) })
  .meta({
    description:
      'A scenario file (scenario-format.md) as YAML or JSON text, or as a JSON object; see GET /api/scenarios/schema',
  });

/** POST /api/runs with a JSON body. */
const RunRequestSchema = z
  .object({
    kind: z.enum(RUN_KINDS).default('solve').meta({ description: 'What to run; kinds without a handler answer 400' }),
    scenario: ScenarioBodySchema.meta({
      description:
        'The scenario (solve, timeline, strategy, negotiation, gravity); for sweep, a sweep ' +
        'file (docs/scale.md) whose scenario is an embedded id or written inline; for ' +
        'analyze, {domain, profile_a, profile_b} GENIUS XML texts',
    }),
  })
  .strict();

/** POST /api/runs: a JSON envelope, or a YAML scenario (text body) with `?kind=`. */
export const RunBodySchema = z.union([RunRequestSchema, z.string()], { error: (iss) => msg.jsonObjectKind(iss.input) });

export const RunKindQuerySchema = z.object({ kind: z.enum(RUN_KINDS).default('solve') }).strict();

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  line: z.number().int().optional(),
  col: z.number().int().optional(),
});

export const ErrorSchema = z
  .object({ error: z.string(), message: z.string(), issues: z.array(IssueSchema).optional() })
  .meta({
    description:
      'Every error: a short code, a message naming what was expected and found, and located issues for bad scenarios',
  });

export const ValidResponseSchema = z.object({
  valid: z.literal(true),
  kind: z.enum(RUN_KINDS).meta({
    description: 'The run kind the file is (src/scenario/kind.ts), which it was checked as: submit it as this kind',
  }),
  name: z.string(),
  model: z.string(),
  dataset: z.string(),
  dataset_version: z.string().nullable().meta({ description: 'Null for gravity scenarios, whose data is a file' }),
});

const Pair = z.tuple([z.number(), z.number()]);

const OfferEventSchema = z
  .object({
    session: z.string(),
    linkage: z.enum(['linked', 'separate']),
    basket: z.array(z.string()).meta({ description: 'Issue ids of the agreement being negotiated' }),
    round: z.number().int(),
    proposer: z.union([z.literal(0), z.literal(1), z.literal('mediator')]),
    action: z.enum(['offer', 'accept', 'adopted', 'rejected', 'breakdown']),
    bid: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
    utilities: Pair.nullable().meta({
      description: "The model's utility of the bid to each party (pp over the disagreement point)",
    }),
    seen: Pair.nullable().meta({ description: 'The trust-discounted utilities the delegations weighed' }),
  })
  .meta({ description: "A negotiation's offer as it is made (the first seed of each pairing and linkage)" });

const ProgressSchema = z.object({
  fraction: z.number(),
  message: z.string(),
  offer: OfferEventSchema.optional(),
  iteration: z
    .number()
    .int()
    .optional()
    .meta({ description: "The solver's iteration (per-iteration progress of solves)" }),
  residual: z.number().optional().meta({ description: "The solver's residual at that iteration" }),
  done: z.number().int().optional().meta({ description: 'Sweeps: runs finished so far (failed ones included)' }),
  total: z.number().int().optional().meta({ description: 'Sweeps: runs in all (grid points × (draws + 1))' }),
  failed: z.number().int().optional().meta({ description: 'Sweeps: runs failed so far' }),
  eta_seconds: z
    .number()
    .optional()
    .meta({ description: 'Sweeps: estimated seconds left (mean time per finished run so far)' }),
});

const RunSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(RUN_KINDS),
  status: z.enum(RUN_STATUSES),
  name: z.string().nullable(),
  model: z.string().nullable(),
  dataset: z.string().nullable(),
  dataset_version: z.string().nullable(),
  code_version: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  timings: z.object({
    queued_ms: z.number().optional(),
    run_ms: z.number().optional(),
    total_ms: z.number().optional(),
  }),
  error: z.string().nullable(),
});

export const RunSchema = RunSummarySchema.extend({
  scenario: z.string(),
  result: z.unknown().meta({
    description:
      "The run's result once done (a solve: the ModelResult of scenario-format.md; a sweep: " +
      'points[] with result and bands, as lancaster sweep --json), else null',
  }),
  progress: ProgressSchema.optional().meta({ description: 'Last progress of a running run' }),
});

export const SubmittedSchema = z.object({ id: z.string(), status: z.literal('queued') });

/**
 * A number in a query string: text that reads as a number becomes one, anything else stays text, so
 * that the error quotes what was sent (`found "ten"`; z.coerce would say `found NaN`). The OpenAPI
 * document shows the number's schema, bounds and default (zod documents a preprocess by its output).
 */
const queryNumber = <T extends z.ZodType<number, number | undefined>>(n: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v), n);

export const ListQuerySchema = z
  .object({
    status: z.enum(RUN_STATUSES).optional(),
    kind: z.enum(RUN_KINDS).optional(),
    limit: queryNumber(z.number().int().min(1).max(PAGE.max).default(PAGE.default)),
    offset: queryNumber(z.number().int().min(0).default(0)),
  })
  .strict();

export const RunListSchema = z.object({
  runs: z.array(RunSummarySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const IdParamsSchema = z.object({ id: z.string().min(1) });

export const CompareQuerySchema = z.object({
  ids: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((a) => a.length === 2, { error: (iss) => msg.twoRunIds((iss.input as string[]).length) })
    .meta({ description: 'Two run ids, comma-separated: a,b' }),
});

const Diff = z.object({ a: z.number().nullable(), b: z.number().nullable(), diff: z.number().nullable() });

export const CompareSchema = z.object({
  a: RunSummarySchema,
  b: RunSummarySchema,
  fields: z.array(z.string()).meta({ description: 'Indicators present in either result' }),
  countries: z
    .record(z.string(), z.record(z.string(), Diff))
    .meta({ description: 'country → indicator → {a, b, diff = b − a}; null where a result lacks the value' }),
  only_in_a: z.array(z.string()),
  only_in_b: z.array(z.string()),
});

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  commit: z.string().nullable(),
  run_kinds: z.array(z.string()),
  active_runs: z.number().int(),
});
