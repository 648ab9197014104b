import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../data/load.ts';
import type { Dataset } from '../../data/dataset.ts';
import { calibratedBaseline, runGe } from './run.ts';
import { baselineFromDataset } from './baseline.ts';
import { MAX_ENTRIES, baselineKey, readStoredBaseline, writeStoredBaseline } from './baselineStore.ts';

const cp = loadDataset('cp2015');
/** A new object with the dataset's arrays: the in-memory baseline cache (keyed by object) misses it. */
const fresh = (d: Dataset): Dataset => ({ ...d });
const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.lbl'));

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lancaster-baselines-'));
  process.env.LANCASTER_CACHE_DIR = dir;
  delete process.env.LANCASTER_BASELINE_CACHE;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

describe('the baseline store', () => {
  it('gives the same counterfactual, bit for bit, from a stored calibration as from a solved one', () => {
    const tau = new Float64Array(cp.tariff.length);
    for (let q = 0; q < tau.length; q++) tau[q] = 1 + cp.schedules['tariffs-2005'][q];
    const opts = { baseline: 'zero-deficit' as const, publishedWelfare: true };
    const solved = runGe(fresh(cp), 'cp2015', tau, opts);
    expect(entries(dir)).toHaveLength(1);
    const stored = runGe(fresh(cp), 'cp2015', tau, opts);
    for (const k of ['pi', 'X', 'VA'] as const) expect(stored.baseline[k]).toEqual(solved.baseline[k]);
    expect(JSON.stringify(stored.result)).toBe(JSON.stringify({ ...solved.result, seconds: stored.result.seconds }));
  });

  it('keys an entry on the data, the deficit option and the solver options', () => {
    calibratedBaseline(fresh(cp), 'zero-deficit');
    calibratedBaseline(fresh(cp), 'keep-deficits');
    calibratedBaseline(fresh(cp), 'zero-deficit', { tol: 1e-9 });
    const theta = cp.theta.map((t) => t * 0.5);
    calibratedBaseline({ ...cp, theta }, 'zero-deficit');
    expect(entries(dir)).toHaveLength(4);
    calibratedBaseline(fresh(cp), 'zero-deficit');
    expect(entries(dir)).toHaveLength(4);
  });

  it('solves again, and rewrites the entry, when the entry is damaged or holds a non-finite value', () => {
    const first = calibratedBaseline(fresh(cp), 'zero-deficit');
    const [name] = entries(dir);
    const path = join(dir, name);
    const good = readFileSync(path);
    const raw = baselineFromDataset(cp);
    const key = baselineKey(raw, new Float64Array(raw.N), 'zero-deficit', {});
    writeFileSync(path, good.subarray(0, good.length - 8));
    expect(readStoredBaseline(key, raw.N, raw.J)).toBeUndefined();
    const nan = Buffer.from(good);
    nan.writeDoubleLE(Number.NaN, nan.length - 8);
    writeFileSync(path, nan);
    expect(readStoredBaseline(key, raw.N, raw.J)).toBeUndefined();
    const again = calibratedBaseline(fresh(cp), 'zero-deficit');
    expect(again.VA).toEqual(first.VA);
    expect(readFileSync(path).equals(good)).toBe(true);
  });

  it('writes nothing when turned off, and skips a folder it cannot write', () => {
    process.env.LANCASTER_BASELINE_CACHE = 'off';
    calibratedBaseline(fresh(cp), 'zero-deficit');
    expect(entries(dir)).toHaveLength(0);
    delete process.env.LANCASTER_BASELINE_CACHE;
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    process.env.LANCASTER_CACHE_DIR = file;
    expect(calibratedBaseline(fresh(cp), 'zero-deficit').VA.every(Number.isFinite)).toBe(true);
  });

  it(`keeps at most ${MAX_ENTRIES} entries, removing the oldest`, () => {
    const one = { pi: new Float64Array(1), X: new Float64Array(1), VA: new Float64Array(1) };
    for (let i = 0; i < MAX_ENTRIES + 3; i++) writeStoredBaseline(`${i}`.padStart(64, '0'), one, { dir });
    const kept = entries(dir);
    expect(kept).toHaveLength(MAX_ENTRIES);
    expect(readStoredBaseline(`${MAX_ENTRIES + 2}`.padStart(64, '0'), 1, 1, { dir })).toBeDefined();
  });
});
