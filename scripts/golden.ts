/**
 * Golden results of every example scenario (test/golden/*.json; checked by test/golden.test.ts).
 *
 *   npm run golden:record [-- --slow] [name...]   re-run and rewrite the goldens
 *   npm run golden:diff   [-- --slow] [name...]   re-run and print what moved, write nothing
 *
 * Both print every field that moved by more than 1e-6 (`golden: path before -> after (Δ)`), one
 * per line, to paste into the commit message of a re-record. `--slow` includes the cases left out
 * of `npm test` (see SLOW in test/support/golden/scenarios.ts); names filter by substring.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import {
  GOLDEN_DIR,
  goldenCases,
  goldenOutput,
  goldenText,
  type GoldenCase,
} from '../test/support/golden/scenarios.ts';
import { diffValues, formatMoved } from '../test/support/golden/diff.ts';

const args = process.argv.slice(2);
const mode = args[0];
if (mode !== 'record' && mode !== 'diff') {
  process.stderr.write('usage: tsx scripts/golden.ts record|diff [--slow] [name...]\n');
  process.exit(2);
}
const slow = args.includes('--slow');
const names = args.slice(1).filter((a) => !a.startsWith('--'));
const cases = goldenCases((p) => readFileSync(p, 'utf8')).filter(
  (c) => (slow || !c.slow) && (names.length === 0 || names.some((n) => c.file.includes(n))),
);

async function one(c: GoldenCase): Promise<{ lines: string[]; failed?: string }> {
  const t0 = Date.now();
  let after: unknown;
  try {
    after = await goldenOutput(c);
  } catch (e) {
    return { lines: [], failed: (e as Error).message };
  }
  const path = join(GOLDEN_DIR, c.golden);
  const before = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  const lines =
    before === undefined ? [`${c.golden}: new golden`] : formatMoved(c.golden, diffValues(before, after, 1e-6));
  if (mode === 'record') writeFileSync(path, goldenText(after));
  process.stderr.write(`${c.file}: ${lines.length} moved, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return { lines };
}

mkdirSync(GOLDEN_DIR, { recursive: true });
const results: { lines: string[]; failed?: string }[] = new Array(cases.length);
let next = 0;
const lanes = Math.max(1, Math.min(2, availableParallelism()));
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await one(cases[i]);
    }
  }),
);
const skipped = goldenCases((p) => readFileSync(p, 'utf8')).filter((c) => c.slow && !slow);
for (const c of skipped) process.stderr.write(`skipped ${c.file} (${c.slow}); add --slow to include it\n`);
const moved = results.flatMap((r) => r.lines);
process.stdout.write(moved.length ? `${moved.join('\n')}\n` : 'no field moved by more than 1e-6\n');
const failed = results.map((r, i) => (r.failed ? `${cases[i].file}: ${r.failed}` : '')).filter(Boolean);
if (failed.length) {
  process.stderr.write(`${failed.join('\n')}\n`);
  process.exit(1);
}
if (mode === 'diff' && moved.length) process.exit(1);
