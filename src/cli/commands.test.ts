import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildProgram } from './main.ts';
import { COMMANDS } from './commands.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Specifiers of the imports that load code when `file` loads (not `import type`, not `import()`). */
function valueImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      const typeOnly =
        c !== undefined &&
        (c.isTypeOnly ||
          (!c.name &&
            c.namedBindings !== undefined &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
      out.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

/** Every local file and package that loading `entry` loads before any command runs. */
function startupClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    for (const s of valueImports(f)) {
      if (s.startsWith('.')) visit(resolve(dirname(f), s));
      else if (!s.startsWith('node:')) packages.add(s);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('the CLI start-up', () => {
  it('loads only commander and the small command modules: every command imports its work lazily', () => {
    const { files, packages } = startupClosure(resolve(ROOT, 'src/cli/main.ts'));
    expect(packages).toEqual(['@commander-js/extra-typings']);
    // Command modules live in src/cli/ (serve in src/server/cli.ts); error classes and the message
    // catalogue's sentences (plain functions, no imports) are tiny.
    const heavy = files.filter(
      (f) =>
        !/^src\/cli\/[^/]+\.ts$/.test(f) &&
        f !== 'src/server/cli.ts' &&
        !f.endsWith('/errors.ts') &&
        !/^src\/spec\/messages\/[^/]+\.ts$/.test(f),
    );
    expect(heavy).toEqual([]);
  });

  it('registers every command of the registry, each once', () => {
    const names = buildProgram().commands.map((c) => c.name());
    expect(names).toHaveLength(COMMANDS.length);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['solve', 'validate', 'run', 'strategy', 'negotiate', 'serve']));
  });
});
