/**
 * The code version stored with every run: package.json version plus the git commit when the code
 * runs from a checkout. Computed once per process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  let commit: string | null = headFromFiles(fileURLToPath(ROOT)) ?? null;
  if (!commit && existsSync(new URL('.git', ROOT))) {
    try {
      commit =
        execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
          .toString()
          .trim() || null;
    } catch {
      commit = null; // no git
    }
  }
  cached = { version, commit, label: commit ? `${version}+${commit.slice(0, 12)}` : version };
  return cached;
}

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The commit HEAD of the checkout at `root` names, read from its .git files (a loose or packed
 * branch ref, a detached HEAD, a linked worktree's .git file): no git process, which costs a CLI
 * run ~4 ms (far more on a loaded machine). Undefined when the files do not say plainly (the
 * caller then asks git).
 */
export function headFromFiles(root: string): string | undefined {
  try {
    let gitDir = join(root, '.git');
    const st = statSync(gitDir, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (st.isFile()) {
      const to = /^gitdir: (.+)$/m.exec(readFileSync(gitDir, 'utf8'))?.[1]?.trim();
      if (!to) return undefined;
      gitDir = resolve(root, to);
    }
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (COMMIT.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    const commonFile = join(gitDir, 'commondir');
    const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
    for (const dir of [gitDir, common]) {
      const loose = join(dir, ref);
      if (existsSync(loose)) {
        const sha = readFileSync(loose, 'utf8').trim();
        return COMMIT.test(sha) ? sha : undefined;
      }
    }
    const packed = join(common, 'packed-refs');
    if (!existsSync(packed)) return undefined;
    for (const line of readFileSync(packed, 'utf8').split('\n')) {
      const [sha, name] = line.trim().split(' ');
      if (name === ref && COMMIT.test(sha)) return sha;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
