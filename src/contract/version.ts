/**
 * The code version stored with every run: package.json version plus the git commit when the code
 * runs from a checkout. Computed once per process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url); // the package root, from src/contract or dist/contract

/** Version and commit of the running code. */
export interface CodeVersion {
  version: string;
  commit: string | null;
  /** `version+commit` (first 12 hex digits), or the version alone. */
  label: string;
}

let cached: CodeVersion | undefined;

/**
 * The running code's version, cached at first call.
 *
 * @example
 * ```ts
 * codeVersion().label; // "0.1.0+e90f9cd1a2b3"
 * ```
 */
export function codeVersion(): CodeVersion {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version;
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim() || null;
  } catch {
    commit = null; // not a checkout, or no git
  }
  cached = { version, commit, label: commit ? `${version}+${commit.slice(0, 12)}` : version };
  return cached;
}
