/**
 * GET /api/runs/:id/deals: the deal map of a `negotiation` run on a trade domain — every deal with
 * both delegations' and both leaders' utilities (objective change over the current state, in
 * percentage points) and its ratification probability under each partition (full, linked,
 * separate), with the leaders' threshold distributions. The run's result keeps the frontier and
 * the solutions only; the web app's deal cloud needs every deal.
 *
 * Computed from the run's stored scenario with the code of the run itself (setupTradeNegotiation,
 * TradeEvaluator, partitionRatification): the equilibrium solves run on worker threads (never on
 * the request thread) and land in the process-wide cache; the maps of the last few runs are kept.
 * The scenario is stored when the run is submitted, so the map may be asked for while the run is
 * still going (the web app does both at once).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { ApiError, runNotFound } from '../errors.ts';
import { ErrorSchema, IdParamsSchema } from '../schemas.ts';
import { parseScenarioText } from '../../scenario/parse.ts';
import { mapTradeNegotiation } from '../../negotiate/trade/run.ts';
import { basketIndices, partitionRatification } from '../../negotiate/trade/linkage.ts';
import type { NegotiationSpec } from '../../spec/negotiation.ts';
import * as msg from '../../spec/messages/server.ts';

const ThresholdOut = z.union([
  z.object({ kind: z.literal('known'), value: z.number() }),
  z.object({ kind: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.object({ kind: z.literal('normal'), mean: z.number(), sd: z.number() }),
]);

const Column = z.array(z.number().nullable());

export const DealMapSchema = z.object({
  run: z.string(),
  parties: z.tuple([z.string(), z.string()]),
  issues: z.array(z.object({ id: z.string(), grid: z.array(z.number()), disagreement: z.number() })),
  leaders: z
    .array(z.object({ name: z.string().nullable(), threshold: ThresholdOut, own_objective: z.boolean() }))
    .meta({
      description:
        "Per party: the leader's name, threshold distribution, and whether the " +
        "leader has an objective of its own (else the delegation's)",
    }),
  partitions: z.object({
    full: z.array(z.array(z.string())),
    linked: z.array(z.array(z.string())),
    separate: z.array(z.array(z.string())),
  }),
  disagreement_index: z.number().int().meta({ description: 'Index of the no-deal (current state) deal' }),
  deals: z.object({
    values: z
      .array(z.array(z.number()))
      .meta({ description: 'Issue values of each deal, in issue order (mixed-radix order, last issue fastest)' }),
    delegation: z.tuple([Column, Column]).meta({ description: "Delegations' utilities, pp over the current state" }),
    leaders: z.tuple([Column, Column]).meta({ description: "Leaders' utilities, pp over the current state" }),
    ratification: z
      .object({ full: Column, linked: Column, separate: Column })
      .meta({ description: 'P(both leaders ratify) per deal and partition; null for the no-deal deal' }),
  }),
});

export type DealMap = z.infer<typeof DealMapSchema>;

const KEEP = 8;
const maps = new Map<string, Promise<DealMap>>();

const column = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

/** The deal map of a negotiation scenario (what the run mapped), solved on `workers` threads. */
export async function dealMap(run: string, text: string, workers = 2): Promise<DealMap> {
  const p = parseScenarioText(text, 'scenario');
  const n = p.scenario.negotiation as NegotiationSpec;
  // The run's own mapping: utilities over the same disagreement point (or threat), thresholds as resolved.
  const { setup, domain, deals, map, thresholds, dIndex } = await mapTradeNegotiation(p, { workers });
  const { spec, parties, disagreement, roles } = setup;
  const ids = spec.issues.map((r) => r.id);
  const link = n.domain!.linkage;
  const partitions = { full: [ids], linked: link?.linked ?? [ids], separate: link?.separate ?? ids.map((i) => [i]) };
  const prob = (b: readonly (readonly string[])[]) =>
    column(partitionRatification(map, basketIndices(domain, b), thresholds).probability);
  return {
    run,
    parties,
    issues: spec.issues.map((r, i) => ({ id: r.id, grid: r.grid, disagreement: r.grid[disagreement[i]] })),
    leaders: parties.map((w, i) => ({
      name: n.parties[w].leader?.name ?? null,
      threshold: thresholds[i],
      own_objective: roles[2 + i] !== roles[i],
    })),
    partitions: {
      full: partitions.full.map((b) => [...b]),
      linked: partitions.linked.map((b) => [...b]),
      separate: partitions.separate.map((b) => [...b]),
    },
    disagreement_index: dIndex,
    deals: {
      values: deals,
      delegation: [column(map.delegation[0]), column(map.delegation[1])],
      leaders: [column(map.leaders[0]), column(map.leaders[1])],
      ratification: {
        full: prob(partitions.full),
        linked: prob(partitions.linked),
        separate: prob(partitions.separate),
      },
    },
  };
}

/** Registers GET /api/runs/:id/deals. */
export function negotiationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/runs/:id/deals',
      {
        schema: {
          summary:
            'Every deal of a negotiation run (trade domain) with utilities and ' +
            'ratification probabilities per partition: the deal cloud',
          params: IdParamsSchema,
          response: { 200: DealMapSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (req) => {
        const r = await ctx.store.get(req.params.id);
        if (!r) throw runNotFound(req.params.id);
        if (r.kind !== 'negotiation') throw new ApiError(409, 'conflict', msg.notANegotiationRun(r.id, r.kind));
        if (r.status === 'failed') throw new ApiError(409, 'conflict', msg.negotiationFailed(r.id, r.error));
        let m = maps.get(r.id);
        if (!m) {
          m = dealMap(r.id, r.scenario);
          maps.set(r.id, m);
          m.catch(() => maps.delete(r.id));
          if (maps.size > KEEP) maps.delete(maps.keys().next().value!);
        }
        return m;
      },
    );
  };
}
