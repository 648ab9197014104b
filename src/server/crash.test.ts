/**
 * Crash safety: a server killed with SIGKILL loses no finished run, leaves no half-written one,
 * and the next start marks its unfinished runs failed ("interrupted: …").
 * Uses LANCASTER_TEST_DELAY_MS (the slow-solve test handler) so a run is caught while running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteRunStore } from '../store/sqlite.ts';
import { INTERRUPTED } from '../store/types.ts';
import { NAFTA } from '../../test/support/server/test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the server (with the slow test solve) as a child process and resolves with it and its URL. */
function startChild(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/server/main-slow.ts', '--port', '0', '--db', db, '--threads', '1'],
    {
      cwd: ROOT,
      env: { ...process.env, LANCASTER_TEST_DELAY_MS: '1200', LANCASTER_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`Expected the server to start, found it exited with ${code}: ${err}`)));
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON of several routes loosely
const get = async (url: string): Promise<any> => (await fetch(url)).json();

async function waitFor<T>(f: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('Expected the condition within the time limit, found it still false');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a server killed with SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-crash-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps finished runs and marks the interrupted ones failed at the next start', async () => {
    const db = join(dir, 'runs.db');
    const first = await startChild(db);
    children.push(first.child);
    const submit = async () =>
      (
        (await (
          await fetch(`${first.url}/api/runs`, {
            method: 'POST',
            headers: { 'content-type': 'application/yaml' },
            body: NAFTA,
          })
        ).json()) as { id: string }
      ).id;
    const [a, b, c] = [await submit(), await submit(), await submit()];
    await waitFor(async () => ((await get(`${first.url}/api/runs/${b}`)).status === 'running' ? true : undefined));
    const finished = await get(`${first.url}/api/runs/${a}`);
    expect(finished.status).toBe('done');
    expect((await get(`${first.url}/api/runs/${c}`)).status).toBe('queued');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startChild(db);
    children.push(second.child);
    expect(await get(`${second.url}/api/runs/${a}`)).toEqual(finished);
    for (const id of [b, c])
      expect(await get(`${second.url}/api/runs/${id}`)).toMatchObject({
        status: 'failed',
        error: INTERRUPTED,
        result: null,
      });
    expect((await get(`${second.url}/api/runs?status=failed`)).total).toBe(2);
    second.child.kill('SIGTERM');
    expect(await new Promise((r) => second.child.once('exit', r))).toBe(0);

    const store = new SqliteRunStore(db);
    expect(store.integrityCheck()).toBe('ok');
    await store.close();
  });
});
