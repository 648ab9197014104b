/**
 * Issue 11's code figures, for the closing notes: folder cycles (dependency-cruiser's module graph
 * of src/ collapsed to its folders), unused exports and types (knip with the tree's own
 * knip.jsonc), lines over 120 characters, and functions over 80 lines (the TypeScript compiler's
 * parse) in src/ without tests and in web/src.
 *
 *   npm run stats [-- --list] [-- --before <commit>]
 *
 * With --before, the same figures are measured first on that commit's tree (git archive into a
 * temporary folder that borrows this checkout's node_modules), then on the working tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const list = args.includes('--list');
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? args[beforeAt + 1] : undefined;
const here = resolve('.');

/** The roots whose functions and lines are counted; src excludes its tests. */
const ROOTS = [
  { name: 'src (non-test)', dir: 'src', tests: false },
  { name: 'web/src', dir: 'web/src', tests: false },
] as const;

const isTest = (p: string) => /\.test\.tsx?$/.test(p) || /\.e2e\.test\.ts$/.test(p);

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    if (n === 'node_modules' || n === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mts|mjs)$/.test(n) ? [p] : [];
  });
}

function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

interface Sizes {
  longLines: number;
  longFunctions: string[];
}

/** Lines over 120 characters and functions (with a body) over 80 lines, counted inclusively. */
function sizes(tree: string, dir: string): Sizes {
  const out: Sizes = { longLines: 0, longFunctions: [] };
  for (const f of files(join(tree, dir)).filter((p) => !isTest(p))) {
    const text = readFileSync(f, 'utf8');
    out.longLines += text.split('\n').filter((l) => l.length > 120).length;
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const a = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const b = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (b - a + 1 > 80)
          out.longFunctions.push(`${relative(tree, f)}:${a + 1} ${functionName(node)} (${b - a + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Cycles between the folders of src/: strongly connected groups of more than one folder. */
function folderCycles(tree: string): string[][] {
  const r = spawnSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (!r.stdout) throw new Error(`Expected dependency-cruiser's JSON in ${tree}, found nothing (${r.stderr.trim()})`);
  const graph = new Map<string, Set<string>>();
  const folder = (p: string) =>
    p.startsWith('src/') ? (p.split('/').length > 2 ? p.split('/')[1] : '(src)') : undefined;
  const modules = (JSON.parse(r.stdout) as { modules: { source: string; dependencies: { resolved: string }[] }[] })
    .modules;
  for (const m of modules) {
    const a = folder(m.source);
    if (!a || isTest(m.source)) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    for (const dep of m.dependencies) {
      const b = folder(dep.resolved);
      if (b && b !== a) graph.get(a)!.add(b);
    }
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    on = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size), low.set(v, index.get(v)!), stack.push(v), on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) connect(w), low.set(v, Math.min(low.get(v)!, low.get(w)!));
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do (w = stack.pop()!), on.delete(w), group.push(w);
    while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return groups;
}

/** knip's unused exports and types, by its JSON reporter (the tree's own configuration). */
function unusedExports(tree: string): { exports: number; types: number; files: number } {
  const r = spawnSync('npx', ['knip', '--reporter', 'json', '--no-exit-code'], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  let report: { issues: { exports?: unknown[]; types?: unknown[] }[]; files?: unknown[] };
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`Expected knip's JSON in ${tree}, found: ${(r.stdout || r.stderr).slice(0, 300)}`);
  }
  const sum = (k: 'exports' | 'types') => report.issues.reduce((a, i) => a + (i[k]?.length ?? 0), 0);
  const unusedFiles =
    report.files?.length ?? report.issues.filter((i) => (i as { files?: unknown[] }).files?.length).length;
  return { exports: sum('exports'), types: sum('types'), files: unusedFiles };
}

function measure(tree: string, label: string) {
  const cycles = folderCycles(tree);
  const knip = unusedExports(tree);
  process.stdout.write(`${label}\n`);
  process.stdout.write(
    `  folder cycles in src: ${cycles.length}${cycles.map((c) => ` [${c.join(' ↔ ')}]`).join('')}\n`,
  );
  process.stdout.write(
    `  knip: ${knip.exports} unused exports, ${knip.types} unused types, ${knip.files} unused files\n`,
  );
  for (const root of ROOTS) {
    const s = sizes(tree, root.dir);
    process.stdout.write(
      `  ${root.name}: ${s.longLines} lines over 120 characters, ${s.longFunctions.length} functions over 80 lines\n`,
    );
    if (list) for (const f of s.longFunctions) process.stdout.write(`    ${f}\n`);
  }
}

if (before) {
  const tree = mkdtempSync(join(tmpdir(), 'lancaster-stats-'));
  try {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(before)} | tar -x -C ${JSON.stringify(tree)}`], {
      stdio: 'inherit',
    });
    symlinkSync(join(here, 'node_modules'), join(tree, 'node_modules'));
    measure(tree, `before (${before})`);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
measure(here, 'now (working tree)');
