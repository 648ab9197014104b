/**
 * A small strict CSV reader and writer for the dataset tables: header row, comma separated,
 * optional double quotes. Errors name the file, the 1-based line and the column.
 */
import { DataError } from './errors.ts';
import * as msg from '../spec/messages/data.ts';

/**
 * Cell or header text short and plain enough to quote in a message. Anything else is described,
 * never echoed: a table may be a file that is not data at all, and messages reach API clients.
 */
const SAFE = /^[A-Za-z0-9_ .+-]{0,40}$/;

export interface CsvTable {
  file: string;
  header: string[];
  /** Rows as arrays of raw strings, with their 1-based line numbers in the file. */
  rows: { line: number; cells: string[] }[];
}

/** The cells of one CSV line (commas; double quotes, with "" for a quote inside them). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses CSV text; `required` columns must be present in the header, in any order. */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvTable {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) {
      const names =
        header.length <= 50 && header.every((h) => SAFE.test(h))
          ? `columns ${header.map((h) => `"${h}"`).join(', ')}`
          : 'a first line that is not a header of column names';
      throw new DataError(msg.missingColumn(file, col, names));
    }
  }
  const rows: CsvTable['rows'] = [];
  for (let k = 1; k < lines.length; k++) {
    const raw = lines[k];
    if (raw.trim() === '') continue;
    const cells = splitCsvLine(raw);
    if (cells.length !== header.length) {
      throw new DataError(msg.fieldCount(`${file}:${k + 1}`, header.length, cells.length));
    }
    rows.push({ line: k + 1, cells });
  }
  return { file, header, rows };
}

/** Column accessor that parses numbers and reports file:line and the column name on failure. */
export function column(table: CsvTable, name: string) {
  const idx = table.header.indexOf(name);
  return {
    text(row: CsvTable['rows'][number]): string {
      return row.cells[idx].trim();
    },
    number(row: CsvTable['rows'][number], opts: { min?: number; max?: number } = {}): number {
      const s = row.cells[idx].trim();
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) {
        throw new DataError(
          msg.notANumber(
            `${table.file}:${row.line} field "${name}"`,
            SAFE.test(s) ? `"${s}"` : 'text that is not a number',
          ),
        );
      }
      if (opts.min !== undefined && v < opts.min) {
        throw new DataError(msg.belowMin(`${table.file}:${row.line} field "${name}"`, opts.min, s));
      }
      if (opts.max !== undefined && v > opts.max) {
        throw new DataError(msg.aboveMax(`${table.file}:${row.line} field "${name}"`, opts.max, s));
      }
      return v;
    },
  };
}

/** Formats rows as CSV; numbers are written with full round-trip precision. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const esc = (v: string | number) => {
    if (typeof v === 'number') return String(v);
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const out = [header.join(',')];
  for (const r of rows) out.push(r.map(esc).join(','));
  return `${out.join('\n')}\n`;
}
