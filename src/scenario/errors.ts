/**
 * A scenario problem with its place: `file:line:col path: message` (exit code 2 in the CLI,
 * HTTP 400 in the API).
 */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
  line?: number;
  col?: number;
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(readonly file: string, readonly issues: ScenarioIssue[]) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
  }
}

/** Formats a path as in scenario-format.md: policy.tariffs[1].rate. */
export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(root)';
}

export function formatIssue(file: string, i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${file}:${i.line}:${i.col}` : file;
  return `${where} ${formatPath(i.path)}: ${i.message}`;
}
