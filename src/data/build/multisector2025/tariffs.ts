/**
 * Baseline tariffs (the state on 20 January 2025) and trade elasticities.
 *
 * 1. Applied 2014 rates of Lashkaripour & Lugovskyy (2023): importer = first column (checked by the
 *    README's evidence and here: India's 2014 tariff on US agriculture is ~34%). The 44 economies are
 *    aggregated to the 19 regions with their 2014 flows as weights; their 16 sectors map to c1–c16
 *    (their 4 "textiles, apparel & leather" → c4 and c5; 12 "computer, electronic, electrical" → c14;
 *    13 machinery → c13; 14 transport → c15; 15 other manufacturing → c16). Services: 0.
 * 2. US Section 301 on China (HTS8 lists; rates on 20 Jan 2025: Lists 1–3 25%, 4A 7.5%, 4B 0): per HS2
 *    chapter, the listed rate summed over listed HS6 codes / the chapter's HS6 line count
 *    (HS2007, from concordance_hs2_to_wiod35.csv notes), capped at 25%; per WIOD sector, the mean over
 *    chapters weighted by US 2024 imports from China by chapter × the chapter's line share in the sector.
 *    REE and SEMI: the mean listed rate of their own HS6 codes. Line counts ignore what is imported
 *    within a chapter; where timeline-2025 §4c gives the 2024 US imports from China of a large
 *    product that no list taxes (telephones $50.1bn and computers $35.5bn: their main lines,
 *    mobile phones and laptops, are on List 4B, never imposed), that value is taken out at a zero
 *    rate and the rest of the chapter carries the line-count rate of its other lines.
 * 3. China on the US: no 2018–19 retaliation list is in the raw data; a uniform layer on goods.
 * The caller sets each side's layer level so the trade-weighted averages equal PIIE's (datasets.md).
 */
import { join } from 'node:path';
import { RAW_DIR } from '../paths.ts';
import { SATELLITE_DIR, num, readCsv, regionOf } from './raw.ts';
import * as msg from '../../../spec/messages/data.ts';

/** PIIE (Bown) trade-weighted average US tariff on China on 20 January 2025 (timeline-2025 §1a). */
export const PIIE_US_ON_CHN_JAN2025 = 0.208;
/**
 * China's average on US goods on 20 January 2025: 32.6 − 11.4 (PIIE post-Geneva level minus its
 * increase; derived, timeline-2025 §1a).
 */
export const PIIE_CHN_ON_US_JAN2025 = 0.212;
const LL_TO_WIOD: Record<number, string[]> = {
  1: ['c1'],
  2: ['c2'],
  3: ['c3'],
  4: ['c4', 'c5'],
  5: ['c6'],
  6: ['c7'],
  7: ['c8'],
  8: ['c9'],
  9: ['c10'],
  10: ['c11'],
  11: ['c12'],
  12: ['c14'],
  13: ['c13'],
  14: ['c15'],
  15: ['c16'],
};
const REE_HS6 = ['280530', '284610', '284690', '850511'];
const SEMI_HS6 = [
  '848610',
  '848620',
  '848630',
  '848640',
  '848690',
  '854110',
  '854121',
  '854129',
  '854130',
  '854140',
  '854150',
  '854160',
  '854190',
  '854231',
  '854232',
  '854233',
  '854239',
  '854290',
];

/** Applied 2014 tariffs (fractions) by importer region, exporter region and WIOD sector code. */
export function appliedTariffs2014(regions: string[]): {
  rate: (n: number, i: number, sector: string) => number;
  indiaUsAgri: number;
} {
  const dir = join(RAW_DIR, 'wiod2014_ll2023');
  const w = new Map<string, number>();
  for (const r of readCsv(join(dir, 'flows_2014_by_sector.csv')))
    w.set(`${r.importer}.${r.exporter}.${r.sector}`, num(r.value_musd, 'LL flow'));
  const acc = new Map<string, [number, number, number, number]>(); // Σ w·t, Σ w, Σ t, count
  let indiaUsAgri = NaN;
  for (const r of readCsv(join(dir, 'tariffs_2014_applied.csv'))) {
    const s = Number(r.sector);
    if (s > 15) continue;
    const t = num(r.applied_tariff_pct, 'LL tariff') / 100;
    if (r.importer === 'IND' && r.exporter === 'USA' && s === 1) indiaUsAgri = t;
    const n = regionOf(r.importer),
      i = regionOf(r.exporter);
    if (n === i) continue;
    const key = `${n}.${i}.${s}`;
    const a = acc.get(key) ?? [0, 0, 0, 0];
    const f = w.get(`${r.importer}.${r.exporter}.${s}`) ?? 0;
    a[0] += f * t;
    a[1] += f;
    a[2] += t;
    a[3] += 1;
    acc.set(key, a);
  }
  const bySector = new Map<string, number>();
  for (const [s, codes] of Object.entries(LL_TO_WIOD)) for (const c of codes) bySector.set(c, Number(s));
  return {
    indiaUsAgri,
    rate: (n, i, sector) => {
      const s = bySector.get(sector);
      if (s === undefined || n === i) return 0;
      const a = acc.get(`${regions[n]}.${regions[i]}.${s}`);
      if (!a) return 0;
      return a[1] > 0 ? a[0] / a[1] : a[2] / a[3];
    },
  };
}

/** Section 301 rate of each listed HS6 code on 20 January 2025 (the highest of its HTS8 lines). */
function section301ByHs6(): Map<string, number> {
  const m = new Map<string, number>();
  const rate: Record<string, number> = {
    'List 1': 0.25,
    'List 2': 0.25,
    'List 3': 0.25,
    'List 4A': 0.075,
    'List 4B': 0,
  };
  for (const r of readCsv(join(RAW_DIR, 'section301_lists', 'section301_china_hts8_lists.csv'))) {
    const v = rate[r.list];
    if (v === undefined) throw new RangeError(msg.sectionListName(r.list));
    const h6 = r.hts8.padStart(8, '0').slice(0, 6);
    m.set(h6, Math.max(m.get(h6) ?? 0, v));
  }
  return m;
}

/**
 * Headings with no Section 301 tariff on 20 January 2025 and a sourced 2024 US import value from
 * China (timeline-2025 §4c, NYT/USITC 2024 data); hs6Lines is the heading's HS2007 six-digit count.
 */
const UNCOVERED_HEADINGS = [
  {
    hs6: ['851712', '851718'],
    usd2024: 50.1e9,
    what: 'telephones: assumed to be the List 4B lines (mobile phones 8517.12, other 8517.18)',
  },
  {
    hs6: ['847130'],
    usd2024: 35.5e9,
    what: 'computers: assumed to be the List 4B line of portable computers (8471.30)',
  },
];

/** Additional US tariff on China by WIOD sector code (and REE, SEMI), fractions. */
export function section301BySector(): { bySector: Map<string, number>; chapters: number } {
  const hs6 = section301ByHs6();
  const conc = readCsv(join(SATELLITE_DIR, 'concordance_hs2_to_wiod35.csv'));
  const lines = new Map<string, number>();
  for (const r of conc) {
    const m = /of (\d+) HS2007 six-digit lines/.exec(r.note);
    if (m) lines.set(r.hs2, Number(m[1]));
  }
  const imports = new Map<string, number>();
  for (const r of readCsv(join(RAW_DIR, 'us_tariff_tracker_2025', 'hs2-tariff-china-5700.csv')))
    imports.set(r.HS2.padStart(2, '0'), num(r['2024_imports'], 'US imports'));
  const chapterRate = new Map<string, number>();
  for (const [h2, total] of lines) {
    const out = UNCOVERED_HEADINGS.filter((u) => u.hs6[0].startsWith(h2));
    const outCodes = out.flatMap((u) => u.hs6);
    const outLines = outCodes.length;
    let s = 0;
    for (const [code, v] of hs6) if (code.startsWith(h2) && !outCodes.includes(code)) s += v;
    const rest = Math.min(0.25, s / (total - outLines));
    const chapterImports = imports.get(h2) ?? 0;
    const uncovered = Math.min(
      chapterImports,
      out.reduce((a, u) => a + u.usd2024, 0),
    );
    chapterRate.set(h2, chapterImports > 0 ? (rest * (chapterImports - uncovered)) / chapterImports : rest);
  }
  const acc = new Map<string, [number, number]>();
  for (const r of conc) {
    if (!/^c\d+$/.test(r.wiod_c)) continue;
    const wgt = (imports.get(r.hs2) ?? 0) * num(r.value, 'line share');
    const a = acc.get(r.wiod_c) ?? [0, 0];
    a[0] += wgt * (chapterRate.get(r.hs2) ?? 0);
    a[1] += wgt;
    acc.set(r.wiod_c, a);
  }
  const bySector = new Map<string, number>();
  for (const [c, [a, b]] of acc) bySector.set(c, b > 0 ? a / b : 0);
  const mean = (codes: string[]) => codes.reduce((s, c) => s + (hs6.get(c) ?? 0), 0) / codes.length;
  // The rare-earth chain: ores (2530.90, 2612.20), compounds and metals (2805.30, 2846), magnets (8505.11).
  bySector.set('REM', mean(['253090', '261220']));
  bySector.set('RES', mean(REE_HS6.slice(0, 3)));
  bySector.set('MAG', mean(['850511']));
  bySector.set('SEMI', mean(SEMI_HS6));
  return { bySector, chapters: chapterRate.size };
}

/**
 * CP 2015 θ by WIOD sector: CP sectors mapped (ISIC Rev.3), several CP sectors → trade-weighted
 * mean (CP 1993 world trade).
 */
export function thetaByWiod(): { theta: Map<string, number>; mapping: Record<string, string[]> } {
  const dir = join(RAW_DIR, 'cp2015_nafta');
  const th = new Map(readCsv(join(dir, 'theta.csv')).map((r) => [r.sector, num(r.value, 'theta')]));
  const trade = new Map<string, number>();
  for (const r of readCsv(join(dir, 'trade_tariffs.csv')))
    if (r.exporter !== r.importer) trade.set(r.sector, (trade.get(r.sector) ?? 0) + num(r.value, 'CP trade'));
  const mapping: Record<string, string[]> = {
    c1: ['Agriculture'],
    c2: ['Mining'],
    c3: ['Food'],
    c4: ['Textile'],
    c5: ['Textile'],
    c6: ['Wood'],
    c7: ['Paper'],
    c8: ['Petroleum'],
    c9: ['Chemicals'],
    c10: ['Plastic'],
    c11: ['Minerals'],
    c12: ['Basic metals', 'Metal products'],
    c13: ['Machinery n.e.c'],
    c14: ['Office', 'Electrical', 'Communication', 'Medical'],
    c15: ['Auto', 'Other Transport'],
    c16: ['Other'],
  };
  const theta = new Map<string, number>();
  for (const [w, cps] of Object.entries(mapping)) {
    let a = 0,
      b = 0;
    for (const c of cps) {
      const v = th.get(c);
      if (v === undefined) throw new RangeError(msg.cpSectorTheta(c));
      a += v * (trade.get(c) ?? 0);
      b += trade.get(c) ?? 0;
    }
    theta.set(w, a / b);
  }
  for (let j = 17; j <= 35; j++) theta.set(`c${j}`, th.get('Electricity')!); // services: CP's 8.22
  return { theta, mapping };
}
