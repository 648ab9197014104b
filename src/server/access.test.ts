import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { InlineExecutor } from '../exec/inline.ts';
import { SqliteRunStore } from '../store/sqlite.ts';
import { buildApp } from './app.ts';
import { createContext, startServer } from './index.ts';
import { allowedHostNames, checkExposure, hostName } from './access.ts';
import { main } from '../cli/main.ts';
import { NAFTA } from '../../test/support/server/test-app.ts';
import type { AppContext } from './context.ts';
import type { AccessOptions } from './access.ts';

const TOKEN = 'correct-horse-battery-staple';

async function appWith(access: AccessOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { recovered: _r, ...ctx } = await createContext({
    store: new SqliteRunStore(':memory:'),
    executor: new InlineExecutor(),
  });
  return { app: await buildApp(ctx, { access }), ctx };
}

describe('CSRF and DNS rebinding (issue 18 reproductions)', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  beforeAll(async () => ({ app, ctx } = await appWith({})));
  afterAll(() => app.close());

  it('refuses the cross-origin text/plain POST a web page can send without a preflight, and queues nothing', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=solve',
      payload: NAFTA,
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(r.statusCode).toBe(403);
    expect((await ctx.store.list({ limit: 10, offset: 0 })).total).toBe(0);
    // The same text/plain body without the browser headers is refused for its type.
    const plain = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=solve',
      payload: NAFTA,
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toMatchObject({
      error: 'unsupported_media_type',
      message: expect.stringMatching(/^Expected a JSON or YAML body .* found/),
    });
    expect((await ctx.store.list({ limit: 10, offset: 0 })).total).toBe(0);
  });

  it('refuses a cross-origin JSON POST and DELETE (Origin of another site), accepts same-origin ones', async () => {
    const evil = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: NAFTA },
      headers: { origin: 'http://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({
      error: 'cross_origin',
      message: expect.stringContaining('found Origin "http://evil.example"'),
    });
    const nullOrigin = await app.inject({ method: 'DELETE', url: '/api/runs/x', headers: { origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: NAFTA },
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(same.statusCode).toBe(202);
    await ctx.service.settle();
  });

  it('answers only Host names of the loopback it listens on (a rebinding name gets 421)', async () => {
    const rebound = await app.inject({ method: 'GET', url: '/api/runs', headers: { host: 'attacker.example:8080' } });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json().error).toBe('bad_host');
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080']) {
      expect((await app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode).toBe(200);
    }
  });

  it('keeps CORS closed: no Access-Control-* header, preflights are not granted', async () => {
    const pre = await app.inject({
      method: 'OPTIONS',
      url: '/api/runs',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.statusCode).toBeGreaterThanOrEqual(400);
    const get = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://evil.example' } });
    expect(Object.keys(get.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('sends security headers (helmet) on every answer', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(r.headers['content-security-policy'])).toMatch(/default-src 'self'/);
    expect(String(r.headers['content-security-policy'])).not.toMatch(/upgrade-insecure-requests/);
  });
});

describe('the write token', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  beforeAll(async () => ({ app, ctx } = await appWith({ token: TOKEN })));
  afterAll(() => app.close());

  it('is required for submit and delete, not for reads or validate', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/runs', payload: { scenario: NAFTA } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('token_required');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await app.inject({
      method: 'DELETE',
      url: '/api/runs/x',
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('bad_token');
    expect((await app.inject({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/scenarios/validate',
          payload: NAFTA,
          headers: { 'content-type': 'application/yaml' },
        })
      ).statusCode,
    ).toBe(200);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: NAFTA },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.statusCode).toBe(202);
    await ctx.service.settle();
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/runs/${ok.json().id}`,
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).statusCode,
    ).toBe(204);
  });
});

describe('exposure beyond loopback', () => {
  it('refuses to start on a non-loopback address without a token, and short tokens anywhere', async () => {
    expect(() => checkExposure('0.0.0.0', undefined)).toThrow(
      /Expected a token .* to listen on 0\.0\.0\.0, beyond loopback, found none/,
    );
    expect(() => checkExposure('127.0.0.1', 'short')).toThrow(/at least 16 characters/);
    expect(() => checkExposure('192.168.1.5', TOKEN)).not.toThrow();
    await expect(
      startServer({ host: '0.0.0.0', store: new SqliteRunStore(':memory:'), executor: new InlineExecutor() }),
    ).rejects.toThrow(RangeError);
  });

  it('lancaster serve --host 0.0.0.0 without a token exits 2 with the reason, before opening anything', async () => {
    const saved = process.env.LANCASTER_TOKEN;
    delete process.env.LANCASTER_TOKEN;
    const errs: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (errs.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['serve', '--host', '0.0.0.0', '--port', '0', '--db', '/nonexistent/dir/runs.db'])).toBe(2);
    } finally {
      process.stderr.write = write;
      if (saved !== undefined) process.env.LANCASTER_TOKEN = saved;
    }
    expect(errs.join('')).toMatch(/Expected a token .*beyond loopback/);
  });

  it('accepts only the listed Host names on a wildcard bind when a list is given', () => {
    expect(allowedHostNames('0.0.0.0')).toBeUndefined();
    expect([...allowedHostNames('0.0.0.0', ['lancaster.example.org:443'])!]).toContain('lancaster.example.org');
    expect(hostName('[::1]:8080')).toBe('::1');
    expect(hostName('Example.org:80')).toBe('example.org');
  });
});

describe('rate limits and the body deadline', () => {
  it('answers 429 with Retry-After past the per-client write limit', async () => {
    const { app, ctx } = await appWith({ writeRateLimit: 2 });
    const codes: number[] = [];
    for (let k = 0; k < 3; k++) codes.push((await app.inject({ method: 'DELETE', url: '/api/runs/none' })).statusCode);
    expect(codes).toEqual([404, 404, 429]);
    const r = await app.inject({ method: 'DELETE', url: '/api/runs/none' });
    expect(r.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200); // reads have their own budget
    await ctx.service.settle();
    await app.close();
  });

  it('cuts a body that arrives too slowly (slow-loris) with 408', async () => {
    const server = await startServer({
      port: 0,
      store: new SqliteRunStore(':memory:'),
      executor: new InlineExecutor(),
      access: { bodyTimeoutMs: 300 },
    });
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve) => {
      const s = connect(Number(port), '127.0.0.1');
      let got = '';
      s.on('data', (b) => (got += b));
      s.on('close', () => resolve(got));
      s.on('error', () => resolve(got));
      s.write(
        'POST /api/scenarios/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nlancaster: 1\n',
      );
      setTimeout(() => s.destroy(), 5000);
    });
    await server.close();
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/"error":"body_timeout"/);
  });
});
