import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, datasetFolder, readDatasetFolder } from './load.ts';
import { DataError } from './errors.ts';

const root = mkdtempSync(join(tmpdir(), 'lancaster-containment-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A secret outside every dataset folder, standing in for /etc/shadow. */
const SECRET = join(root, 'shadow');
writeFileSync(SECRET, 'root:$6$secret-hash-never-to-be-quoted:19000:0:99999:7:::\n');

let copies = 0;
/** A fresh copy of an embedded dataset, with `edit` applied to its manifest. */
function copy(id: string, edit: (m: Record<string, unknown>) => void = () => {}): string {
  const dir = join(root, `${id}-${copies++}`);
  cpSync(join(DATA_DIR, id), dir, { recursive: true });
  const mfile = join(dir, 'dataset.json');
  const m = JSON.parse(readFileSync(mfile, 'utf8'));
  edit(m);
  writeFileSync(mfile, JSON.stringify(m));
  return dir;
}

function loadError(dir: string): string {
  try {
    readDatasetFolder(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('dataset folders keep their tables inside (issue 18 reproductions)', () => {
  it('refuses a manifest whose table name is ../../../../etc/shadow, without reading or quoting it', () => {
    const dir = copy('world-2023', (m) => {
      (m.schedules as Record<string, string>)[`../../../..${SECRET}`] = 'stolen';
    });
    const msg = loadError(dir);
    expect(msg).toMatch(/schedules.*expected a table file name like trade\.csv/);
    expect(msg.match(/found/g)).toHaveLength(1); // what was found, said once
    expect(msg).not.toContain('secret-hash');
    expect(msg).not.toContain('root:');
  });

  it('says what was found for a wrong type in dataset.json', () => {
    const dir = copy('world-2023', (m) => {
      m.regions = 3;
    });
    expect(loadError(dir)).toMatch(/dataset\.json regions: expected array, found 3$/);
  });

  it("refuses a table that is a symlink out of the folder, naming the link, not the target's text", () => {
    const dir = copy('world-2023');
    unlinkSync(join(dir, 'region_data.csv'));
    symlinkSync(SECRET, join(dir, 'region_data.csv'));
    const msg = loadError(dir);
    expect(msg).toMatch(
      /region_data\.csv: expected the table region_data\.csv inside the dataset folder .* found a link or path leading out of it/,
    );
    expect(msg).not.toContain('secret-hash');
  });

  it('never quotes a non-data file read as a table (a header that is not column names)', () => {
    const dir = copy('world-2023', (m) => {
      (m.tables as Record<string, { rows: number }>)['region_data.csv'] = { rows: 0 };
    });
    writeFileSync(join(dir, 'region_data.csv'), readFileSync(SECRET));
    const msg = loadError(dir);
    expect(msg).toMatch(/expected a column "region", found a first line that is not a header of column names/);
    expect(msg).not.toContain('secret-hash');
  });

  it('refuses a manifest that is not JSON without echoing its text', () => {
    const dir = copy('world-2023');
    writeFileSync(join(dir, 'dataset.json'), readFileSync(SECRET));
    const msg = loadError(dir);
    expect(msg).toMatch(/dataset\.json(:\d+)?: expected valid JSON, found a syntax error$/);
    expect(msg).not.toContain('secret');
  });

  it('reads datasets by id only when asked to (the API), also for /proc/self/cwd paths', () => {
    expect(datasetFolder('world-2023', { idsOnly: true })).toBe(join(DATA_DIR, 'world-2023'));
    expect(() => datasetFolder('/proc/self/cwd/data/world-2023', { idsOnly: true })).toThrow(
      /the API reads datasets by id only/,
    );
    expect(() => datasetFolder('../data/world-2023', { idsOnly: true })).toThrow(DataError);
    expect(datasetFolder(join(DATA_DIR, 'world-2023'))).toBe(join(DATA_DIR, 'world-2023')); // the CLI may
  });
});

describe('dataset values', () => {
  it('fails a trade table cut at a line boundary (row count recorded in the manifest)', () => {
    const dir = copy('world-2023');
    const file = join(dir, 'trade.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, 20_001).join('\n')}\n`);
    expect(loadError(dir)).toMatch(
      /trade\.csv: expected 25398 data rows \(dataset\.json tables\.trade\.csv\), found 20000: the table was cut short since it was built/,
    );
  });

  it('refuses a folder whose manifest records no row counts', () => {
    const dir = copy('cp2015', (m) => delete m.tables);
    expect(loadError(dir)).toMatch(
      /tables: expected the row count of trade\.csv \(recorded by the build\), found none/,
    );
  });

  it.each([['0'], ['-5']])('refuses a GDP of %s', (gdp) => {
    const dir = copy('world-2023');
    const file = join(dir, 'region_data.csv');
    const [header, first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const cells = first.split(',');
    cells[header.split(',').indexOf('gdp')] = gdp;
    writeFileSync(file, [header, cells.join(','), ...rest].join('\n'));
    expect(loadError(dir)).toMatch(
      new RegExp(`field "gdp": expected a positive GDP for every region, found ${gdp} for ${cells[0]}`),
    );
  });

  it('refuses a region with no output at all in an input–output table', () => {
    const dir = copy('cp2015');
    const file = join(dir, 'trade.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const h = header.split(',');
    const out = rows.map((r) => {
      const c = r.split(',');
      if (c[h.indexOf('exporter')] === 'ARG') c[h.indexOf('value')] = '0';
      return c.join(',');
    });
    writeFileSync(file, `${[header, ...out].join('\n')}\n`);
    expect(loadError(dir)).toMatch(/expected positive gross output .* found 0 for ARG/);
  });
});

describe('datasets over the API', () => {
  it('answers 400 for a scenario naming a server folder as its dataset (the /proc/self/cwd reproduction)', async () => {
    const { testApp } = await import('../../test/support/server/test-app.ts');
    const { app } = await testApp();
    const text = 'lancaster: 1\nname: x\nmodel: one-sector-2025\ndataset: /proc/self/cwd/data/world-2023\n';
    for (const url of ['/api/scenarios/validate', '/api/runs?kind=solve']) {
      const r = await app.inject({
        method: 'POST',
        url,
        payload: text,
        headers: { 'content-type': 'application/yaml' },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().issues[0]).toMatchObject({
        path: ['dataset'],
        message: expect.stringMatching(/the server reads datasets by id only$/),
        line: 4,
      });
    }
    await app.close();
  });
});
