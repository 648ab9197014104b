/**
 * TEST ONLY: a `solve` handler that first waits LANCASTER_TEST_DELAY_MS milliseconds (reporting
 * progress) so crash and SSE tests can catch a run while it is running. Registered by
 * test/support/server/main-slow.ts and the live-update tests.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { handler as solve } from '../../../../src/exec/handlers/solve.ts';
import type { RunHandler } from '../../../../src/contract/run.ts';

/** The delay read from LANCASTER_TEST_DELAY_MS (0 when unset or not a number). */
export function testDelayMs(): number {
  const v = Number(process.env.LANCASTER_TEST_DELAY_MS ?? 0);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** `solve` preceded by a visible wait of LANCASTER_TEST_DELAY_MS. */
export const handler: RunHandler = {
  check: solve.check,
  async run(input, progress) {
    const ms = testDelayMs();
    const steps = 4;
    for (let k = 0; k < steps; k++) {
      progress({ fraction: (0.5 * k) / steps, message: `test delay ${k + 1}/${steps}` });
      await sleep(ms / steps);
    }
    return solve.run(input, (p) => progress({ fraction: 0.5 + 0.5 * p.fraction, message: p.message }));
  },
};
