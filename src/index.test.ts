import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as api from './index.ts';

const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Every export of src/index.ts with its TSDoc: summary text and whether it has an @example. */
function exportsWithDocs(): { name: string; summary: string; example: boolean }[] {
  const program = ts.createProgram([INDEX], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const summary = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    const example = target.getJsDocTags(checker).some((t) => t.name === 'example');
    return { name: s.getName(), summary, example };
  });
}

describe('the public API (src/index.ts, the package export)', () => {
  it('documents every export with a summary and an example', () => {
    const docs = exportsWithDocs();
    expect(docs.length).toBeGreaterThan(20);
    expect(
      docs
        .filter((d) => !d.summary || !d.example)
        .map((d) => `${d.name}: ${d.summary ? '' : 'no summary '}${d.example ? '' : 'no @example'}`),
    ).toEqual([]);
  });

  it('exports the entry points of every kind of run', () => {
    for (const f of [
      'loadDataset',
      'readScenarioFile',
      'parseScenarioText',
      'checkScenario',
      'solveScenario',
      'runTimeline',
      'prepareStrategy',
      'runStrategy',
      'runTradeNegotiation',
    ]) {
      expect(typeof (api as Record<string, unknown>)[f], f).toBe('function');
    }
  });

  it('solves a scenario given as text, end to end', () => {
    const r = api.solveScenario(
      api.parseScenarioText(
        'lancaster: 1\nname: t\nmodel: one-sector-2025\npolicy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: 0.5 }\n',
        'inline.yaml',
      ),
    );
    expect(r.status).toBe('converged');
    expect(r.countries.CHN.welfare_pct).toBeLessThan(0);
  });
});
