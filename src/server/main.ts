/**
 * Script entry of the server: `node --import tsx src/server/main.ts [--port N] [--db PATH]`
 * (what `lancaster serve` runs). Prints the URL on stdout.
 */
import { parseArgs } from 'node:util';
import { parsePort, serve } from './cli.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    threads: { type: 'string' },
    token: { type: 'string' },
    'allow-host': { type: 'string' },
    'rate-limit': { type: 'string' },
  },
});

serve({
  port: values.port === undefined ? undefined : parsePort(values.port),
  host: values.host,
  db: values.db,
  threads: values.threads === undefined ? undefined : parsePort(values.threads),
  token: values.token,
  allowHost: values['allow-host']?.split(','),
  rateLimit: values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']),
}).catch((e: Error) => {
  process.stderr.write(`lancaster: ${e.message}\n`);
  process.exit(e instanceof RangeError ? 2 : 1);
});
