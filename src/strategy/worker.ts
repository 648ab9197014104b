/**
 * A strategy pool worker: builds the solver of its `workerData` (an EvalSpec) once — the dataset
 * is loaded and the baseline calibrated once per worker — then evaluates policy points.
 */
import { workerData } from 'node:worker_threads';
import { makeSolver, type EvalSpec, type PointEval } from './models.ts';

const solver = makeSolver(workerData as EvalSpec);

/** One task: instrument values and an optional packed warm state. */
export interface WorkerTask {
  x: Float64Array;
  warm?: unknown;
}

/** Evaluates one policy point. */
export default function evaluate(task: WorkerTask): PointEval {
  return solver.evaluate(task.x, task.warm);
}
