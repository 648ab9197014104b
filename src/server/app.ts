/**
 * Builds the Fastify app: zod validation (with the catalogue's messages, validation.ts) and
 * serialization, OpenAPI (swagger), body parsers with a 1 MB limit, the JSON error handler,
 * response compression (br/gzip/deflate as the client accepts, bodies over 1 KB; event streams are
 * hijacked and stay uncompressed), the API routes and the web app (web/dist, built by `npm ci`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installBodyParsers } from './body.ts';
import { validatorCompiler } from './validation.ts';
import { BODY_TIMEOUT_MS, installAccess, type AccessOptions } from './access.ts';
import { ApiError, installErrorHandlers } from './errors.ts';
import { metaRoutes } from './routes/meta.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { runRoutes } from './routes/runs.ts';
import { embeddedRoutes } from './routes/embedded.ts';
import { negotiationRoutes } from './routes/negotiation.ts';
import { observedRoutes } from './routes/observed.ts';
import type { AppContext } from './context.ts';
import * as msg from '../spec/messages/server.ts';

/** Largest accepted request body (bytes); larger bodies get 413. */
const BODY_LIMIT = 1024 * 1024;

/** The web app's build output (`npm ci` builds it; `npm run web:build` rebuilds it), served at / when present. */
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Options of {@link buildApp}. */
export interface AppOptions {
  /** Fastify logger (default off). */
  logger?: boolean;
  bodyLimit?: number;
  /** Folder of the static web app; default web/dist (skipped when missing). */
  webDir?: string;
  /** Token, allowed hosts, rate limits, body deadline (access.ts); default: loopback, no token. */
  access?: AccessOptions;
}

/**
 * Creates the app (not listening): use `app.inject()` in tests or `app.listen()`.
 *
 * @example
 * ```ts
 * const app = await buildApp(ctx);
 * const res = await app.inject({ method: 'GET', url: '/api/health' });
 * ```
 */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT,
    forceCloseConnections: true,
    // Node's own deadline for a whole request (a backstop of the body deadline in access.ts).
    requestTimeout: 2 * (opts.access?.bodyTimeoutMs ?? BODY_TIMEOUT_MS),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installBodyParsers(app);
  installErrorHandlers(app);
  app.addHook('onClose', () => ctx.checker.close());
  await installAccess(app, opts.access);
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lancaster API',
        version: ctx.codeVersion.version,
        description:
          'Trade-war simulations with general-equilibrium models: validate ' +
          'scenarios, submit runs, follow and compare them.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(metaRoutes(ctx));
  await app.register(scenarioRoutes(ctx));
  await app.register(embeddedRoutes);
  await app.register(observedRoutes);
  await app.register(runRoutes(ctx));
  await app.register(negotiationRoutes(ctx));
  const web = opts.webDir ?? WEB_DIST;
  if (existsSync(web)) await app.register(fastifyStatic, { root: web, prefix: '/', wildcard: false });
  app.setNotFoundHandler((req) => {
    throw new ApiError(404, 'not_found', msg.noSuchRoute(req.method, req.url.split('?')[0]));
  });
  return app;
}
