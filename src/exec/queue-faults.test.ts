/**
 * Fault tests of the queue on loopback: real `lancaster worker` processes and a real redis-server,
 * killed mid-sweep. Every draw must arrive exactly once and equal the inline executor's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSweepFile } from '../sweep/plan.ts';
import { runSweep, type SweepResult } from '../sweep/run.ts';
import { InlineExecutor } from './inline.ts';
import { QueueExecutor } from './queue.ts';
import { BULL_PREFIX, bullConnection, queueName } from './redis.ts';
import { redisSkipReason, startTestRedis, type TestRedis } from '../../test/support/exec/redis-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const plan = readSweepFile(fileURLToPath(new URL('../sweep/fixtures/nafta.yaml', import.meta.url)), { draws: 10 });
const comparable = ({ seconds: _s, executor: _e, ...rest }: SweepResult) => rest;

interface WorkerProc {
  proc: ChildProcess;
  id: string;
}

/** Starts `lancaster worker` and resolves once it listens (its first stdout line: "<id> <queue>"). */
function startWorker(url: string, queue: string): Promise<WorkerProc> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'worker',
      '--redis',
      url,
      '--queue',
      queue,
      '--preload',
      'cp2015',
      '--lock-ms',
      '2000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((res, rej) => {
    proc.stdout!.once('data', (d) => res({ proc, id: String(d).split(' ')[0] }));
    proc.once('exit', (code) => rej(new Error(`worker exited with ${code} before it was ready: ${err}`)));
  });
}

const stopWorker = (w: WorkerProc | undefined) =>
  new Promise<void>((res) => {
    if (!w || w.proc.exitCode !== null || w.proc.signalCode) return res();
    w.proc.once('exit', () => res());
    w.proc.kill('SIGKILL');
  });

/** Runs the sweep counting arrivals per draw; `during(done)` is called on each progress step. */
async function countedSweep(ex: QueueExecutor, during: (done: number) => void) {
  const arrivals = new Array<number>(plan.spec.draws).fill(0);
  const r = await runSweep(plan, ex, { onDraw: (_p, k) => k !== null && arrivals[k]++, onProgress: (d) => during(d) });
  return { r, arrivals };
}

const skip = redisSkipReason();
describe.skipIf(skip)(`the queue under faults${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let reference: SweepResult;
  let redis: TestRedis;
  const workers: WorkerProc[] = [];
  beforeAll(async () => {
    reference = await runSweep(plan, new InlineExecutor());
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const w of workers) await stopWorker(w);
    await redis?.stop();
  });

  it('finishes the jobs of a worker killed with SIGKILL on another worker, every draw exactly once', async () => {
    const q = `faults-${randomUUID().slice(0, 8)}`;
    const [a, b] = await Promise.all([startWorker(redis.url, q), startWorker(redis.url, q)]);
    workers.push(a, b);
    const ex = new QueueExecutor({ url: redis.url, queue: q, backoffMs: 100 });
    await ex.ready();
    const watch = new Queue(queueName(q), { connection: bullConnection(redis.url), prefix: BULL_PREFIX });
    let killed: string | undefined;
    let checking = false;
    try {
      const { r, arrivals } = await countedSweep(ex, (done) => {
        if (killed || checking || done < 2) return;
        checking = true;
        // Kill worker A while it holds a job, so that job must move to worker B.
        void (async () => {
          for (let i = 0; i < 200 && !killed; i++) {
            const held = (await watch.getActive()).find((j) => j.processedBy === a.id);
            if (held) {
              a.proc.kill('SIGKILL');
              killed = held.id;
            } else await sleep(20);
          }
        })();
      });
      expect(killed).toBeDefined();
      expect(arrivals).toEqual(new Array(plan.spec.draws).fill(1));
      expect(comparable(r)).toEqual(comparable(reference));
    } finally {
      await watch.close();
      await ex.close();
      await stopWorker(a);
      await stopWorker(b);
    }
  });

  it('resumes a sweep after Redis restarts empty mid-sweep: lost jobs are submitted again, every draw exactly once', async () => {
    const q = `restart-${randomUUID().slice(0, 8)}`;
    const w = await startWorker(redis.url, q);
    workers.push(w);
    const ex = new QueueExecutor({ url: redis.url, queue: q, backoffMs: 100, log: () => {} });
    await ex.ready();
    let restarted = false;
    try {
      const { r, arrivals } = await countedSweep(ex, (done) => {
        if (restarted || done < 3) return;
        restarted = true;
        void redis
          .kill()
          .then(() => sleep(1000))
          .then(() => redis.start());
      });
      expect(restarted).toBe(true);
      expect(arrivals).toEqual(new Array(plan.spec.draws).fill(1));
      expect(comparable(r)).toEqual(comparable(reference));
    } finally {
      await ex.close();
      await stopWorker(w);
    }
  });

  it('fails clearly when Redis does not come back, without a partial result', async () => {
    const q = `down-${randomUUID().slice(0, 8)}`;
    const ex = new QueueExecutor({ url: redis.url, queue: q, downTimeoutMs: 2000, log: () => {} });
    await ex.ready();
    let down = false;
    try {
      const sweep = runSweep(plan, ex, {
        onProgress: () => {
          if (down) return;
          down = true;
          void redis.kill();
        },
      });
      await expect(sweep).rejects.toThrow(
        /Expected Redis at redis:\/\/127\.0\.0\.1:\d+\/? to come back, found it unreachable for 2 s; \d+ job\(s\) unfinished/,
      );
    } finally {
      await ex.close();
      await redis.start();
    }
  });
});
