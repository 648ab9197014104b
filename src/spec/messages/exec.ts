/**
 * Messages of running jobs (src/exec, src/contract): executors, the queue and its workers, run
 * handlers and their progress phrases. Rules of the catalogue: src/spec/messages/README.md.
 */

// Run kinds and handlers

export const unsupportedKind = (supported: string[], kind: string) =>
  `Expected a run kind this server can run (${supported.join(', ')}), ` +
  `found "${kind}": ${kind} runs are not supported yet`;

export const unknownKind = (supported: string[], kind: string) =>
  `Expected a run kind (${supported.join(', ')}), found "${kind}"`;

export const noHandlerExport = (module: string) =>
  `Expected module ${module} to export a run handler named "handler", found none`;

export const notBuiltinHandler = (module: string) =>
  `Expected a built-in handler module (src/exec/handlers) for a queued job, found ${module}`;

export const noTimelineSection = () => 'Expected a scenario with a timeline section for a timeline run, found none';

export const noStrategySection = () => 'Expected a scenario with a strategy section for a strategy run, found none';

export const noBootstrapSection = () => 'Expected a scenario with a bootstrap section, found none';

// Executors

export const runCancelled = (id: string) => `Run ${id} was cancelled before it finished`;

export const executorClosed = () => 'Expected an open executor, found it closed';

export const executorClosedEarly = () =>
  'Expected the queue executor to stay open until its jobs finished, found it closed';

// Redis and the queue

export const badRedisUrl = (url: string) => `Expected a Redis URL like redis://127.0.0.1:6379, found "${url}"`;

export const badRedisScheme = (url: string) => `Expected a redis:// or rediss:// URL, found "${url}"`;

export const badRedisDb = (url: string, found: string) =>
  `Expected a database number after the port of ${url}, found "${found}"`;

export const redisSilent = (url: string, seconds: number) =>
  `Expected Redis at ${url}, found no answer within ${seconds} s`;

export const redisGone = (url: string, seconds: number, unfinished: number) =>
  `Expected Redis at ${url} to come back, found it unreachable for ${seconds} s; ${unfinished} ` +
  `job(s) unfinished (results already computed stay cached under their keys)`;

export const queuedJobFailed = (id: string, attempts: number, reason: string) =>
  `Run ${id} failed after ${attempts} attempt(s): ${reason}`;

export const jobResubmitted = (id: string) =>
  `lancaster: job ${id} is no longer in Redis (restarted?); submitting it again`;

export const noQueueWorker = (queue: string, url: string) =>
  `lancaster: no worker is listening on queue ${queue} yet (start one with: ` +
  `lancaster worker --redis ${url}); jobs wait in Redis`;

export const wrongCode = (expected: string, found: string) =>
  `Expected a job of code ${expected}, found one of ${found}`;

export const workerLacksDataset = (dataset: string, worker: string, reason: string) =>
  `Expected dataset ${dataset} on worker ${worker}, found none: ${reason}`;

export const workerDatasetDiffers = (dataset: string, expected: string, found: string, worker: string) =>
  `Expected dataset ${dataset} with content hash ${expected}, found ` +
  `${found} on worker ${worker}: rebuild or copy the dataset`;

export const workerStarted = (id: string, threads: number, queue: string, url: string) =>
  `lancaster worker ${id}: ${threads} thread(s) on queue ${queue} at ${url}`;

export const workerError = (message: string) => `lancaster worker: ${message}`;

export const workerAttemptFailed = (job: string, attempt: string, message: string) =>
  `lancaster worker: job ${job} attempt ${attempt} failed: ${message}`;

// Progress phrases (shown after a percentage: lower case)

export const progress = {
  cached: 'cached result',
  retrying: (reason: string | undefined) => `attempt failed${reason ? `: ${reason}` : ''}; retrying`,
  parsing: 'parsing the scenario',
  reading: 'reading the scenario and its data',
  solving: (model: string) => `solving ${model}`,
  iteration: (label: string, iteration: number, residual: string) =>
    `${label}: iteration ${iteration}, residual ${residual}`,
  estimating: (name: string) => `estimating ${name}`,
  analysing: 'analysing the domain',
  outcomes: (n: number) => `${n} outcomes`,
  replications: (from: number, to: number) => `replications ${from}–${to}`,
  bootstrap: (done: number, total: number) => `bootstrap: ${done} of ${total} replications`,
  strategy: (kind: string, instruments: number) => `${kind} with ${instruments} instruments`,
  negotiating: (session: string, linkage: string, round: number) =>
    `negotiating: ${session} (${linkage}), round ${round}`,
  sweep: (done: number, total: number, failed: number, left: string | undefined) =>
    `${done} of ${total} runs${failed ? `, ${failed} failed` : ''}${left ? `, about ${left} left` : ''}`,
};

// src/exec/redis-test-server.ts

export const redisServerAnswer = (url: string | number, ms: string | number) =>
  `Expected redis-server at ${url} to answer within ${ms} ms, found no answer`;
