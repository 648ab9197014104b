/**
 * `npm run data:build`: rebuilds every embedded dataset from ../shared/data/raw and prints the
 * checks of each build. The results are committed; users never need the raw inputs.
 */
import { buildCp2015 } from './cp2015.ts';
import { buildWorld2023 } from './world2023.ts';
import { buildMultisector2025 } from './multisector2025.ts';

const steps: [string, () => unknown][] = [
  ['cp2015', () => buildCp2015()],
  ['world-2023', () => buildWorld2023()],
  ['multisector-2025', () => buildMultisector2025()],
];
for (const [id, build] of steps) {
  console.error(`== building ${id}`);
  await build();
}
