/**
 * TEST ONLY: starts a throw-away PostgreSQL cluster on 127.0.0.1 (initdb + pg_ctl of Debian's
 * postgresql package, found on PATH or in /usr/lib/postgresql/<version>/bin) for the PgRunStore
 * tests, or says why it cannot. As root the cluster runs as the package's `postgres` user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** A running temporary cluster. */
export interface TestPostgres {
  url: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** A server binary of the newest installed Debian PostgreSQL (Debian keeps them off PATH), else the name for PATH. */
function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? join(root, versions[0], 'bin', name) : name;
}

/** Starts a cluster, or returns the reason it could not (the tests are then skipped). */
export async function startTestPostgres(): Promise<TestPostgres | { skip: string }> {
  const asRoot = userInfo().uid === 0;
  const run = (name: string, args: string[]) => {
    const cmd = pgBin(name);
    return execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: 'pipe',
      timeout: 30_000,
    });
  };
  try {
    execFileSync(pgBin('initdb'), ['--version'], { stdio: 'pipe' });
  } catch {
    return { skip: 'no PostgreSQL server binaries (initdb) on this machine: apt-get install postgresql' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-pg-'));
  try {
    if (asRoot)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres']).toString()),
        Number(execFileSync('id', ['-g', 'postgres']).toString()),
      );
    const port = await freePort();
    run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'lancaster', '--no-sync']);
    run('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    return {
      url: `postgres://lancaster@127.0.0.1:${port}/postgres`,
      stop() {
        try {
          run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `could not start a temporary PostgreSQL: ${(e as Error).message.split('\n')[0]}` };
  }
}
