/**
 * Files of named Float64 tables behind a JSON header, the layout of Lancaster's binary caches
 * (datasets: ./cache.ts; calibrated baselines: model/ge/baselineStore.ts):
 *
 *     8-byte magic  u32 LE header length  header JSON  zero padding to 8 bytes  Float64 tables
 *
 * The header holds, besides the caller's own fields, each table's byte offset and length in the
 * block. Files are read into one 8-byte aligned buffer (tables are views on it, not copies) and
 * written through a temporary name and a rename, so a killed process leaves no half file.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The part of a header this module writes: table name → [byte offset, number of values], block size. */
export interface TablesHeader {
  tables: Record<string, [number, number]>;
  bytes: number;
}

/** A read file: its header, the whole file as one buffer and where the Float64 block starts. */
export interface TablesFile<H> {
  header: H & TablesHeader;
  block: ArrayBuffer;
  start: number;
}

/** Serialises `tables` after a header of `fields` (plus the table index) under an 8-character `magic`. */
export function encodeTablesFile(magic: string, fields: object, tables: [string, Float64Array][]): Buffer {
  const index: TablesHeader['tables'] = {};
  let offset = 0;
  for (const [name, a] of tables) {
    index[name] = [offset, a.length];
    offset += a.byteLength;
  }
  const json = Buffer.from(JSON.stringify({ ...fields, tables: index, bytes: offset }), 'utf8');
  const start = Math.ceil((magic.length + 4 + json.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.write(magic, 0, 'latin1');
  out.writeUInt32LE(json.length, magic.length);
  json.copy(out, magic.length + 4);
  for (const [name, a] of tables) Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, start + index[name][0]);
  return out;
}

/** Reads a file written by {@link encodeTablesFile}; a string says why it is not one (`what` names the kind). */
export function readTablesFile<H>(path: string, magic: string, what: string): TablesFile<H> | string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const block = new ArrayBuffer(size);
    const bytes = new Uint8Array(block);
    for (let got = 0; got < size; ) {
      const n = readSync(fd, bytes, got, size - got, got);
      if (n === 0) return 'the entry is shorter than its size';
      got += n;
    }
    const buf = Buffer.from(block);
    if (size < magic.length + 4 || buf.toString('latin1', 0, magic.length) !== magic)
      return `the entry is not a ${what} of this format`;
    const len = buf.readUInt32LE(magic.length);
    let header: H & TablesHeader;
    try {
      header = JSON.parse(buf.toString('utf8', magic.length + 4, magic.length + 4 + len)) as H & TablesHeader;
    } catch {
      return 'the entry header is not valid JSON';
    }
    const start = Math.ceil((magic.length + 4 + len) / 8) * 8;
    if (size !== start + header.bytes)
      return `the entry holds ${size - start} bytes of tables, its header says ${header.bytes}`;
    return { header, block, start };
  } finally {
    closeSync(fd);
  }
}

/** Table `name` of a read file as a view of `expected` values, or why it cannot be. */
export function tableView<H>(file: TablesFile<H>, name: string, expected: number): Float64Array | string {
  const t = file.header.tables[name];
  if (!t || t[1] !== expected || t[0] % 8 !== 0 || t[0] + 8 * t[1] > file.header.bytes)
    return `the entry lacks table ${name} of ${expected} values`;
  return new Float64Array(file.block, file.start + t[0], t[1]);
}

/** Writes `data` to `path` through a temporary file and a rename; false when it cannot. */
export function writeAtomic(path: string, data: Buffer): boolean {
  const tmp = `${path}.tmp-${randomUUID()}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder is not one (ENOTDIR) or not ours to change: there is no temporary file to remove
    }
    return false;
  }
}
