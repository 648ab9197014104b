import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../../test/support/cli.ts';
import { InlineExecutor } from '../exec/inline.ts';
import { startQueueWorker, type RunningWorker } from '../exec/queue-worker.ts';
import { redisSkipReason, startTestRedis, type TestRedis } from '../../test/support/exec/redis-server.ts';

const skip = redisSkipReason();
describe.skipIf(skip)(`lancaster solve and run on the queue${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let redis: TestRedis;
  let worker: RunningWorker;
  const queue = `cli-${randomUUID().slice(0, 8)}`;
  let computed = 0;
  const inline = new InlineExecutor();

  beforeAll(async () => {
    redis = await startTestRedis();
    worker = await startQueueWorker({
      url: redis.url,
      queue,
      log: () => {},
      executor: { submit: (j, on, s) => (computed++, inline.submit(j, on, s)), close: async () => {} },
    });
  }, 30_000);
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
  });

  it('gives with --redis the result it gives in this process, computed by a worker', async () => {
    const here = await run('solve', 'scenarios/nafta-cp2015.yaml', '--json');
    const queued = await run('solve', 'scenarios/nafta-cp2015.yaml', '--json', '--redis', redis.url, '--queue', queue);
    expect(queued.code).toBe(0);
    expect(queued.stderr).toMatch(/lancaster solve: on queue cli-/);
    expect(computed).toBe(1);
    const strip = (t: string) => {
      const r = JSON.parse(t);
      delete r.seconds;
      return r;
    };
    expect(strip(queued.stdout)).toEqual(strip(here.stdout));
  }, 60_000);

  it('computes the three timelines of lancaster run on the worker, with the report it writes here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lancaster-run-queue-'));
    try {
      const before = computed;
      const here = await run('run', 'us-china-2025', '--out', join(dir, 'here'));
      const queued = await run(
        'run',
        'us-china-2025',
        '--out',
        join(dir, 'queued'),
        '--redis',
        redis.url,
        '--queue',
        queue,
      );
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stderr).toMatch(/lancaster run: the report's 3 timelines on queue cli-/);
      expect(computed - before).toBe(3); // long run, short run, BLP levels
      const report = (d: string) =>
        JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8'), (k, v) => (k === 'seconds' ? undefined : v));
      expect(report('queued')).toEqual(report('here'));
      const text = (t: string) =>
        t.replace(/converged, [\d.]+ s/, 'converged, … s').replace(/\/(here|queued)\//g, '/…/');
      expect(text(queued.stdout)).toBe(text(here.stdout));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('takes the URL from LANCASTER_REDIS_URL', async () => {
    process.env.LANCASTER_REDIS_URL = redis.url;
    try {
      const r = await run('solve', 'scenarios/nafta-cp2015.yaml', '--queue', queue);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/on queue cli-.* at redis:\/\/127\.0\.0\.1/);
      expect(r.stdout).toMatch(/MEX/);
    } finally {
      delete process.env.LANCASTER_REDIS_URL;
    }
  }, 60_000);
});
