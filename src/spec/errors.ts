/**
 * A scenario problem with its place: `file:line:col path: message` (exit code 2 in the CLI,
 * HTTP 400 in the API).
 *
 * @example
 * ```ts
 * const issue: ScenarioIssue = {
 *   path: ['policy', 'tariffs', 1, 'rate'],
 *   message: 'expected a rate >= 0, found -3',
 *   line: 12,
 *   col: 41,
 * };
 * ```
 */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
  line?: number;
  col?: number;
}

/**
 * A scenario that failed validation: every issue with its place (`message` lists them, one a line).
 *
 * @example
 * ```ts
 * try { readScenarioFile('bad.yaml'); } catch (e) {
 *   if (e instanceof ScenarioError) for (const i of e.issues) console.error(i.line, i.col, i.message);
 * }
 * ```
 */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
  }
}

/** Formats a path as in scenario-format.md: policy.tariffs[1].rate. */
export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(root)';
}

function formatIssue(file: string, i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${file}:${i.line}:${i.col}` : file;
  return `${where} ${formatPath(i.path)}: ${i.message}`;
}
