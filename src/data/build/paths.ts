/**
 * Where raw inputs live: `$LANCASTER_RAW_DIR`, else `<repo>/../shared/data/raw` (only builders and
 * their tests read it; users never need it). A clone without it still runs every other test.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const RAW_DIR = process.env.LANCASTER_RAW_DIR || resolve(REPO_ROOT, '..', 'shared', 'data', 'raw');
/** Whether the raw inputs are here: tests that rebuild from them are skipped (and say so) when not. */
export const HAS_RAW = existsSync(RAW_DIR);
