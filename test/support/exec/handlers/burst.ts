/**
 * TEST ONLY: a handler that reports a burst of progress events (as many as its input says) and
 * returns at once, so the last events and the result leave the worker together: the pool tests
 * check that every event is delivered before the result.
 */
import type { RunHandler } from '../../../../src/contract/run.ts';

/** Input: the number of progress events; result: `{ sent }`. */
export const handler: RunHandler = {
  check: () => ({}),
  async run(input, progress) {
    const n = Number(input);
    for (let k = 1; k <= n; k++) progress({ fraction: k / n, message: `event ${k} of ${n}` });
    return { sent: n };
  },
};
