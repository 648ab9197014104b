/**
 * The package as users get it: `npm pack`, the tarball installed into an empty project, a solve
 * through `import { … } from 'lancaster'`, its types checked by tsc, and the `lancaster` bin.
 * Dependencies come from npm's cache when present (--prefer-offline) and install scripts are
 * skipped (better-sqlite3 would compile; a solve does not need it). Takes ~20–60 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = process.execPath;
const NPM = process.env.npm_execpath?.endsWith('.js') ? [NODE, process.env.npm_execpath] : ['npm'];
const dir = mkdtempSync(join(tmpdir(), 'lancaster-pack-'));
const project = join(dir, 'consumer');

function npm(args: string[], cwd: string): string {
  const [cmd, ...pre] = NPM;
  return execFileSync(cmd, [...pre, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return path.endsWith('.test.ts') ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** Rebuilds dist/ when it is missing or older than the sources (what bin/lancaster.js checks). */
function ensureBuilt() {
  const stamp = join(ROOT, 'dist', '.built');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest(join(ROOT, 'src'))) return;
  execFileSync(NODE, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(NODE, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(NODE, ['scripts/stamp-build.mjs'], { cwd: ROOT });
}

beforeAll(() => {
  ensureBuilt();
  const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const files = packed[0].files.map((f) => f.path);
  // The tarball carries the build, the data and the scenarios, not the sources or the tests.
  expect(files).toEqual(
    expect.arrayContaining([
      'dist/index.js',
      'dist/index.d.ts',
      'dist/bundle/main.cjs',
      'dist/bundle/main.cjs.sha256',
      'bin/code-cache.js',
      'bin/lancaster.js',
      'data/cp2015/dataset.json',
      'scenarios/nafta-cp2015.yaml',
    ]),
  );
  expect(files.filter((f) => f.startsWith('src/') || f.includes('.test.') || f.startsWith('.cache/'))).toEqual([]);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(
    [
      'install',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel',
      'error',
      join(dir, packed[0].filename),
    ],
    project,
  );
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

describe('the installed package', () => {
  it("solves the NAFTA scenario through import { … } from 'lancaster'", () => {
    writeFileSync(
      join(project, 'solve.mjs'),
      [
        "import { readScenarioFile, solveScenario, loadDataset, embeddedDatasetIds } from 'lancaster';",
        "import { createRequire } from 'node:module';",
        "const file = new URL('./node_modules/lancaster/scenarios/nafta-cp2015.yaml', import.meta.url).pathname;",
        'const r = solveScenario(readScenarioFile(file));',
        "console.log(JSON.stringify({ status: r.status, mex: r.countries.MEX.welfare_pct, ids: embeddedDatasetIds(), N: loadDataset('cp2015').N }));",
      ].join('\n'),
    );
    const out = JSON.parse(execFileSync(NODE, ['solve.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out.status).toBe('converged');
    expect(out.mex).toBeCloseTo(1.31, 2);
    expect(out.ids).toEqual(expect.arrayContaining(['cp2015', 'multisector-2025', 'world-2023']));
    expect(out.N).toBe(31);
  });

  it('type-checks a TypeScript consumer against the published types', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { parseScenarioText, solveScenario, type ModelResult, type StrategyOutcome, type TimelineRun, type TradeNegotiationRun } from 'lancaster';",
        "const r: ModelResult = solveScenario(parseScenarioText('lancaster: 1', 'inline.yaml'));",
        'const welfare: number | undefined = r.countries.USA?.welfare_pct;',
        'export type Results = [StrategyOutcome, TimelineRun, TradeNegotiationRun, typeof welfare];',
        '// @ts-expect-error: the result status is a closed set',
        "const bad: ModelResult['status'] = 'maybe';",
        'void bad;',
      ].join('\n'),
    );
    execFileSync(NODE, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: project,
      encoding: 'utf8',
    });
  });

  it('installs the lancaster command, which runs the compiled CLI', () => {
    const help = execFileSync(join(project, 'node_modules', '.bin', 'lancaster'), ['--help'], { encoding: 'utf8' });
    expect(help).toMatch(/^Usage: lancaster/);
    expect(help).toMatch(/\bsolve \[options\] <file>/);
  });

  it('solves through the bundled CLI, whose data, scenario and worker paths resolve as from dist/', () => {
    const bin = join(project, 'node_modules', '.bin', 'lancaster');
    const scenarios = join(project, 'node_modules', 'lancaster', 'scenarios');
    const r = JSON.parse(
      execFileSync(bin, ['solve', join(scenarios, 'nafta-cp2015.yaml'), '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as { status: string; countries: Record<string, { welfare_pct: number }> };
    expect(r.status).toBe('converged');
    expect(r.countries.MEX.welfare_pct).toBeCloseTo(1.31, 2);
    // A strategy run on two worker threads: the pool's worker modules are found from the bundle.
    const s = JSON.parse(
      execFileSync(
        bin,
        ['strategy', join(scenarios, 'strategy', 'us-optimal-uniform.yaml'), '--json', '--workers', '2'],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      ),
    ) as { converged?: boolean; status?: string };
    expect(s.converged ?? s.status === 'converged').toBe(true);
  }, 300_000);

  it("compiles the bundle from V8's code cache its first solve wrote, with the same answer", () => {
    const bin = join(project, 'node_modules', '.bin', 'lancaster');
    const nafta = join(project, 'node_modules', 'lancaster', 'scenarios', 'nafta-cp2015.yaml');
    const cache = join(dir, 'start-caches');
    const solve = (env: Record<string, string> = {}) =>
      execFileSync(bin, ['solve', nafta, '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LANCASTER_CACHE_DIR: cache, ...env },
      }).replace(/"seconds": *[0-9.e+-]+/g, '"seconds": 0');
    const codeCaches = () => readdirSync(cache).filter((f) => f.endsWith('.v8cache'));
    const off = solve({ LANCASTER_CODE_CACHE: 'off' });
    expect(codeCaches()).toEqual([]);
    expect(solve()).toBe(off); // writes the cache (and the calibrated baseline)
    const [name] = codeCaches();
    expect(name).toMatch(/^main-[0-9a-f]{16}\.v8cache$/);
    expect(solve()).toBe(off); // reads it
    writeFileSync(join(cache, name), 'not a code cache');
    expect(solve()).toBe(off); // V8 rejects it: compiled from source, and the cache written again
    expect(statSync(join(cache, name)).size).toBeGreaterThan(100_000);
  }, 120_000);
});
