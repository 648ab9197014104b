/**
 * Defines one test per example scenario of a command: its `--json` output agrees with its golden
 * (test/golden/*.json, recorded with `npm run golden:record`), numbers rounded to 1e-9 (12
 * significant digits above 1e3). One test file per command, so vitest runs them in parallel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, contractProblems, goldenCases, goldenRun, type Command } from './scenarios.ts';
import { formatMoved, withinRounding } from './diff.ts';

export function defineGoldenTests(command: Command): void {
  const cases = goldenCases((p) => readFileSync(p, 'utf8')).filter((c) => c.command === command);
  describe(`lancaster ${command} --json of every example scenario validates against the result schema and matches its golden`, () => {
    for (const c of cases) {
      it.skipIf(Boolean(c.slow))(c.file, { timeout: 600_000 }, async () => {
        const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, c.golden), 'utf8'));
        const { raw, normalized } = await goldenRun(c);
        expect(contractProblems(c, raw), 'the result validates against the result schema (docs/results.md)').toEqual(
          [],
        );
        const moved = formatMoved(c.golden, withinRounding(golden, normalized));
        expect(moved.slice(0, 40), `${moved.length} fields moved (npm run golden:diff lists them)`).toEqual([]);
      });
    }
  });
}
