/**
 * Run routes: submit (202, never waits for the run), list, get, delete, events (SSE) and compare.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scenarioText } from '../body.ts';
import { compareResults } from '../compare.ts';
import { ApiError, runNotFound } from '../errors.ts';
import { streamRunEvents } from '../sse.ts';
import type { AppContext } from '../context.ts';
import type { RunRecord } from '../../store/types.ts';
import type { ModelResult } from '../../model/result.ts';
import {
  CompareQuerySchema,
  CompareSchema,
  ErrorSchema,
  IdParamsSchema,
  ListQuerySchema,
  RunBodySchema,
  RunKindQuerySchema,
  RunListSchema,
  RunSchema,
  SubmittedSchema,
} from '../schemas.ts';
import * as msg from '../../spec/messages/server.ts';

const summaryOf = ({ scenario: _s, result: _r, ...rest }: RunRecord) => rest;

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** POST /api/runs: validates and queues a run, 202 with its location (never waits for it). */
function submitRoute(app: ZodApp, { service }: AppContext) {
  app.post(
    '/api/runs',
    {
      schema: {
        summary: 'Submit a run: JSON {kind, scenario}, or a YAML scenario body with ?kind=',
        body: RunBodySchema,
        querystring: RunKindQuerySchema,
        response: { 202: SubmittedSchema, 400: ErrorSchema, 413: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const [kind, input] =
        typeof body === 'string' ? [req.query.kind, body] : [body.kind, scenarioText(body.scenario)];
      const run = await service.submit(kind, input);
      return reply
        .status(202)
        .header('location', `/api/runs/${run.id}`)
        .send({ id: run.id, status: 'queued' as const });
    },
  );
}

/** GET /api/runs: the stored runs, newest first, filtered. */
function listRoute(app: ZodApp, { store }: AppContext) {
  app.get(
    '/api/runs',
    {
      schema: {
        summary: 'List runs, newest first, filtered by status and kind',
        querystring: ListQuerySchema,
        response: { 200: RunListSchema, 400: ErrorSchema },
      },
    },
    async (req) => {
      const { runs, total } = await store.list(req.query);
      return { runs, total, limit: req.query.limit, offset: req.query.offset };
    },
  );
}

/** GET /api/runs/compare: per-country differences of two finished solve runs. */
function compareRoute(app: ZodApp, { store }: AppContext) {
  app.get(
    '/api/runs/compare',
    {
      schema: {
        summary: 'Per-country differences (b − a) of two finished solve runs',
        querystring: CompareQuerySchema,
        response: { 200: CompareSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (req) => {
      const [a, b] = await Promise.all(
        req.query.ids.map(async (id) => {
          const r = await store.get(id);
          if (!r) throw runNotFound(id);
          if (r.kind !== 'solve') throw new ApiError(409, 'conflict', msg.notASolveRun(id, r.kind));
          if (r.status !== 'done') throw new ApiError(409, 'conflict', msg.notADoneRun(id, r.status));
          return r;
        }),
      );
      return {
        a: summaryOf(a),
        b: summaryOf(b),
        ...compareResults(a.result as ModelResult, b.result as ModelResult),
      };
    },
  );
}

/** GET /api/runs/:id and its events (SSE): a run with its last progress, and its event stream. */
function runRoute(app: ZodApp, { store, service }: AppContext) {
  app.get(
    '/api/runs/:id',
    {
      schema: {
        summary: 'A run: status, timings, scenario, and the result when done',
        params: IdParamsSchema,
        response: { 200: RunSchema, 404: ErrorSchema },
      },
    },
    async (req) => {
      const r = await store.get(req.params.id);
      if (!r) throw runNotFound(req.params.id);
      const progress = service.progress(r.id);
      return { ...r, ...(progress ? { progress } : {}) };
    },
  );

  app.get(
    '/api/runs/:id/events',
    {
      schema: {
        summary:
          'Server-sent events of a run: queued, running, progress {fraction, message}, then done, failed ' +
          'or cancelled; ids 1, 2, … and end for the last, so Last-Event-ID resumes',
        params: IdParamsSchema,
        response: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
          404: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      await streamRunEvents(req, reply, service, req.params.id);
    },
  );
}

/** DELETE /api/runs/:id: cancels a queued or running run (202), deletes a finished one (204). */
function deleteRoute(app: ZodApp, { service }: AppContext) {
  app.delete(
    '/api/runs/:id',
    {
      schema: {
        summary: 'Cancel a queued or running run (kept with status cancelled), or delete a finished one',
        params: IdParamsSchema,
        response: {
          202: z
            .object({ id: z.string(), status: z.literal('cancelled') })
            .meta({ description: 'Cancelled (DELETE again to remove the record)' }),
          204: z.null().meta({ description: 'Deleted' }),
          404: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const done = await service.delete(req.params.id);
      if (!done) throw runNotFound(req.params.id);
      if (done === 'cancelled') return reply.status(202).send({ id: req.params.id, status: 'cancelled' as const });
      return reply.status(204).send(null);
    },
  );
}

/** Registers the /api/runs routes. */
export function runRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    submitRoute(app, ctx);
    listRoute(app, ctx);
    compareRoute(app, ctx);
    runRoute(app, ctx);
    deleteRoute(app, ctx);
  };
}
