/**
 * Size figures of the code base, for the architecture notes: lines over 120 characters and
 * functions over 80 lines, per top folder (src, web/src, bench, scripts, test).
 *
 *   npx tsx scripts/code-stats.ts [--list] [dir...]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const list = args.includes('--list');
const dirs = args.filter((a) => !a.startsWith('--'));
const roots = dirs.length ? dirs : ['src', 'web/src', 'web/e2e', 'bench', 'scripts', 'test'];

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

let long = 0;
let bigFns = 0;
const rows: string[] = [];
for (const root of roots) {
  let rootLong = 0;
  let rootFns = 0;
  for (const f of files(root)) {
    const text = readFileSync(f, 'utf8');
    rootLong += text.split('\n').filter((l) => l.length > 120).length;
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const a = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const b = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (b - a + 1 > 80) {
          rootFns++;
          if (list) rows.push(`${f}:${a + 1} ${functionName(node)} ${b - a + 1} lines`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  process.stdout.write(`${root}: ${rootLong} lines over 120 characters, ${rootFns} functions over 80 lines\n`);
  long += rootLong;
  bigFns += rootFns;
}
process.stdout.write(`total: ${long} lines over 120 characters, ${bigFns} functions over 80 lines\n`);
if (list) process.stdout.write(`${rows.join('\n')}\n`);
