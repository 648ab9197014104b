import { afterAll, describe, expect, it } from 'vitest';
import type { ExecEvent } from '../contract/run.ts';
import { PoolExecutor } from './pool.ts';

const BURST = new URL('../../test/support/exec/handlers/burst.ts', import.meta.url).href;
const job = (id: string, n: number) => ({ id, kind: 'solve' as const, module: BURST, input: String(n) });

/** Blocks this thread (no CPU) for `ms`, as a loaded server's event loop is blocked. */
const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('the worker-pool executor', () => {
  const ex = new PoolExecutor({ threads: 1 });
  afterAll(() => ex.close());

  it('delivers every progress event of a job before its result, even when the job ended while this thread was busy', async () => {
    await ex.submit(job('warm', 1), () => {}); // the worker has imported the handler
    for (let k = 0; k < 3; k++) {
      const events: ExecEvent[] = [];
      const p = ex.submit(job(`burst-${k}`, 300), (e) => events.push(e));
      // The worker posts its 300 events and its result while this thread is blocked: both wait
      // together, and the pool's result port is read first.
      block(400);
      await expect(p).resolves.toEqual({ sent: 300 });
      expect(events.filter((e) => e.type === 'progress')).toHaveLength(300);
      expect(events.at(-1)).toMatchObject({ type: 'progress', message: 'event 300 of 300' });
    }
  });
});
