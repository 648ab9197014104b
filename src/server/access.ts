/**
 * Who may do what on the API (docs/security.md): a bearer token for every write (POST /api/runs,
 * DELETE), Host checks against DNS rebinding, Origin / Sec-Fetch-Site checks against cross-site
 * writes (CSRF), a request-body deadline, per-client rate limits (@fastify/rate-limit) and security
 * headers (@fastify/helmet). CORS stays closed: no Access-Control-* header is ever sent, so another
 * site's page can neither read answers nor send a preflighted request.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { ApiError } from './errors.ts';
import * as msg from '../spec/messages/server.ts';

/** Shortest token accepted: guessing it online must be hopeless even without the rate limit. */
const MIN_TOKEN_LENGTH = 16;

/** Options of {@link installAccess}. */
export interface AccessOptions {
  /** Bearer token every write must carry; none: writes are open (loopback only). */
  token?: string;
  /** The address the server listens on (decides which Host names are accepted). */
  host?: string;
  /** Extra Host names accepted (e.g. the DNS name of an exposed server). */
  allowedHosts?: string[];
  /** Requests per minute per client address; 0 switches the limit off. Default 1200. */
  rateLimit?: number;
  /** Writes (POST /api/runs, DELETE) per minute per client; default 120. */
  writeRateLimit?: number;
  /** Milliseconds a request body may take to arrive; default 30 000. */
  bodyTimeoutMs?: number;
}

/** Default requests per minute per client. */
const RATE_LIMIT = 1200;
/** Default writes per minute per client. */
const WRITE_RATE_LIMIT = 120;
/** Default body deadline (ms). */
export const BODY_TIMEOUT_MS = 30_000;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether an address or name is the loopback interface. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Whether an address listens on every interface. */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * Refuses a configuration that would expose writes: a non-loopback address without a token, or a
 * token too short. Throws RangeError (the CLI exits 2).
 */
export function checkExposure(host: string, token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new RangeError(msg.tokenTooShort(MIN_TOKEN_LENGTH, token.length));
  }
  if (!isLoopback(host) && token === undefined) {
    throw new RangeError(msg.tokenRequiredToExpose(host));
  }
}

/** The host name of a Host header, without the port (IPv6 literals keep their brackets off). */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : undefined;
  }
  return h.replace(/:\d*$/, '');
}

/** The Host names the server answers to, or undefined for "any" (a wildcard bind with no list). */
export function allowedHostNames(host: string, extra: string[] = []): Set<string> | undefined {
  const names = new Set(extra.map((h) => hostName(h)!).filter(Boolean));
  if (isWildcard(host)) return names.size ? new Set([...names, 'localhost', '127.0.0.1', '::1']) : undefined;
  for (const h of ['localhost', '127.0.0.1', '::1']) if (isLoopback(host)) names.add(h);
  names.add(host.replace(/^\[|\]$/g, '').toLowerCase());
  return names;
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Whether a request writes: submits, deletes, or anything unsafe except the read-only validate. */
function isWrite(req: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (!UNSAFE.has(req.method)) return false;
  return req.url.split('?')[0] !== '/api/scenarios/validate';
}

/** The token of an `Authorization: Bearer …` header. */
function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m?.[1];
}

/** Checks the Origin of an unsafe request: same origin as the Host it was sent to, or none (non-browser clients). */
function checkOrigin(req: FastifyRequest) {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new ApiError(403, 'cross_origin', msg.crossSite());
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let o: URL | undefined;
  try {
    o = new URL(origin);
  } catch {
    o = undefined;
  }
  const host = (req.headers.host ?? '').toLowerCase();
  let target: string | undefined;
  try {
    target = o ? new URL(`${o.protocol}//${host}`).host : undefined; // same default-port rules on both sides
  } catch {
    target = undefined;
  }
  if (!o || target === undefined || o.host !== target) {
    throw new ApiError(403, 'cross_origin', msg.foreignOrigin(host, JSON.stringify(origin.slice(0, 100))));
  }
}

/**
 * Installs the access rules on the root app (before the routes): hooks apply to every route.
 *
 * @example
 * ```ts
 * const token = process.env.LANCASTER_TOKEN;
 * await installAccess(app, { token, host: '0.0.0.0', allowedHosts: ['lancaster.example.org'] });
 * ```
 */
export async function installAccess(app: FastifyInstance, opts: AccessOptions = {}): Promise<void> {
  const host = opts.host ?? '127.0.0.1';
  checkExposure(host, opts.token);
  const hosts = allowedHostNames(host, opts.allowedHosts);
  const bodyTimeout = opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS;

  await app.register(fastifyHelmet, {
    // Plain http on loopback: no upgrade of sub-resources, no HSTS (browsers ignore it on http anyway).
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': null,
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  const limit = opts.rateLimit ?? RATE_LIMIT;
  if (limit > 0) {
    const writes = opts.writeRateLimit ?? WRITE_RATE_LIMIT;
    await app.register(fastifyRateLimit, {
      global: true,
      timeWindow: 60_000,
      max: (req) => (isWrite(req) ? Math.min(writes, limit) : limit),
      keyGenerator: (req) => `${req.ip}|${isWrite(req) ? 'w' : 'r'}`,
      errorResponseBuilder: (_req, ctx) => {
        const s = Math.max(1, Math.ceil(ctx.ttl / 1000));
        return new ApiError(429, 'rate_limited', msg.rateLimited(ctx.max, s), undefined, { 'retry-after': String(s) });
      },
    });
  }

  app.addHook('onRequest', async (req) => {
    const name = hostName(req.headers.host);
    if (hosts && (!name || !hosts.has(name))) {
      throw new ApiError(
        421,
        'bad_host',
        msg.badHost([...hosts], JSON.stringify((req.headers.host ?? '').slice(0, 100))),
      );
    }
    if (!UNSAFE.has(req.method)) return;
    checkOrigin(req);
    if (opts.token === undefined || !isWrite(req)) return;
    const given = bearer(req);
    if (given === undefined) throw new ApiError(401, 'token_required', msg.tokenMissing());
    if (!sameToken(given, opts.token)) throw new ApiError(401, 'bad_token', msg.tokenWrong());
  });

  // A body must arrive within the deadline (slow-loris uploads hold a connection and memory).
  app.addHook('preParsing', async (req, reply, payload) => {
    const timer = setTimeout(() => {
      // Answer on the raw socket (the parser still waits for the body), then drop the connection.
      const body = { error: 'body_timeout', message: msg.bodyTimeout(bodyTimeout / 1000) };
      reply.hijack();
      const res = reply.raw;
      if (!res.headersSent)
        res.writeHead(408, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify(body), () => req.raw.socket?.destroy());
    }, bodyTimeout);
    timer.unref();
    const clear = () => clearTimeout(timer);
    payload.once('end', clear);
    payload.once('close', clear);
    payload.once('error', clear);
    return payload;
  });
}
