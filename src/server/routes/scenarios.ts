/**
 * POST /api/scenarios/validate: the CLI's `lancaster validate`, over HTTP. The body is the scenario
 * (YAML text or a JSON object); answers {valid: true, kind, …} or 400 with located issues. The
 * file is checked as the run kind it is (src/scenario/kind.ts: gravity, negotiation, strategy,
 * timeline or solve) by that kind's handler, the same check a submitted run gets. Large bodies are
 * validated in a worker thread (offload.ts), so the event loop keeps answering other clients.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rawBody, scenarioText } from '../body.ts';
import { ErrorSchema, ScenarioBodySchema, ValidResponseSchema } from '../schemas.ts';
import type { AppContext } from '../context.ts';

/** Registers POST /api/scenarios/validate. */
export function scenarioRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/scenarios/validate',
      {
        schema: {
          summary:
            'Validate a scenario as the run kind it is (gravity, negotiation, ' +
            'strategy, timeline, solve) without running it',
          body: ScenarioBodySchema,
          response: { 200: ValidResponseSchema, 400: ErrorSchema },
        },
      },
      async (req) => ctx.checker.validate(ctx.registry, scenarioText(req.body, rawBody(req))),
    );
  };
}
