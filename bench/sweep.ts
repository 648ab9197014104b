/**
 * The sweep benchmark: a sweep of the 2025 replay in the long run (sweeps/us-china-2025-long-run.yaml,
 * 100 draws unless LANCASTER_BENCH_SWEEP_DRAWS says otherwise) on the thread pool and on the BullMQ
 * queue with `lancaster worker` processes, 1 and 2 workers each, in the same run. Each side is warmed
 * up first (threads started, datasets loaded) with a one-draw sweep of another seed; the queue's
 * Redis is flushed before each timed run so that no result comes from the cache.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { PoolExecutor } from '../src/exec/pool.ts';
import { QueueExecutor } from '../src/exec/queue.ts';
import { redisSkipReason, startTestRedis } from '../test/support/exec/redis-server.ts';
import type { Executor } from '../src/contract/run.ts';
import { readSweepFile } from '../src/sweep/plan.ts';
import { runSweep } from '../src/sweep/run.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FILE = fileURLToPath(new URL('../sweeps/us-china-2025-long-run.yaml', import.meta.url));

export interface SweepBenchRun {
  executor: string;
  workers: number;
  runs: number;
  seconds: number;
  runsPerSecond: number;
  status: string;
}
export interface SweepBench {
  draws: number;
  runs: SweepBenchRun[];
  ratio1: number;
  ratio2: number;
  unavailable?: string;
}

async function timed(
  name: string,
  workers: number,
  ex: Executor,
  draws: number,
  before?: () => Promise<void>,
): Promise<SweepBenchRun> {
  await runSweep(readSweepFile(FILE, { draws: 1, seed: 99 }), ex); // warm-up: threads, datasets, code
  await before?.();
  const plan = readSweepFile(FILE, { draws });
  const t0 = performance.now();
  const r = await runSweep(plan, ex);
  const seconds = (performance.now() - t0) / 1000;
  return { executor: name, workers, runs: draws + 1, seconds, runsPerSecond: (draws + 1) / seconds, status: r.status };
}

function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--redis', url, '--queue', queue],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((res, rej) => {
    proc.stdout!.once('data', () => res(proc));
    proc.once('exit', (c) => rej(new Error(`lancaster worker exited with ${c} before it was ready`)));
  });
}

/** Runs the four sweeps; the ratios are queue draws/s over thread-pool draws/s. */
export async function benchSweep(draws = Number(process.env.LANCASTER_BENCH_SWEEP_DRAWS ?? 100)): Promise<SweepBench> {
  const runs: SweepBenchRun[] = [];
  for (const n of [1, 2]) {
    const pool = new PoolExecutor({ threads: n, preload: ['multisector-2025'] });
    try {
      runs.push(await timed('threads', n, pool, draws));
    } finally {
      await pool.close();
    }
  }
  const skip = redisSkipReason();
  if (skip) return { draws, runs, ratio1: NaN, ratio2: NaN, unavailable: skip };
  const redis = await startTestRedis();
  const flush = new Redis(redis.url);
  try {
    for (const n of [1, 2]) {
      const queue = `bench-${randomUUID().slice(0, 8)}`;
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(redis.url, queue)));
      const ex = new QueueExecutor({ url: redis.url, queue });
      try {
        await ex.ready();
        runs.push(await timed('queue', n, ex, draws, async () => void (await flush.flushall())));
      } finally {
        await ex.close();
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
      }
    }
  } finally {
    flush.disconnect();
    await redis.stop();
  }
  const rate = (e: string, n: number) => runs.find((r) => r.executor === e && r.workers === n)!.runsPerSecond;
  return { draws, runs, ratio1: rate('queue', 1) / rate('threads', 1), ratio2: rate('queue', 2) / rate('threads', 2) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchSweep();
  for (const x of r.runs)
    console.log(
      `${x.executor} ×${x.workers}: ${x.runs} runs in ${x.seconds.toFixed(1)} s = ${x.runsPerSecond.toFixed(3)} runs/s (${x.status})`,
    );
  console.log(
    r.unavailable
      ? `queue: unavailable (${r.unavailable})`
      : `queue / threads throughput: ${r.ratio1.toFixed(3)} (1 worker), ${r.ratio2.toFixed(3)} (2 workers); target ≥ 0.9`,
  );
}
