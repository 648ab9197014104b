/** TEST ONLY: an app on an in-memory SQLite store with the inline executor, and scenario texts. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { InlineExecutor } from '../../../src/exec/inline.ts';
import { SqliteRunStore } from '../../../src/store/sqlite.ts';
import type { Executor } from '../../../src/contract/run.ts';
import type { HandlerRegistry } from '../../../src/exec/registry.ts';
import { buildApp } from '../../../src/server/app.ts';
import { createContext } from '../../../src/server/index.ts';
import type { AppContext } from '../../../src/server/context.ts';

/** The NAFTA scenario of the repository (cp2015, a fast solve). */
export const NAFTA = readFileSync(new URL('../../../scenarios/nafta-cp2015.yaml', import.meta.url), 'utf8');

/** A small one-sector-2025 scenario: the US raises its tariff on China. */
export const US_CHINA = `lancaster: 1
name: US tariff on China
model: one-sector-2025
policy:
  tariffs:
    - { importer: USA, exporter: CHN, rate: 0.54 }
`;

/** A fresh app and its context. */
export async function testApp(
  opts: { executor?: Executor; registry?: HandlerRegistry } = {},
): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { recovered: _r, ...ctx } = await createContext({
    store: new SqliteRunStore(':memory:'),
    executor: opts.executor ?? new InlineExecutor(),
    registry: opts.registry,
  });
  return { app: await buildApp(ctx), ctx };
}
