/**
 * Readers for the raw inputs of the multisector-2025 build (only the builder reads ../shared).
 * Every reader returns plain records; units are stated per function.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RAW_DIR } from '../paths.ts';
import { splitCsvLine } from '../../csv.ts';
import * as msg from '../../../spec/messages/data.ts';
import { ASEAN_OTHER, WIOD_OTHER_EU } from '../../../spec/regions.ts';

export const SATELLITE_DIR = resolve(RAW_DIR, '..', 'satellites');

/** The 19 WIOD regions of agg_19x35, in the dataset's order. */
export const REGIONS: [string, string][] = [
  ['USA', 'United States'],
  ['CHN', 'China'],
  ['JPN', 'Japan'],
  ['KOR', 'Korea'],
  ['TWN', 'Taiwan'],
  ['DEU', 'Germany'],
  ['FRA', 'France'],
  ['ITA', 'Italy'],
  ['GBR', 'United Kingdom'],
  ['EUR', 'Other EU (the 23 other EU members in WIOD 2013)'],
  ['CAN', 'Canada'],
  ['MEX', 'Mexico'],
  ['IND', 'India'],
  ['BRA', 'Brazil'],
  ['RUS', 'Russia'],
  ['AUS', 'Australia'],
  ['IDN', 'Indonesia'],
  ['TUR', 'Turkey'],
  ['ROW', 'Rest of the world'],
];
export const REGION_CODES = REGIONS.map(([c]) => c);
/** Maps an ISO3 country to one of the 19 regions (Croatia, not in WIOD 2013, is in ROW as there). */
export function regionOf(iso3: string): string {
  const c = iso3 === 'ROM' ? 'ROU' : iso3;
  if (REGION_CODES.includes(c) && c !== 'EUR' && c !== 'ROW') return c;
  if (WIOD_OTHER_EU.includes(c)) return 'EUR';
  return 'ROW';
}

/**
 * Vietnam and the rest of ASEAN (ASN: the ASEAN members other than Indonesia, a WIOD region, and
 * Vietnam), carved out of ROW.
 */
export const CARVED_REGIONS: [string, string][] = [
  ['VNM', 'Vietnam'],
  ['ASN', 'Rest of ASEAN (Thailand, Malaysia, Singapore, Philippines, Cambodia, Myanmar, Laos, Brunei)'],
];

/** Maps an ISO3 country to one of the 21 regions of the dataset (the 19 and VNM, ASN out of ROW). */
export function regionOfCarved(iso3: string): string {
  if (iso3 === 'VNM') return 'VNM';
  if (ASEAN_OTHER.includes(iso3)) return 'ASN';
  return regionOf(iso3);
}

/** Parses a CSV file with a header into records (double quotes allowed). */
export function readCsv(file: string, header?: string[]): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const head = header ?? splitCsvLine(lines[0]);
  return lines.slice(header ? 0 : 1).map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(head.map((h, j) => [h, cells[j] ?? '']));
  });
}

export function num(s: string | undefined, what: string): number {
  const v = Number(s);
  if (s === undefined || s.trim() === '' || !Number.isFinite(v)) throw new RangeError(msg.finiteNumberFor(what, s));
  return v;
}

export const WIOD_DIR = join(RAW_DIR, 'wiod2013_2011');

/** WIOD 2013 sector codes and names (c1..c35). */
export function wiodSectors(): [string, string][] {
  return readCsv(join(WIOD_DIR, 'sectors.csv')).map((r) => [r.sector, r.name]);
}

/**
 * BACI 2023 goods trade between the 19 regions (or those of `map`; million USD), keyed
 * `exporter>importer`; intra-region flows dropped.
 */
export function baciByRegion(map: (iso3: string) => string = regionOf): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of readCsv(join(RAW_DIR, 'liberation_day_2025', 'bilateral_trade_2023_baci.csv'))) {
    const i = map(r.exporter),
      n = map(r.importer);
    if (i === n) continue;
    const key = `${i}>${n}`;
    m.set(key, (m.get(key) ?? 0) + num(r.trade_2023_thousand_usd, 'BACI value') / 1000);
  }
  return m;
}

/**
 * GDP by region (or by the regions of `map`; million USD, WDI as in the Liberation Day files);
 * Taiwan is not in the file (absent from the map).
 */
export function gdpByRegion(map: (iso3: string) => string = regionOf): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of readCsv(join(RAW_DIR, 'liberation_day_2025', 'countries_gdp_tariffs.csv'))) {
    const g = map(r.iso3);
    m.set(g, (m.get(g) ?? 0) + num(r.gdp_usd, `GDP of ${r.iso3}`) / 1e6);
  }
  return m;
}

/** A satellite table row (`item, region, value, unit, year, …`). */
export interface SatRow {
  item: string;
  region: string;
  value: string;
  unit: string;
  year: string;
}

export function satellite(file: string): SatRow[] {
  return readCsv(join(SATELLITE_DIR, file)) as unknown as SatRow[];
}

/** The value of the first satellite row whose item starts with `item` (and region/year when given). */
export function satValue(rows: SatRow[], item: string, region?: string, year?: string): number {
  const r = rows.find(
    (x) =>
      x.item.startsWith(item) &&
      (region === undefined || x.region === region) &&
      (year === undefined || x.year === year),
  );
  if (!r) throw new RangeError(msg.satelliteRow(item, region ?? '', year ?? ''));
  return num(r.value, `${item} ${region ?? ''}`);
}
