/**
 * Structural gravity benchmark: the three-way PPML of the GE_gravity example (7,568 international
 * flows of the 7,744-row WIOD panel; exporter-year, importer-year and pair effects, clustered
 * standard errors) and its GE counterfactual (44 countries, θ = 4), medians of repeated runs after
 * warm-up, raced against bench/ref_gravity.py (the same computations in numpy) in the same run.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGravityFile } from '../src/scenario/gravity/parse.ts';
import { estimate, counterfactual } from '../src/scenario/gravity/run.ts';
import { bootstrapChunk } from '../src/scenario/gravity/bootstrap.ts';
import { median } from './reference.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface GravityBench {
  ppml: { medianSeconds: number; iterations: number; sweeps: number; coef: number; observations: number };
  ge: { medianSeconds: number; iterations: number };
  bootstrapSecondsPerReplication: number;
  reference: { ppmlSeconds: number; geSeconds: number; coef: number } | { unavailable: string };
}

/** Times `reps` PPML fits and GE solves of scenarios/gravity/eu-enlargement.yaml. */
export function benchGravity(reps = 7): GravityBench {
  const p = loadGravityFile(join(ROOT, 'scenarios', 'gravity', 'eu-enlargement.yaml'));
  // Three warm-up fits: V8 optimises the kernels over the first few (the first takes ~4× longer).
  let fit = estimate(p);
  for (let r = 0; r < 2; r++) fit = estimate(p);
  const tp: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fit = estimate(p);
    tp.push((performance.now() - t0) / 1000);
  }
  const b = fit.coef[0];
  let ge = counterfactual(p, b, 'additive');
  const tg: number[] = [];
  for (let r = 0; r < 3 * reps; r++) {
    const t0 = performance.now();
    ge = counterfactual(p, b, 'additive');
    tg.push((performance.now() - t0) / 1000);
  }
  const t0 = performance.now();
  bootstrapChunk(p, 1, 0, 3);
  const perRep = (performance.now() - t0) / 3000;
  const ref = spawnSync(
    'python3',
    [join(ROOT, 'bench', 'ref_gravity.py'), join(ROOT, 'data', 'gravity', 'wiod-fta-2000-2014.csv'), '3'],
    { encoding: 'utf8' },
  );
  let reference: GravityBench['reference'];
  if (ref.status !== 0)
    reference = {
      unavailable: `python3 exited with ${ref.status ?? ref.signal}: ${(ref.stderr || String(ref.error ?? '')).slice(0, 200)}`,
    };
  else {
    const j = JSON.parse(ref.stdout.trim().split('\n').pop()!) as {
      ppml_seconds: number;
      ge_seconds: number;
      eu_enlargement: number;
    };
    reference = { ppmlSeconds: j.ppml_seconds, geSeconds: j.ge_seconds, coef: j.eu_enlargement };
  }
  return {
    ppml: {
      medianSeconds: median(tp),
      iterations: fit.iterations,
      sweeps: fit.innerIterations,
      coef: b,
      observations: fit.nobs,
    },
    ge: { medianSeconds: median(tg), iterations: ge.iterations },
    bootstrapSecondsPerReplication: perRep,
    reference,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(benchGravity(), null, 2));
