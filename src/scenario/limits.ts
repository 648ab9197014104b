/**
 * Guards a scenario text must pass before (and while) it is parsed (docs/security.md, "Limits"):
 * its size and line count before the YAML parser sees it; then, on the YAML document and before
 * conversion and validation, its node and entry counts, tags (plain YAML values only: no
 * `!!js/function`) and aliases (expansion capped: alias bombs fail fast); and in every string, no
 * control characters (NUL included) — raw or written as YAML escapes.
 */
import { isAlias, isCollection, isNode, isScalar, visit, type Document, type LineCounter } from 'yaml';
import type { ScenarioIssue } from '../spec/errors.ts';
import * as msg from '../spec/messages/scenario.ts';

/** The documented limits of one scenario file. */
export const SCENARIO_LIMITS = {
  /** Bytes of text (UTF-8); the API's body limit is the same. */
  bytes: 1024 * 1024,
  /** Lines of text. */
  lines: 50_000,
  /** YAML nodes (every scalar, map and list). */
  nodes: 200_000,
  /** Entries of one tariff or export-control list (policy or one timeline step). */
  entries: 2_000,
  /** Timeline steps. */
  steps: 500,
  /** Alias expansions (yaml's maxAliasCount): more means an alias bomb. */
  aliases: 100,
  /** Characters of one string value. */
  string: 10_000,
} as const;

/** Tags of the YAML core schema: plain maps, lists, strings, numbers, booleans and null. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** C0 controls except tab, line feed and carriage return, and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Describes a control character as U+XXXX. */
const codeOf = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Checks the raw text: size, lines, raw control characters. Returns the first problem. */
export function checkText(text: string): ScenarioIssue | undefined {
  // UTF-8 takes 1–3 bytes per UTF-16 unit: count exactly only when the length leaves it open (runs in browsers too).
  const bytes =
    text.length > SCENARIO_LIMITS.bytes || 3 * text.length <= SCENARIO_LIMITS.bytes
      ? text.length
      : new TextEncoder().encode(text).length;
  if (bytes > SCENARIO_LIMITS.bytes) return { path: [], message: msg.scenarioMostBytes(SCENARIO_LIMITS.bytes, bytes) };
  let lines = 1;
  for (let k = text.indexOf('\n'); k >= 0 && lines <= SCENARIO_LIMITS.lines; k = text.indexOf('\n', k + 1)) lines++;
  if (lines > SCENARIO_LIMITS.lines) return { path: [], message: msg.scenarioMostLines(SCENARIO_LIMITS.lines) };
  const m = CONTROL.exec(text);
  if (m) {
    const before = text.slice(0, m.index).split('\n');
    return {
      path: [],
      message: msg.textWithoutControl(codeOf(m[0])),
      line: before.length,
      col: before[before.length - 1].length + 1,
    };
  }
  return undefined;
}

/** The path of a YAML node's ancestors' keys and indices, as the schema names it. */
function pathOf(ancestors: readonly unknown[], last: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestors, last];
  for (let k = 1; k < chain.length; k++) {
    const parent = chain[k - 1];
    const child = chain[k];
    if (isCollection(parent) && Array.isArray((parent as { items?: unknown[] }).items)) {
      const items = (parent as { items: unknown[] }).items;
      const idx = items.indexOf(child);
      if (idx >= 0 && !isPairList(items)) path.push(idx);
    } else if (
      parent &&
      typeof parent === 'object' &&
      'key' in parent &&
      (parent as { value?: unknown }).value === child
    ) {
      const key = (parent as { key: unknown }).key;
      path.push(isScalar(key) ? String(key.value) : String(key));
    }
  }
  return path;
}

const isPairList = (items: unknown[]) =>
  items.length > 0 && items.every((i) => i && typeof i === 'object' && 'key' in i);

/**
 * Checks a parsed YAML document before conversion: node count, tags, entry counts, string
 * contents. Returns every problem found (at most a handful: it stops early on a flood).
 */
export function checkDocument(doc: Document, lc: LineCounter): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  let nodes = 0;
  const at = (node: unknown) => {
    const r = isNode(node) ? node.range : undefined;
    if (!r) return {};
    const p = lc.linePos(r[0]);
    return { line: p.line, col: p.col };
  };
  visit(doc, (key, node, ancestors) => {
    if (key === 'key') return undefined; // keys are checked as strings below through their pairs
    if (!isNode(node)) return undefined;
    if (++nodes > SCENARIO_LIMITS.nodes) {
      issues.push({ path: [], message: msg.scenarioMostYaml(SCENARIO_LIMITS.nodes), ...at(node) });
      return visit.BREAK;
    }
    if (isAlias(node)) return undefined;
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      issues.push({
        path: pathOf(ancestors, node),
        message: msg.plainYamlValues(tag.replace(/^tag:yaml\.org,2002:/, '!!')),
        ...at(node),
      });
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const s = node.value;
      const c = CONTROL.exec(s);
      if (c) issues.push({ path: pathOf(ancestors, node), message: msg.textWithoutControl(codeOf(c[0])), ...at(node) });
      else if (s.length > SCENARIO_LIMITS.string)
        issues.push({
          path: pathOf(ancestors, node),
          message: msg.stringMostCharacters(SCENARIO_LIMITS.string, s.length),
          ...at(node),
        });
    }
    if (isCollection(node) && Array.isArray(node.items) && !isPairList(node.items)) {
      const path = pathOf(ancestors, node);
      const last = path[path.length - 1];
      const limit =
        last === 'timeline'
          ? SCENARIO_LIMITS.steps
          : last === 'tariffs' || last === 'export_controls'
            ? SCENARIO_LIMITS.entries
            : undefined;
      if (limit !== undefined && node.items.length > limit) {
        issues.push({ path, message: msg.mostEntries(limit, node.items.length), ...at(node) });
      }
    }
    // Unquoted keys with control characters, e.g. "\0": 1 in flow maps.
    if (isCollection(node) && Array.isArray(node.items) && isPairList(node.items)) {
      for (const pair of node.items as { key: unknown }[]) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof k === 'string' && CONTROL.test(k))
          issues.push({
            path: pathOf(ancestors, node),
            message: msg.keysWithoutControl(codeOf(CONTROL.exec(k)![0])),
            ...at(pair.key),
          });
      }
    }
    return issues.length >= 20 ? visit.BREAK : undefined;
  });
  for (const w of doc.warnings) {
    const p = lc.linePos(w.pos[0]);
    issues.push({ path: [], message: msg.plainYaml(w.message.split('\n')[0]), line: p.line, col: p.col });
  }
  return issues;
}

/**
 * Whether a value read with JSON.parse passes the guards {@link checkDocument} applies to a YAML
 * document: value count, entry counts of timeline/tariffs/export_controls lists, string lengths,
 * control characters in strings and keys (JSON has no tags or aliases). It says only yes or no: on
 * no, the caller parses the text as YAML, whose checks report the issues with their places.
 */
export function valuePassesGuards(v: unknown): boolean {
  let nodes = 0;
  const ok = (x: unknown, key: string | number | undefined): boolean => {
    if (++nodes > SCENARIO_LIMITS.nodes) return false;
    if (typeof x === 'string') return x.length <= SCENARIO_LIMITS.string && !CONTROL.test(x);
    if (Array.isArray(x)) {
      const limit =
        key === 'timeline'
          ? SCENARIO_LIMITS.steps
          : key === 'tariffs' || key === 'export_controls'
            ? SCENARIO_LIMITS.entries
            : undefined;
      if (limit !== undefined && x.length > limit) return false;
      return x.every((y, i) => ok(y, i));
    }
    if (x && typeof x === 'object') return Object.entries(x).every(([k, y]) => !CONTROL.test(k) && ok(y, k));
    return true;
  };
  return ok(v, undefined);
}

/** The message of a document whose aliases expand too far (yaml's ReferenceError). */
export const ALIAS_BOMB = msg.mostAliasExpansions(SCENARIO_LIMITS.aliases);
