/**
 * TEST ONLY: `src/server/main.ts` with the slow `solve` handler (test/support/exec/handlers/
 * slow-solve.ts, delay from LANCASTER_TEST_DELAY_MS), so crash tests can kill a server while a
 * run is running.
 */
import { parseArgs } from 'node:util';
import { parsePort, serve } from '../../../src/server/cli.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, threads: { type: 'string' } },
});

serve({
  port: values.port === undefined ? undefined : parsePort(values.port),
  db: values.db,
  threads: values.threads === undefined ? undefined : parsePort(values.threads),
  handlers: { solve: new URL('../exec/handlers/slow-solve.ts', import.meta.url).href },
}).catch((e: Error) => {
  process.stderr.write(`lancaster: ${e.message}\n`);
  process.exit(1);
});
