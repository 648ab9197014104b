/**
 * US tariffs on every partner but China through 2025, from the Trade War Tracker
 * (../shared/data/raw/us_tariff_tracker_2025/country-by-time.csv: the import-weighted increase, in
 * points over the 2024 applied rate, of US tariffs on each of 51 partners on each date a rate
 * changed). `npm run scenario:tariffs` writes them into scenarios/us-china-2025.yaml as steps with
 * ids `us-world-<date>`, each entry citing its rows; China keeps the scenario's own PIIE-levelled
 * detail (the tracker's China rows are not used).
 *
 * Level: the tracker's increase for the region. Pattern across sectors (critical-supply-2025 §5):
 *   - Section 232 steel and aluminium (25% from 12 Mar, 50% from 3 Jun, UK 25%) on WIOD c12
 *     (basic metals and fabricated metal), on the covered share of c12;
 *   - Section 232 autos and parts (25% from 3 Apr; Canada and Mexico ≈15%, the tracker's USMCA
 *     treatment; Japan and the EU 15% from 7 Aug; Korea 15% from 4 Dec) on c15 (transport
 *     equipment), on the covered share of c15;
 *   - covered share = the region's steel+aluminium (autos) imports in the tracker's summary as a
 *     share of its total imports there, times the dataset's US goods imports from the region over
 *     its c12 (c15) imports, capped at 1;
 *   - everything else in the tracker's level (IEEPA fentanyl and reciprocal rates, with USMCA
 *     exemptions for Canada and Mexico and Annex II exemptions, and Section 232 on copper, lumber,
 *     furniture and trucks, whose coverage the data do not give) is one add `u` on the other goods
 *     and on the uncovered parts of c12 and c15, solved so that the dataset-weighted average
 *     increase equals the tracker's. If `u` would be negative, u = 0 and the 232 rates are scaled down.
 * Regions: tracker countries map to dataset regions; a region with several tracker countries (ROW)
 * takes their import-weighted mean (2024 imports, the tracker's weights), which assumes the
 * untracked members of the region face that mean. DEU, FRA and ITA take the EU row; EUR the EU row
 * and Slovakia's (listed apart by the tracker), weighted by dataset imports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Dataset } from '../dataset.ts';
import { RAW_DIR, REPO_ROOT } from './paths.ts';
import { parseCsv } from '../csv.ts';
import * as msg from '../../spec/messages/data.ts';
import * as scenarioMsg from '../../spec/messages/scenario.ts';

export const TRACKER_DIR = join(RAW_DIR, 'us_tariff_tracker_2025');
const TRACKER_FILE = 'us_tariff_tracker_2025/country-by-time.csv';
/** Steps of the tracker end with 2025: the snapshot runs into 2026 (SCOTUS ruling), out of the replay. */
const LAST_DATE = '2025-12-31';

/** Tracker country → dataset region (when the dataset has it; else ROW). EU members are handled apart. */
const COUNTRY_REGION: Record<string, string> = {
  JAPAN: 'JPN',
  'KOREA, SOUTH': 'KOR',
  KOREA: 'KOR',
  TAIWAN: 'TWN',
  'UNITED KINGDOM': 'GBR',
  CANADA: 'CAN',
  MEXICO: 'MEX',
  INDIA: 'IND',
  BRAZIL: 'BRA',
  RUSSIA: 'RUS',
  AUSTRALIA: 'AUS',
  INDONESIA: 'IDN',
  TURKEY: 'TUR',
  VIETNAM: 'VNM',
  THAILAND: 'ASN',
  MALAYSIA: 'ASN',
  SINGAPORE: 'ASN',
  PHILIPPINES: 'ASN',
  CAMBODIA: 'ASN',
};

export interface TrackerRow {
  line: number;
  date: string;
  country: string;
  increase: number;
  imports: number;
}
export interface TrackerSummary {
  country: string;
  imports: number;
  steelAlu: number;
  autos: number;
}

function csvRows(file: string): string[][] {
  return parseCsv(readFileSync(file, 'utf8'), file, []).rows.map((r) => r.cells);
}

export function readTracker(dir = TRACKER_DIR): { rows: TrackerRow[]; summary: Map<string, TrackerSummary> } {
  const rows = csvRows(join(dir, 'country-by-time.csv')).map((r, k) => ({
    line: k + 2,
    date: r[0],
    country: r[1],
    increase: Number(r[2]),
    imports: Number(r[3]),
  }));
  const summary = new Map<string, TrackerSummary>();
  for (const r of csvRows(join(dir, 'tariff-summary-latest-data.csv'))) {
    summary.set(r[0], {
      country: r[0],
      imports: Number(r[1]),
      steelAlu: Number(r[5]) + Number(r[6]),
      autos: Number(r[7]),
    });
  }
  for (const r of rows)
    if (!Number.isFinite(r.increase) || !Number.isFinite(r.imports))
      throw new Error(msg.expectedNumbers(TRACKER_FILE, r.line, r.increase, r.imports));
  return { rows: rows.filter((r) => r.date <= LAST_DATE), summary };
}

/** Section 232 rates in force on `date` for region `r`: steel and aluminium, autos and parts. */
function section232(date: string, r: string, eu: ReadonlySet<string>): { steelAlu: number; autos: number } {
  const steelAlu = date >= '2025-06-03' ? (r === 'GBR' ? 0.25 : 0.5) : date >= '2025-03-12' ? 0.25 : 0;
  let autos = date >= '2025-04-03' ? 0.25 : 0;
  if (autos && (r === 'CAN' || r === 'MEX')) autos = 0.15;
  if (autos && date >= '2025-08-07' && (r === 'JPN' || eu.has(r))) autos = 0.15;
  if (autos && date >= '2025-12-04' && r === 'KOR') autos = 0.15;
  return { steelAlu, autos };
}

interface RegionLevel {
  region: string;
  increase: number;
  lines: number[];
  steelAluShare: number;
  autosShare: number;
}

/** The tracker's level for every region but CHN and USA on one date, with the rows it rests on. */
function levelsOn(
  d: Dataset,
  rows: TrackerRow[],
  summary: Map<string, TrackerSummary>,
  goodsImports: (r: string) => number,
): RegionLevel[] {
  const eu = new Set(d.manifest.groups.EU ?? []);
  const acc = new Map<string, { w: number; s: number; lines: number[]; tot: number; sa: number; au: number }>();
  const add = (region: string, row: TrackerRow, w: number) => {
    const a = acc.get(region) ?? { w: 0, s: 0, lines: [], tot: 0, sa: 0, au: 0 };
    a.w += w;
    a.s += w * row.increase;
    a.lines.push(row.line);
    const sm = summary.get(row.country);
    if (sm) {
      a.tot += sm.imports;
      a.sa += sm.steelAlu;
      a.au += sm.autos;
    }
    acc.set(region, a);
  };
  const slovakia = rows.find((r) => r.country === 'SLOVAKIA');
  for (const row of rows) {
    if (row.country === 'CHINA' || row.country === 'SLOVAKIA') continue;
    if (row.country === 'EUROPEAN UNION') {
      for (const m of eu) {
        const w = m === 'EUR' && slovakia ? Math.max(goodsImports(m) - slovakia.imports / 1e6, 0) : 1;
        add(m, row, w);
      }
      continue;
    }
    const r = COUNTRY_REGION[row.country];
    add(r && d.regions.includes(r) ? r : 'ROW', row, row.imports);
  }
  if (slovakia && eu.has('EUR')) add('EUR', slovakia, slovakia.imports / 1e6);
  return [...acc.entries()]
    .filter(([r]) => d.regions.includes(r))
    .map(([region, a]) => ({
      region,
      increase: a.s / a.w / 100,
      lines: a.lines,
      steelAluShare: a.tot > 0 ? a.sa / a.tot : 0,
      autosShare: a.tot > 0 ? a.au / a.tot : 0,
    }));
}

export interface TariffStepEntry {
  importer: string;
  exporter: string;
  sectors: string[];
  add: number;
  source: string;
}
export interface TrackerStep {
  date: string;
  id: string;
  increases: Record<string, number>;
  entries: TariffStepEntry[];
  scaled: string[];
}

/** "7, 11–13, 15": sorted line numbers as ranges. */
export function ranges(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const out: string[] = [];
  for (let k = 0; k < s.length; k++) {
    let m = k;
    while (m + 1 < s.length && s[m + 1] === s[m] + 1) m++;
    out.push(m > k ? `${s[k]}–${s[m]}` : `${s[k]}`);
    k = m;
  }
  return out.join(', ');
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The all-partner steps: one per tracker date on which some region's level changes. */
export function trackerSteps(d: Dataset, dir = TRACKER_DIR): TrackerStep[] {
  const { rows, summary } = readTracker(dir);
  const { N, J } = d;
  const us = d.regions.indexOf('USA');
  const goods = d.manifest.sector_groups!.goods.map((c) => d.sectors.indexOf(c));
  const j12 = d.sectors.indexOf('c12'),
    j15 = d.sectors.indexOf('c15');
  const flow = (r: string, j: number) => d.flows[(us * N + d.regions.indexOf(r)) * J + j];
  const goodsImports = (r: string) => goods.reduce((s, j) => s + flow(r, j), 0);
  const eu = new Set(d.manifest.groups.EU ?? []);
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const out: TrackerStep[] = [];
  let prev: Record<string, number> = {};
  for (const date of dates) {
    const levels = levelsOn(
      d,
      rows.filter((r) => r.date === date),
      summary,
      goodsImports,
    );
    const increases = Object.fromEntries(levels.map((l) => [l.region, l.increase]));
    if (levels.every((l) => Math.abs(l.increase - (prev[l.region] ?? 0)) < 1e-12)) continue;
    prev = increases;
    const entries: TariffStepEntry[] = [];
    const scaled: string[] = [];
    for (const l of levels) {
      if (l.increase === 0) continue;
      const W = goodsImports(l.region);
      let cs12 = Math.min(1, (l.steelAluShare * W) / flow(l.region, j12));
      let cs15 = Math.min(1, (l.autosShare * W) / flow(l.region, j15));
      const r232 = section232(date, l.region, eu);
      // Before a 232 measure is in force its goods pay the IEEPA rate like the rest.
      if (r232.steelAlu === 0) cs12 = 0;
      if (r232.autos === 0) cs15 = 0;
      const w12 = flow(l.region, j12) * cs12,
        w15 = flow(l.region, j15) * cs15;
      let k = 1;
      let u = (l.increase * W - w12 * r232.steelAlu - w15 * r232.autos) / (W - w12 - w15);
      if (u < 0) {
        k = (l.increase * W) / (w12 * r232.steelAlu + w15 * r232.autos);
        u = 0;
        scaled.push(l.region);
      }
      const rate12 = cs12 * k * r232.steelAlu + (1 - cs12) * u;
      const rate15 = cs15 * k * r232.autos + (1 - cs15) * u;
      const cite =
        `${TRACKER_FILE} line${l.lines.length > 1 ? 's' : ''} ` +
        `${ranges(l.lines)}: +${(100 * l.increase).toFixed(2)} points`;
      const rest = d.manifest.sector_groups!.goods.filter((c) => c !== 'c12' && c !== 'c15');
      const pattern =
        `232 steel/aluminium ${(100 * k * r232.steelAlu).toFixed(0)}% on ${(100 * cs12).toFixed(1)}% of c12, ` +
        `autos ${(100 * k * r232.autos).toFixed(0)}% on ${(100 * cs15).toFixed(1)}% of c15`;
      entries.push({
        importer: 'USA',
        exporter: l.region,
        sectors: rest,
        add: round6(u),
        source: `${cite}; the rest of the level, uniform (${pattern})`,
      });
      entries.push({
        importer: 'USA',
        exporter: l.region,
        sectors: ['c12'],
        add: round6(rate12),
        source: `${cite}; ${pattern}`,
      });
      entries.push({
        importer: 'USA',
        exporter: l.region,
        sectors: ['c15'],
        add: round6(rate15),
        source: `${cite}; ${pattern}`,
      });
    }
    out.push({ date, id: `us-world-${date}`, increases, entries, scaled });
  }
  return out;
}

const MEASURES: Record<string, string> = {
  '2025-02-04': 'IEEPA fentanyl tariffs in force (Canada and Mexico paused; Hong Kong, in ROW, with China)',
  '2025-03-06': 'IEEPA Canada/Mexico 25% (Canada energy and potash 10%), USMCA-origin goods exempt',
  '2025-03-12': 'Section 232 steel and aluminium 25%',
  '2025-04-03': 'Section 232 autos and parts 25% (USMCA autos on non-US content)',
  '2025-04-05': 'Reciprocal tariffs: 10% baseline; the tracker applies the Annex I country rates from this date',
  '2025-04-09': 'Country rates paused for 90 days: all partners at 10%',
  '2025-04-11': 'Electronics (phones, computers, chips) and Annex II goods exempt from the reciprocal tariffs',
  '2025-04-08': 'China and Hong Kong reciprocal 84% (Hong Kong is in ROW); the other country rates as on 5 April',
  '2025-05-12': 'Geneva: the China and Hong Kong reciprocal rate 125% → 10% (Hong Kong is in ROW)',
  '2025-06-03': 'Section 232 steel and aluminium 50% (UK 25%)',
  '2025-08-07':
    'Country rates of EO 14326 (EU and Japan 15% all-in, Vietnam 20%, India 25% + 25% Russian-oil penalty, ' +
    'Switzerland 39%, ...); Brazil +40%; Canada 35%; Section 232 copper 50%; auto deal rates 15% for Japan and ' +
    'the EU',
  '2025-10-14':
    'Section 232 softwood lumber 10%, upholstered furniture and kitchen cabinets 25% (EU/Japan capped at 15%)',
  '2025-11-01':
    'Section 232 medium and heavy trucks 25%, buses 10%; China and Hong Kong ' +
    'fentanyl tariff 20% → 10% (Hong Kong is in ROW)',
  '2025-11-14': 'Agricultural exemptions (EO 14360); Switzerland capped at 15%',
  '2025-12-04': 'Korea deal: 15% reciprocal ceiling and 15% on autos',
};

const FACT_ROWS: Record<string, string> = {
  '2025-03-06': 'critical-supply-2025 §5, row 4 Mar',
  '2025-03-12': 'critical-supply-2025 §5, row 12 Mar (TL) → 4 Jun',
  '2025-04-03': 'critical-supply-2025 §5, row 3 Apr / by 3 May',
  '2025-04-05': 'critical-supply-2025 §5, rows 5 Apr; 9 Apr and 2 Apr annex',
  '2025-04-09': 'critical-supply-2025 §5, row 5 Apr; 9 Apr',
  '2025-06-03': 'critical-supply-2025 §5, row 12 Mar (TL) → 4 Jun',
  '2025-08-07':
    'critical-supply-2025 §5, rows 1 Aug, 1 Aug (copper), 6 Aug, 7 Aug (EO 31 Jul), 7 Aug, 7 Aug ' +
    "+ 27 Aug (the tracker applies India's penalty from 7 Aug), EO 4 Sep",
  '2025-10-14': 'critical-supply-2025 §5, row 14 Oct',
  '2025-11-01': 'critical-supply-2025 §5, row 1 Nov; timeline-2025 §1b, row 1 Nov',
};

/** The steps as YAML-ready objects (the scenario's step format). */
function stepObjects(steps: TrackerStep[]): Record<string, unknown>[] {
  return steps.map((s, k) => ({
    date: s.date,
    id: s.id,
    label: `US tariffs on all other partners, ${s.date}: ${MEASURES[s.date] ?? 'tracker rate change'}`,
    source:
      `${TRACKER_FILE}, rows dated ${s.date} (Trade War Tracker, commit 726c595); ` +
      `${FACT_ROWS[s.date] ?? 'tracker README event table'}`,
    assumption:
      "Level: the tracker's import-weighted increase over 2024 applied rates, taken as " +
      "the increase over the dataset's 20 January 2025 rates. " +
      'Pattern: Section 232 steel/aluminium on c12 and autos on c15 at their covered shares, ' +
      'the rest uniform across goods (src/data/build/usTariffs2025.ts). ' +
      "ROW takes the import-weighted mean of the tracker's countries in it." +
      (s.scaled.length
        ? ` For ${s.scaled.join(', ')} the level is below the 232 headline rates on the ` +
          `covered shares, so those are scaled down and the rest is 0.`
        : ''),
    ...(k > 0 ? { suspend: [steps[k - 1].id] } : {}),
    tariffs: s.entries,
  }));
}

/**
 * Rewrites the `us-world-*` steps of a scenario text and leaves every other line as it was (the
 * hand-written steps keep their layout and comments): the timeline is cut into step blocks at
 * `  - date:` lines, generated blocks are dropped and new ones inserted after the steps of their date.
 */
export function withTrackerSteps(text: string, steps: TrackerStep[]): string {
  const lines = text.split('\n');
  const at = lines.indexOf('timeline:');
  if (at < 0) throw new Error(scenarioMsg.topLevelTimeline());
  const head = lines.slice(0, at + 1);
  const blocks: { date: string; text: string[] }[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^ {2}- date: (\S+)/.exec(l);
    if (m) blocks.push({ date: m[1], text: [l] });
    else if (blocks.length) blocks[blocks.length - 1].text.push(l);
    else head.push(l);
  }
  const kept = blocks.filter((b) => !b.text.some((l) => /^ {4}id: us-world-/.test(l)));
  for (const b of kept) while (b.text.length > 1 && b.text[b.text.length - 1].trim() === '') b.text.pop();
  for (const obj of stepObjects(steps)) {
    const doc = new Document([obj]);
    const seq = doc.contents as YAMLSeq<YAMLMap>;
    const node = seq.items[0];
    for (const t of (node.get('tariffs', true) as unknown as YAMLSeq<YAMLMap>).items) t.flow = true;
    const suspend = node.get('suspend', true) as unknown as YAMLSeq | undefined;
    if (suspend) suspend.flow = true;
    const rendered = doc
      .toString({ lineWidth: 0, indentSeq: true })
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `  ${l}`);
    let k = kept.findIndex((b) => b.date > String(obj.date));
    if (k < 0) k = kept.length;
    kept.splice(k, 0, { date: String(obj.date), text: rendered });
  }
  return [...head, ...kept.flatMap((b) => [...b.text, ''])].join('\n');
}

if (process.argv[1]?.endsWith('usTariffs2025.ts')) {
  const { loadDataset } = await import('../load.ts');
  const file = join(REPO_ROOT, 'scenarios', 'us-china-2025.yaml');
  const steps = trackerSteps(loadDataset('multisector-2025'));
  writeFileSync(file, withTrackerSteps(readFileSync(file, 'utf8'), steps));
  for (const s of steps)
    console.error(
      `${s.date}: ${Object.entries(s.increases)
        .map(([r, x]) => `${r} ${(100 * x).toFixed(1)}`)
        .join(' ')}${s.scaled.length ? ` (232 scaled: ${s.scaled.join(', ')})` : ''}`,
    );
}
