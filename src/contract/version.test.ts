import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion, headFromFiles } from './version.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const tmp = mkdtempSync(join(tmpdir(), 'lancaster-head-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fake checkout under tmp: `files` relative to it. */
function checkout(name: string, files: Record<string, string>): string {
  const root = join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), text);
  }
  return root;
}

describe('headFromFiles', () => {
  it('names the commit git names for this checkout', () => {
    let git: string | undefined;
    try {
      git = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      return; // not a checkout here (an installed package): nothing to compare
    }
    expect(headFromFiles(ROOT)).toBe(git);
    expect(codeVersion().commit).toBe(git);
  });

  it('reads a loose branch ref, a packed one, and a detached HEAD', () => {
    expect(
      headFromFiles(checkout('loose', { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${SHA}\n` })),
    ).toBe(SHA);
    const packed = `# pack-refs with: peeled fully-peeled sorted\n${OTHER} refs/heads/dev\n${SHA} refs/heads/main\n`;
    expect(
      headFromFiles(checkout('packed', { '.git/HEAD': 'ref: refs/heads/main\n', '.git/packed-refs': packed })),
    ).toBe(SHA);
    expect(headFromFiles(checkout('detached', { '.git/HEAD': `${OTHER}\n` }))).toBe(OTHER);
  });

  it('follows a linked worktree to its branch in the common directory', () => {
    checkout('main', {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/refs/heads/main': `${OTHER}\n`,
      '.git/refs/heads/wt': `${SHA}\n`,
    });
    checkout('main', { '.git/worktrees/wt/HEAD': 'ref: refs/heads/wt\n', '.git/worktrees/wt/commondir': '../..\n' });
    const wt = checkout('wt', { '.git': `gitdir: ${join(tmp, 'main', '.git', 'worktrees', 'wt')}\n` });
    expect(headFromFiles(wt)).toBe(SHA);
  });

  it('says nothing when the files do not say plainly (no checkout, an unborn branch, a damaged ref)', () => {
    expect(headFromFiles(checkout('none', { 'README.md': 'x' }))).toBeUndefined();
    expect(headFromFiles(checkout('unborn', { '.git/HEAD': 'ref: refs/heads/main\n' }))).toBeUndefined();
    expect(
      headFromFiles(
        checkout('damaged', { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': 'not a commit\n' }),
      ),
    ).toBeUndefined();
  });
});
