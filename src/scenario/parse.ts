/**
 * Reads a scenario file (YAML or JSON), validates it with the schema, and attaches line:column
 * positions to every issue. `locate` keeps the document so later checks against the dataset
 * (unknown codes, sectors, schedules) can point at the same places.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, isNode, type Document } from 'yaml';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';

export interface ParsedScenario {
  scenario: Scenario;
  file: string;
  /** Line and column (1-based) of the value at `path`, or of its nearest present parent. */
  locate(path: (string | number)[]): { line: number; col: number } | undefined;
}

/** Parses scenario text; `file` is used in messages only. Throws ScenarioError. */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(file, doc.errors.map((e) => {
      const pos = lc.linePos(e.pos[0]);
      return { path: [], message: `expected valid YAML or JSON, found ${e.message.split('\n')[0]}`, line: pos.line, col: pos.col };
    }));
  }
  const locate = (path: (string | number)[]) => locateIn(doc, lc, path);
  const parsed = ScenarioSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.map((iss) => {
      const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      let message = iss.message;
      if (iss.code === 'unrecognized_keys') {
        message = `expected only known fields, found unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
        const keyPath = [...path, iss.keys[0]];
        return { path: keyPath, message, ...(locateKey(doc, lc, keyPath) ?? locate(path)) };
      }
      if (iss.code === 'invalid_type' && iss.input === undefined) message = `expected ${iss.expected}, found nothing (required)`;
      return { path, message, ...locate(path) };
    });
    throw new ScenarioError(file, issues);
  }
  return { scenario: parsed.data, file, locate };
}

/** Reads and parses a scenario file. */
export function readScenarioFile(file: string): ParsedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [{ path: [], message: `expected a readable scenario file, found ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  return parseScenarioText(text, file);
}

function locateIn(doc: Document, lc: LineCounter, path: (string | number)[]) {
  for (let k = path.length; k >= 0; k--) {
    const node = doc.getIn(path.slice(0, k), true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, col: pos.col };
    }
    if (k === path.length && k > 0) {
      const key = locateKey(doc, lc, path); // a key present with a null value
      if (key) return key;
    }
  }
  return undefined;
}

/** Position of the key (not the value) at the end of `path`, for unknown fields. */
function locateKey(doc: Document, lc: LineCounter, path: (string | number)[]) {
  const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key?: unknown }[] } | undefined;
  const item = parent?.items?.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === path[path.length - 1]);
  const key = item?.key;
  if (isNode(key) && key.range) {
    const pos = lc.linePos(key.range[0]);
    return { line: pos.line, col: pos.col };
  }
  return undefined;
}
