import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from './app.ts';
import { NAFTA, testApp } from '../../test/support/server/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancaster-compress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('response compression', () => {
  it('sends JSON over 1 KB brotli-compressed when the client accepts br, and the same JSON decoded', async () => {
    const { app } = await testApp();
    const plain = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const br = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    await app.close();
  });

  it('gzips the web app files and leaves small bodies as they are', async () => {
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Lancaster</title>${'<p>trade</p>'.repeat(400)}`);
    const { ctx } = await testApp();
    const app = await buildApp(ctx, { webDir: dir });
    const page = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.rawPayload).toString('utf8')).toMatch(/^<!doctype html><title>Lancaster/);
    const health = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    await app.close();
  });

  it('keeps event streams uncompressed, so each event arrives when it happens', async () => {
    const { app } = await testApp();
    const id = (
      await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'solve', scenario: NAFTA } })
    ).json().id as string;
    const r = await app.inject({
      method: 'GET',
      url: `/api/runs/${id}/events`,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(r.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toMatch(/^event: done$/m);
    await app.close();
  });
});
