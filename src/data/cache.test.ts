import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, embeddedDatasetIds, readDatasetFolder } from './load.ts';
import { cachedDataset } from './cache.ts';
import type { Dataset } from './dataset.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lancaster-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Bytes of a Float64Array, so that equality is bit for bit (NaN and −0 included). */
const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameDataset(a: Dataset, b: Dataset) {
  expect(a.manifest).toEqual(b.manifest);
  expect([a.N, a.J, a.regions, a.sectors, a.source]).toEqual([b.N, b.J, b.regions, b.sectors, b.source]);
  for (const k of ['theta', 'flows', 'tariff', 'vaShare', 'finalShare', 'io'] as const) {
    expect(bits(a[k]).equals(bits(b[k])), k).toBe(true);
  }
  for (const rec of ['regionData', 'schedules'] as const) {
    expect(Object.keys(a[rec]).sort()).toEqual(Object.keys(b[rec]).sort());
    for (const [k, v] of Object.entries(a[rec])) expect(bits(v).equals(bits(b[rec][k])), `${rec}.${k}`).toBe(true);
  }
}

/** A private copy of an embedded dataset and a cache folder for it. */
function copyOf(id: string) {
  const folder = join(tmp, `${id}-${Math.floor(performance.now() * 1000)}`);
  cpSync(join(DATA_DIR, id), folder, { recursive: true });
  return { folder, dir: join(folder, '..', `${id}-cache-${Math.floor(performance.now() * 1000)}`) };
}

describe('the binary dataset cache', () => {
  it.each(embeddedDatasetIds())('gives %s bit for bit as the CSV loader does', (id) => {
    const { folder, dir } = copyOf(id);
    const first = cachedDataset(folder, readDatasetFolder, { dir });
    expect(first).toMatchObject({ from: 'source', reason: 'no cache entry' });
    const second = cachedDataset(folder, readDatasetFolder, { dir });
    expect(second.from).toBe('cache');
    expectSameDataset(second.dataset, readDatasetFolder(folder));
  });

  it('is not used once a source table changed, and the new values are read', () => {
    const { folder, dir } = copyOf('cp2015');
    const before = cachedDataset(folder, readDatasetFolder, { dir }).dataset;
    const trade = join(folder, 'trade.csv');
    const lines = readFileSync(trade, 'utf8').split('\n');
    const cells = lines[1].split(',');
    cells[3] = String(Number(cells[3]) + 1000);
    lines[1] = cells.join(',');
    writeFileSync(trade, lines.join('\n'));
    const after = cachedDataset(folder, readDatasetFolder, { dir });
    expect(after).toMatchObject({ from: 'source', reason: 'trade.csv changed' });
    const d = after.dataset;
    const idx = (d.regions.indexOf(cells[0]) * d.N + d.regions.indexOf(cells[1])) * d.J + d.sectors.indexOf(cells[2]);
    expect(d.flows[idx]).toBe(before.flows[idx] + 1000);
    const again = cachedDataset(folder, readDatasetFolder, { dir });
    expect(again.from).toBe('cache');
    expect(again.dataset.flows[idx]).toBe(d.flows[idx]);
  });

  it('is not used when the manifest changed, a table was added or removed, or the loader changed', () => {
    const { folder, dir } = copyOf('world-2023');
    cachedDataset(folder, readDatasetFolder, { dir });
    const m = join(folder, 'dataset.json');
    writeFileSync(m, readFileSync(m, 'utf8').replace('"version": "', '"version": "x'));
    expect(cachedDataset(folder, readDatasetFolder, { dir })).toMatchObject({
      from: 'source',
      reason: 'dataset.json changed',
    });
    writeFileSync(join(folder, 'notes.csv'), 'a,b\n1,2\n');
    expect(cachedDataset(folder, readDatasetFolder, { dir })).toMatchObject({
      from: 'source',
      reason: 'notes.csv was added',
    });
    rmSync(join(folder, 'notes.csv'));
    expect(cachedDataset(folder, readDatasetFolder, { dir })).toMatchObject({
      from: 'source',
      reason: 'notes.csv was removed',
    });
    expect(cachedDataset(folder, readDatasetFolder, { dir }).from).toBe('cache');
    // Another loader version writes its own entry and never reads this one.
    expect(cachedDataset(folder, readDatasetFolder, { dir, loaderHash: 'f'.repeat(64) })).toMatchObject({
      from: 'source',
      reason: 'no cache entry',
    });
  });

  it('rejects a truncated or foreign entry and rebuilds it', () => {
    const { folder, dir } = copyOf('world-2023');
    const { entry } = cachedDataset(folder, readDatasetFolder, { dir });
    truncateSync(entry!, statSync(entry!).size - 8);
    expect(cachedDataset(folder, readDatasetFolder, { dir }).reason).toMatch(
      /^the entry holds \d+ bytes of tables, its header says \d+$/,
    );
    writeFileSync(entry!, 'not a cache');
    expect(cachedDataset(folder, readDatasetFolder, { dir }).reason).toBe(
      'the entry is not a dataset cache of this format',
    );
    const ok = cachedDataset(folder, readDatasetFolder, { dir });
    expect(ok.from).toBe('cache');
    expectSameDataset(ok.dataset, readDatasetFolder(folder));
  });

  it('still reports bad CSV with its place after a cached load', () => {
    const { folder, dir } = copyOf('world-2023');
    cachedDataset(folder, readDatasetFolder, { dir });
    const trade = join(folder, 'trade.csv');
    const lines = readFileSync(trade, 'utf8').split('\n');
    lines[2] = lines[2].replace(/,[^,]*$/, ',abc');
    writeFileSync(trade, lines.join('\n'));
    expect(() => cachedDataset(folder, readDatasetFolder, { dir })).toThrow(
      `${trade}:3 field "tariff": expected a finite number, found "abc"`,
    );
  });
});
