import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InlineExecutor } from './inline.ts';
import { QueueExecutor, datasetOf, queuedJob } from './queue.ts';
import { startQueueWorker, type RunningWorker } from './queue-worker.ts';
import { redisSkipReason, startTestRedis, type TestRedis } from '../../test/support/exec/redis-server.ts';
import { builtinHandler } from './registry.ts';
import type { ExecEvent, Executor, Job, OfferEvent } from '../contract/run.ts';
import { offerProgress } from '../contract/offers.ts';

const nafta = readFileSync(new URL('../../scenarios/nafta-cp2015.yaml', import.meta.url), 'utf8');
const job = (id: string, input = nafta, draw?: Job['draw']): Job => ({
  id,
  kind: 'solve',
  module: builtinHandler('solve'),
  input,
  ...(draw ? { draw } : {}),
});

describe('queued job keys', () => {
  it('change with the input, the draw and the dataset, not with the run id', () => {
    const a = queuedJob(job('a'));
    expect(queuedJob(job('b')).key).toBe(a.key);
    expect(queuedJob(job('a', nafta, { seed: 1, index: 0 })).key).not.toBe(a.key);
    expect(queuedJob(job('a', nafta.replace('tariffs-2005', 'tariffs-2004'))).key).not.toBe(a.key);
    expect(a.parts.dataset).toMatch(/^[0-9a-f]{64}$/);
    expect(a.datasetId).toBe('cp2015');
  });

  it('name the same dataset for a scenario as YAML and as the JSON of a sweep draw', () => {
    const asJson = JSON.stringify({ model: 'cp2015', name: 'n', dataset: 'cp2015' });
    expect(datasetOf(nafta)).toBe('cp2015');
    expect(datasetOf(asJson)).toBe('cp2015');
    expect(datasetOf(JSON.stringify({ name: 'n' }))).toBe('multisector-2025'); // the schema's default model
    expect(datasetOf(JSON.stringify({ model: 'one-sector-2025' }))).toBe('world-2023');
    expect(datasetOf('genius: <xml/>')).toBeNull(); // not a scenario
    expect(datasetOf('{"domain": "<xml/>"}', 'analyze')).toBeNull();
  });

  it('refuse a module that is not a built-in handler (a worker loads only its own code)', () => {
    expect(() => queuedJob({ ...job('a'), module: 'file:///tmp/evil.ts' })).toThrow(/built-in handler/);
  });
});

/** Five offers in one burst, as a negotiation's sessions report them (faster than any throttle), then a result. */
async function burstOfOffers(on: (e: ExecEvent) => void): Promise<unknown> {
  for (let round = 1; round <= 5; round++)
    on({
      type: 'progress',
      ...offerProgress({
        session: 'USA–CHN',
        linkage: 'linked',
        basket: ['ree', 'chips'],
        round,
        proposer: round % 2 === 0 ? 1 : 0,
        action: round === 5 ? 'accept' : 'offer',
        bid: { ree: 0.2 * round, chips: 0 },
        utilities: [0.01 * round, -0.01 * round],
        seen: [0.01 * round, -0.02 * round],
      }),
    });
  return { moves: 5 };
}

const skip = redisSkipReason();
describe.skipIf(skip)(`the queue executor${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let redis: TestRedis;
  let worker: RunningWorker;
  let ex: QueueExecutor;
  let computed = 0;
  let failNext = 0;
  const inline = new InlineExecutor();
  const counting: Executor = {
    submit: (j, on, s) => {
      if (failNext > 0) {
        failNext--;
        return Promise.reject(new Error('transient trouble'));
      }
      computed++;
      if (j.id.startsWith('offers')) return burstOfOffers(on);
      return inline.submit(j, on, s);
    },
    close: async () => {},
  };
  beforeAll(async () => {
    redis = await startTestRedis();
    const queue = `test-${randomUUID().slice(0, 8)}`;
    worker = await startQueueWorker({ url: redis.url, queue, executor: counting, log: () => {} });
    ex = new QueueExecutor({ url: redis.url, queue, backoffMs: 50, attempts: 3 });
    await ex.ready();
  });
  afterAll(async () => {
    await ex?.close();
    await worker?.close();
    await redis?.stop();
  });

  it('computes duplicated jobs once and answers later ones from the cache', async () => {
    const [a, b] = await Promise.all([ex.submit(job('x1'), () => {}), ex.submit(job('x2'), () => {})]);
    expect(a).toEqual(b);
    expect(computed).toBe(1);
    const events: string[] = [];
    const c = await ex.submit(job('x3'), (e) => events.push(e.type === 'progress' ? e.message : e.type));
    expect(c).toEqual(a);
    expect(computed).toBe(1);
    expect(events.at(-1)).toBe('cached result');
  });

  it('carries every offer event of a run to the submitter, in order, none throttled away', async () => {
    const offers: OfferEvent[] = [];
    const r = await ex.submit(job('offers-1', nafta, { seed: 7, index: 0 }), (e) => {
      if (e.type === 'progress' && e.offer) offers.push(e.offer);
    });
    expect(r).toEqual({ moves: 5 });
    expect(offers.map((o) => [o.round, o.action, o.bid])).toEqual(
      [1, 2, 3, 4, 5].map((k) => [k, k === 5 ? 'accept' : 'offer', { ree: 0.2 * k, chips: 0 }]),
    );
    expect(offers[1]).toMatchObject({ session: 'USA–CHN', proposer: 1, utilities: [0.02, -0.02], seen: [0.02, -0.04] });
  });

  it('retries a failing job with backoff and succeeds within its attempts', async () => {
    failNext = 2;
    const before = computed;
    const r = (await ex.submit(job('y', nafta, { seed: 9, index: 1 }), () => {})) as { status: string };
    expect(r.status).toBe('converged');
    expect(computed).toBe(before + 1);
  });

  it('reports a job that fails every attempt, with its error', async () => {
    failNext = 3;
    await expect(ex.submit(job('z', nafta, { seed: 9, index: 2 }), () => {})).rejects.toThrow(
      /Run z failed after 3 attempt\(s\): transient trouble/,
    );
    failNext = 0;
  });

  it('fails an input error at once with its message (retrying cannot fix it)', async () => {
    const bad = nafta.replace('schedule: tariffs-2005', 'schedule: tariffs-1900');
    await expect(ex.submit(job('w', bad), () => {})).rejects.toThrow(
      /after 1 attempt\(s\): ScenarioError: .*tariffs-1900/,
    );
  });
});
