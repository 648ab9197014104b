/** Per-dataset cache of the calibrated baseline (datasets are read-only once loaded). */
import type { Dataset } from '../../data/dataset.ts';
import { calibrateBaseline, type OneSectorBaseline } from './baseline.ts';

const baselines = new WeakMap<Dataset, OneSectorBaseline>();

/** The calibrated baseline of `d`, computed once per dataset object. */
export function baselineOf(d: Dataset): OneSectorBaseline {
  let b = baselines.get(d);
  if (!b) {
    b = calibrateBaseline(d);
    baselines.set(d, b);
  }
  return b;
}
