/**
 * GET /api/observed: what happened in 2025 (src/data/observed.ts), for the web app's
 * model-vs-observed section: average tariffs (PIIE), China–US goods trade by month and over longer
 * windows (China customs), the US average tariff on all imports (Trade War Tracker) and published
 * model estimates. Every figure cites its fact-sheet row; none sets a model parameter.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  OBSERVED_CHN_USA_MONTHLY,
  OBSERVED_CHN_USA_WINDOWS,
  OBSERVED_TARIFFS,
  OBSERVED_TRADE,
  OBSERVED_US_ALL,
  PUBLISHED,
} from '../../data/observed.ts';

const Point = z.object({
  from: z.string(),
  to: z.string(),
  period: z.string(),
  window: z.tuple([z.string(), z.string()]),
  pct: z.number(),
  source: z.string(),
});

const ObservedSchema = z.object({
  tariffs: z.array(
    z.object({
      date: z.string(),
      pair: z.enum(['USA<-CHN', 'CHN<-USA']),
      pct: z.number(),
      what: z.string(),
      source: z.string(),
    }),
  ),
  trade: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      window: z.tuple([z.string(), z.string()]),
      pct: z.number(),
      what: z.string(),
      source: z.string(),
    }),
  ),
  monthly: z.array(Point).meta({ description: "China's goods exports to the US by month, year on year (percent)" }),
  windows: z.array(Point),
  us_all: z.array(z.object({ date: z.string(), increase: z.number(), level: z.number(), source: z.string() })),
  published: z.array(
    z.object({
      who: z.string(),
      date: z.string(),
      measure: z.string(),
      country: z.string().optional(),
      pair: z.string().optional(),
      value: z.number(),
      what: z.string(),
      source: z.string(),
      note: z.string(),
    }),
  ),
});

/** Registers GET /api/observed. */
export const observedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/observed',
    {
      schema: {
        summary: 'What happened in 2025 (observed tariffs and trade, published estimates), each with its source',
        response: { 200: ObservedSchema },
      },
    },
    async () => ({
      tariffs: OBSERVED_TARIFFS,
      trade: OBSERVED_TRADE,
      monthly: OBSERVED_CHN_USA_MONTHLY,
      windows: OBSERVED_CHN_USA_WINDOWS,
      us_all: OBSERVED_US_ALL,
      published: PUBLISHED,
    }),
  );
};
