/**
 * The full 2025 replay (all partners, every dated step, both horizons plus the BLP-levels
 * sensitivity, monthly paths and the fit), as `npm start` runs it: buildReport end to end.
 */
import { join } from 'node:path';
import { readScenarioFile } from '../src/scenario/parse.ts';
import { buildReport } from '../src/report/build.ts';
import { SCENARIO_DIR } from '../src/cli/run.ts';

export function benchReplay(repeats = 3) {
  const p = readScenarioFile(join(SCENARIO_DIR, 'us-china-2025.yaml'));
  const times: number[] = [];
  let steps = 0,
    solves = 0,
    status = '';
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    const r = buildReport(p);
    times.push((performance.now() - t0) / 1000);
    steps = r.steps.length;
    solves = 3 * r.steps.filter((s) => s.solved).length;
    status = r.status;
  }
  times.sort((a, b) => a - b);
  return { medianSeconds: times[Math.floor(times.length / 2)], times, steps, solves, status };
}
