/**
 * POST /api/scenarios/validate: the CLI's `lancaster validate`, over HTTP. The body is the scenario
 * (YAML text or a JSON object); answers {valid: true, …} or 400 with located issues.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseServedScenario } from '../../scenario/served.ts';
import { checkScenario } from '../../scenario/solve.ts';
import { rawBody, scenarioText } from '../body.ts';
import { ErrorSchema, ScenarioBodySchema, ValidResponseSchema } from '../schemas.ts';

/** Registers POST /api/scenarios/validate. */
export const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/scenarios/validate',
    {
      schema: {
        summary: 'Validate a scenario against the schema and its dataset without solving',
        body: ScenarioBodySchema,
        response: { 200: ValidResponseSchema, 400: ErrorSchema },
      },
    },
    async (req) => {
      const parsed = parseServedScenario(scenarioText(req.body, rawBody(req)), 'scenario');
      const { dataset } = checkScenario(parsed);
      return { valid: true as const, name: parsed.scenario.name, model: parsed.scenario.model, dataset: dataset.manifest.id, dataset_version: dataset.manifest.version };
    },
  );
};
