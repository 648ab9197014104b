/**
 * The sweep benchmark: a sweep of the 2025 replay in the long run (sweeps/us-china-2025-long-run.yaml,
 * 100 draws unless LANCASTER_BENCH_SWEEP_DRAWS says otherwise) on the thread pool and on the BullMQ
 * queue with `lancaster worker` processes, 1 and 2 workers each, in the same run. Each side is warmed
 * up first (threads started, datasets loaded) with a one-draw sweep of another seed; the queue's
 * Redis is flushed before each timed run so that no result comes from the cache. The two sides of
 * each worker count run one after the other (threads n, then queue n), so that a change of the
 * machine's speed during the bench falls between ratios rather than inside one. Each run also
 * gives the CPU seconds per run of the processes that compute (this one's pool threads; the
 * `lancaster worker` processes, read from /proc), which load on the machine moves much less than
 * wall time: equal CPU per run with unequal throughput means waiting, not work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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
  /** CPU seconds per run of the computing processes (NaN where /proc is absent). */
  cpuSecondsPerRun: number;
  status: string;
}
export interface SweepBench {
  draws: number;
  runs: SweepBenchRun[];
  ratio1: number;
  ratio2: number;
  unavailable?: string;
}

/** CPU seconds of this process (all its threads). */
function ownCpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

/** CPU seconds (user + system) of other processes, from /proc/<pid>/stat; NaN where there is no /proc. */
function processCpuSeconds(pids: number[]): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const ticks = pids.map((pid) => {
    // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  });
  return ticks.reduce((a, t) => a + t, 0) / 100; // USER_HZ is 100 on Linux
}

async function timed(
  name: string,
  workers: number,
  ex: Executor,
  draws: number,
  cpuSeconds: () => number,
  before?: () => Promise<void>,
): Promise<SweepBenchRun> {
  await runSweep(readSweepFile(FILE, { draws: 1, seed: 99 }), ex); // warm-up: threads, datasets, code
  await before?.();
  const plan = readSweepFile(FILE, { draws });
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const r = await runSweep(plan, ex);
  const seconds = (performance.now() - t0) / 1000;
  const runs = draws + 1;
  return {
    executor: name,
    workers,
    runs,
    seconds,
    runsPerSecond: runs / seconds,
    cpuSecondsPerRun: (cpuSeconds() - c0) / runs,
    status: r.status,
  };
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

async function poolRun(n: number, draws: number): Promise<SweepBenchRun> {
  const pool = new PoolExecutor({ threads: n, preload: ['multisector-2025'] });
  try {
    return await timed('threads', n, pool, draws, ownCpuSeconds);
  } finally {
    await pool.close();
  }
}

async function queueRun(n: number, draws: number, url: string, flush: Redis): Promise<SweepBenchRun> {
  const queue = `bench-${randomUUID().slice(0, 8)}`;
  const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url, queue)));
  const ex = new QueueExecutor({ url, queue });
  // The workers compute; this process only submits and gathers (its share is counted too).
  const cpu = () => processCpuSeconds(workers.map((w) => w.pid!)) + ownCpuSeconds();
  try {
    await ex.ready();
    return await timed('queue', n, ex, draws, cpu, async () => void (await flush.flushall()));
  } finally {
    await ex.close();
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
  }
}

/** Runs the four sweeps (threads 1, queue 1, threads 2, queue 2); the ratios are queue draws/s over thread-pool draws/s. */
export async function benchSweep(draws = Number(process.env.LANCASTER_BENCH_SWEEP_DRAWS ?? 100)): Promise<SweepBench> {
  const runs: SweepBenchRun[] = [];
  const skip = redisSkipReason();
  if (skip) {
    for (const n of [1, 2]) runs.push(await poolRun(n, draws));
    return { draws, runs, ratio1: NaN, ratio2: NaN, unavailable: skip };
  }
  const redis = await startTestRedis();
  const flush = new Redis(redis.url);
  try {
    for (const n of [1, 2]) {
      runs.push(await poolRun(n, draws));
      runs.push(await queueRun(n, draws, redis.url, flush));
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
      `${x.executor} ×${x.workers}: ${x.runs} runs in ${x.seconds.toFixed(1)} s = ${x.runsPerSecond.toFixed(3)} runs/s, CPU ${x.cpuSecondsPerRun.toFixed(2)} s/run (${x.status})`,
    );
  console.log(
    r.unavailable
      ? `queue: unavailable (${r.unavailable})`
      : `queue / threads throughput: ${r.ratio1.toFixed(3)} (1 worker), ${r.ratio2.toFixed(3)} (2 workers); target ≥ 0.9`,
  );
}
