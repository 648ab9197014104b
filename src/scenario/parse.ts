/**
 * Reads a scenario file (YAML or JSON), validates it with the schema, and attaches line:column
 * positions to every issue. The guards of limits.ts run first (size, control characters, tags,
 * aliases, entry counts). `locate` keeps the document so later checks against the dataset
 * (unknown codes, sectors, schedules) can point at the same places.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseDocument, LineCounter, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from '../spec/scenario.ts';
import { ScenarioError, type ScenarioIssue } from '../spec/errors.ts';
import { issueAt, PARSE_OPTIONS } from '../spec/issues.ts';
import { ALIAS_BOMB, SCENARIO_LIMITS, checkDocument, checkText, valuePassesGuards } from './limits.ts';
import * as msg from '../spec/messages/scenario.ts';

/**
 * A validated scenario and where it came from, able to point at the line and column of any value.
 *
 * @example
 * ```ts
 * const p: ParsedScenario = readScenarioFile('scenarios/nafta-cp2015.yaml');
 * p.scenario.model;            // 'cp2015'
 * p.locate(['policy', 'tariffs', 0]); // { line: 12, col: 7 }
 * ```
 */
export interface ParsedScenario {
  scenario: Scenario;
  file: string;
  /** Line and column (1-based) of the value at `path`, or of its nearest present parent. */
  locate(path: (string | number)[]): { line: number; col: number } | undefined;
}

/**
 * Parses and validates scenario text (YAML or JSON); `file` is used in messages only. Throws
 * ScenarioError with the line and column of every problem.
 *
 * @example
 * ```ts
 * const text =
 *   'lancaster: 1\nname: t\nmodel: one-sector-2025\npolicy:\n  tariffs:\n' +
 *   '    - { importer: USA, exporter: CHN, rate: 0.5 }\n';
 * const p = parseScenarioText(text, 'inline.yaml');
 * p.scenario.policy.tariffs[0].rate; // 0.5
 * ```
 */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  const { data, locate } = parseYamlWith(ScenarioSchema, text, file);
  return { scenario: data, file, locate };
}

/**
 * Parses YAML or JSON text (after the guards of limits.ts) and validates it with `schema`; every
 * issue carries the line:column of its value (or of the unknown key). Used by every scenario kind.
 * Throws ScenarioError.
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
): { data: z.output<S>; locate: ParsedScenario['locate'] } {
  const raw = checkText(text); // size and control characters, before the YAML parser runs
  if (raw) throw new ScenarioError(file, [raw]);
  const fast = readCanonicalJson(text);
  if (fast !== undefined) {
    const parsed = schema.safeParse(fast, PARSE_OPTIONS);
    if (parsed.success) {
      // Positions are needed only for a later issue (checks against the dataset): parse the YAML then.
      let doc: Document | undefined;
      const lc = new LineCounter();
      const locate = (path: (string | number)[]) => {
        doc ??= parseDocument(text, { lineCounter: lc, prettyErrors: false, schema: 'core', merge: false });
        return locateIn(doc, lc, path);
      };
      return { data: parsed.data, locate };
    }
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    merge: false,
  });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return { path: [], message: msg.validYamlJson(e.message.split('\n')[0]), line: pos.line, col: pos.col };
      }),
    );
  }
  const guarded = checkDocument(doc, lc); // counts, tags, strings: before conversion and validation
  if (guarded.length) throw new ScenarioError(file, guarded);
  const locate = (path: (string | number)[]) => locateIn(doc, lc, path);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: SCENARIO_LIMITS.aliases });
  } catch (e) {
    if (e instanceof ReferenceError) throw new ScenarioError(file, [{ path: [], message: ALIAS_BOMB }]);
    throw e;
  }
  const parsed = schema.safeParse(value, PARSE_OPTIONS);
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.map((iss) => {
      const at = issueAt(iss);
      if (iss.code !== 'unrecognized_keys') return { ...at, ...locate(at.path) };
      return { ...at, ...(locateKey(doc, lc, at.path) ?? locate(at.path.slice(0, -1))) };
    });
    throw new ScenarioError(file, issues);
  }
  return { data: parsed.data, locate };
}

/**
 * The value of `text` when it is JSON exactly as JSON.stringify writes it (every sweep draw, every
 * API envelope's scenario object) and passes the guards of limits.ts; undefined otherwise. Such
 * text reads the same with JSON.parse as with the YAML parser (JSON is YAML; canonical JSON has no
 * duplicate keys, no comments and no unusual escapes), in a fraction of the time: the YAML parse
 * of a 2025-replay draw's 188 kB was ~10% of the draw. Anything else takes the YAML path, which
 * reports issues with their line and column.
 */
function readCanonicalJson(text: string): unknown {
  if (text.charCodeAt(0) !== 0x7b) return undefined; // "{"
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return JSON.stringify(v) === text && valuePassesGuards(v) ? v : undefined;
}

/**
 * Reads, parses and validates a scenario file (YAML or JSON). Throws ScenarioError (`file:line:col path: message`).
 *
 * @example
 * ```ts
 * const p = readScenarioFile('scenarios/liberation-day/table1-case1-ustr-income-tax-relief.yaml');
 * p.scenario.dataset; // 'world-2023'
 * ```
 */
export function readScenarioFile(file: string): ParsedScenario {
  return parseScenarioText(readScenarioText(file), file);
}

/** Reads a scenario file's text (a regular file of at most 1 MiB); anything else is a ScenarioError. */
export function readScenarioText(file: string): string {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ScenarioError(file, [{ path: [], message: msg.scenarioFile() }]);
    if (st.size > SCENARIO_LIMITS.bytes)
      throw new ScenarioError(file, [{ path: [], message: msg.scenarioMostBytesMib(SCENARIO_LIMITS.bytes, st.size) }]);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(file, [
      { path: [], message: msg.readableScenarioFile((e as NodeJS.ErrnoException).code ?? (e as Error).message) },
    ]);
  }
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
  const item = parent?.items?.find(
    (it) => isNode(it.key) && (it.key as { value?: unknown }).value === path[path.length - 1],
  );
  const key = item?.key;
  if (isNode(key) && key.range) {
    const pos = lc.linePos(key.range[0]);
    return { line: pos.line, col: pos.col };
  }
  return undefined;
}
