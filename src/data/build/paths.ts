/** Where raw inputs live: `<repo>/../shared/data/raw` (only builders read it; users never need it). */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const RAW_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'raw');
