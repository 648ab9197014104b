/**
 * Worker-thread entry of the PoolExecutor (a ThreadPool). Each worker preloads the datasets listed
 * in `workerData.preload` once; the dataset cache of src/data/load.ts keeps them for every later job.
 * Progress goes back over the MessagePort sent with each task.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { loadDataset } from '../data/load.ts';
import type { ExecEvent, Job } from '../contract/run.ts';
import { importHandler } from './registry.ts';

/** The data of every executor worker. */
export interface WorkerData {
  preload: string[];
}

for (const id of (workerData as WorkerData | undefined)?.preload ?? []) {
  try {
    loadDataset(id);
  } catch {
    // A dataset that fails to load is reported by the job that needs it.
  }
}

/** One task: a job and the port its events are posted to. */
export interface WorkerTask {
  job: Job;
  port: MessagePort;
}

/** What a task posts on its port: its events, then `end` once (the pool waits for it, see pool.ts). */
export type PortMessage = ExecEvent | { type: 'end' };

/** Runs one job in this worker thread. */
export default async function runTask({ job, port }: WorkerTask): Promise<unknown> {
  const post = (e: PortMessage) => port.postMessage(e);
  try {
    const handler = await importHandler(job.module);
    post({ type: 'started' });
    return await handler.run(job.input, (p) => post({ type: 'progress', ...p }));
  } finally {
    post({ type: 'end' });
    port.close();
  }
}
