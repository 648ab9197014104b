/**
 * Builds the `multisector-2025` dataset: 19 WIOD regions (VNM and ASN then carved out of ROW) ×
 * 35 WIOD sectors + REE + SEMI, moved to 2023 (BACI goods trade, WDI GDP), with the tariffs in
 * force on 20 January 2025.
 * Steps and every assumption: docs/datasets-multisector-2025.md and the manifest's provenance.
 *
 * Run: `npx tsx src/data/build/multisector2025.ts` (reads ../shared/data, writes data/multisector-2025).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDataset } from '../write.ts';
import type { DatasetManifest } from '../manifest.ts';
import {
  mergeRegions,
  mergeSectors,
  outputs,
  redirectPurchases,
  renameSector,
  splitSector,
  tableResiduals,
  type IoValues,
} from '../split.ts';
import { REPO_ROOT } from './paths.ts';
import { CARVED_REGIONS, REGIONS, baciByRegion, gdpByRegion, regionOfCarved } from './multisector2025/raw.ts';
import { carveRegion, type CarveReport } from './multisector2025/regions.ts';
import { GOODS, updateTo2023, wiod2011 } from './multisector2025/update.ts';
import { pieceSpec, pieces, type PieceReport } from './multisector2025/satellites.ts';
import {
  PIIE_US_ON_CHN_JAN2025,
  PIIE_CHN_ON_US_JAN2025,
  appliedTariffs2014,
  section301BySector,
  thetaByWiod,
} from './multisector2025/tariffs.ts';
import { ASSUMPTIONS, SOURCES, METHOD } from './multisector2025/provenance.ts';
import { OWNERSHIP_SOURCES, semiOwnership } from './multisector2025/ownership.ts';
import * as msg from '../../spec/messages/data.ts';

const MULTISECTOR2025_OUT_DIR = join(REPO_ROOT, 'data', 'multisector-2025');
type Check = DatasetManifest['provenance']['checks'][number];

/** The rare-earth chain: mining and concentrate, separated oxides and metals, permanent magnets (sector group REE). */
const REE_CHAIN = ['REM', 'RES', 'MAG'] as const;
const goodsLike = (code: string) =>
  (REE_CHAIN as readonly string[]).includes(code) || code === 'SEMI' || Number(code.slice(1)) <= GOODS;

/** How the chain's stages were linked: per link, the purchases wanted and moved (million USD, world). */
export interface ChainLink {
  user: string;
  input: string;
  costShare: number;
  wanted: number;
  moved: number;
  byRegion: Record<string, number>;
}

/** Trade-weighted average tariff of importer n on exporter i over goods sectors. */
function averageTariff(
  t: Pick<IoValues, 'regions' | 'sectors' | 'trade' | 'tariff'>,
  importer: string,
  exporter: string,
): number {
  const N = t.regions.length,
    J = t.sectors.length;
  const n = t.regions.indexOf(importer),
    i = t.regions.indexOf(exporter);
  let a = 0,
    b = 0;
  t.sectors.forEach((c, j) => {
    if (goodsLike(c)) {
      const q = (n * N + i) * J + j;
      a += t.trade[q] * t.tariff[q];
      b += t.trade[q];
    }
  });
  return a / b;
}

/**
 * The chain's links: each stage that buys an input gets `costShare` of its output of it, moved from
 * the input's other users (redirectPurchases); returns what was wanted and moved per link.
 */
function chainLinks(t: IoValues, ps: ReturnType<typeof pieces>): ChainLink[] {
  const links: ChainLink[] = [];
  for (const p of ps) {
    if (!p.buys) continue;
    const { input, costShare } = p.buys,
      user = p.code;
    const y = outputs(t),
      Jn = t.sectors.length,
      u = t.sectors.indexOf(user);
    const link: ChainLink = { user, input, costShare, wanted: 0, moved: 0, byRegion: {} };
    t.regions.forEach((r, n) => {
      const want = costShare * y[n * Jn + u];
      if (!(want > 0)) return;
      const moved = redirectPurchases(t, r, input, user, want, [...REE_CHAIN, 'SEMI_chip', 'SEMI_sme']);
      link.wanted += want;
      link.moved += moved;
      link.byRegion[r] = moved / want;
    });
    links.push(link);
  }
  return links;
}

/** Adds the 2018–19 US–China layers to `t.tariff` in place, scaled to PIIE's averages; returns the layers. */
function tradeWarLayers(t: IoValues, avgMfn: { usChn: number; chnUs: number }) {
  const N = t.regions.length,
    J = t.sectors.length;
  const s301 = section301BySector();
  const us = t.regions.indexOf('USA'),
    cn = t.regions.indexOf('CHN');
  const goods = t.sectors.map((c, j) => (goodsLike(c) ? j : -1)).filter((j) => j >= 0);
  for (const j of goods) t.tariff[(us * N + cn) * J + j] += s301.bySector.get(t.sectors[j]) ?? 0;
  const listLevel = averageTariff(t, 'USA', 'CHN');
  const usScale = (PIIE_US_ON_CHN_JAN2025 - avgMfn.usChn) / (listLevel - avgMfn.usChn);
  for (const j of goods) {
    const q = (us * N + cn) * J + j;
    t.tariff[q] -= (s301.bySector.get(t.sectors[j]) ?? 0) * (1 - usScale);
    t.tariff[(cn * N + us) * J + j] += PIIE_CHN_ON_US_JAN2025 - avgMfn.chnUs;
  }
  const layers = { usListLevel: listLevel, usScale, chinaUniform: PIIE_CHN_ON_US_JAN2025 - avgMfn.chnUs };
  return { s301, layers };
}

/** Sets `t.tariff` to the applied 2014 tariffs (LL) on the 35 sectors (the carved pieces inherit their parent's). */
function setApplied2014(t: IoValues) {
  const N = t.regions.length;
  const ll = appliedTariffs2014(t.regions);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      t.sectors.forEach((c, j) => (t.tariff[(n * N + i) * t.sectors.length + j] = ll.rate(n, i, c)));
  return ll;
}

/** Carves the satellite pieces out of their parents (pieceSpec); returns the table and each piece's report. */
function carvePieces(table: IoValues, ps: ReturnType<typeof pieces>) {
  let t = table;
  const reports: PieceReport[] = [];
  for (const p of ps) {
    const { spec, report } = pieceSpec(t, p);
    t = splitSector(t, spec);
    reports.push(report);
  }
  return { table: t, reports };
}

/** θ of a merged satellite: its pieces' parents' θ weighted by each piece's world trade (no sourced estimate). */
function satelliteTheta(t: IoValues, ps: ReturnType<typeof pieces>, theta: Map<string, number>, codes: string[]) {
  const N = t.regions.length,
    J = t.sectors.length;
  const pieceTrade = (code: string) => {
    const j = t.sectors.indexOf(code);
    let x = 0;
    for (let n = 0; n < N; n++) for (let i = 0; i < N; i++) if (n !== i) x += t.trade[(n * N + i) * J + j];
    return x;
  };
  let a = 0,
    b = 0;
  for (const c of codes) {
    const p = ps.find((q) => q.code === c)!;
    const x = pieceTrade(c);
    a += theta.get(p.parent)! * x;
    b += x;
  }
  return a / b;
}

/** Vietnam, then the rest of ASEAN, carved out of ROW (BACI 2023 pair totals, WDI GDP; ROW's structure). */
function carveAsean(table: IoValues) {
  let t = table;
  const baci21 = baciByRegion(regionOfCarved),
    gdp21 = gdpByRegion(regionOfCarved);
  const carves: CarveReport[] = [];
  for (const [code, inside] of [
    ['VNM', ['ROW', 'ASN']],
    ['ASN', ['ROW']],
  ] as const) {
    const c = carveRegion(t, 'ROW', code, 'CHN', baci21, gdp21.get(code)!, [...inside], goodsLike);
    t = c.table;
    carves.push(c.report);
  }
  return { table: t, carves };
}

/** Builds the table in memory (no writing): the 2023 update, the tariffs, the carve-outs. */
export function buildTable() {
  const w = wiod2011();
  const up = updateTo2023(w.table, baciByRegion(), gdpByRegion());
  // 1. Applied 2014 tariffs on the 35 sectors.
  const ll = setApplied2014(up.table);
  // 2. Carve the satellite pieces; the rare-earth chain stays three sectors (REM, RES, MAG; group REE), SEMI is merged.
  const ps = pieces(up.table);
  const carved = carvePieces(up.table, ps);
  const theta0 = thetaByWiod();
  const thetaSemi = satelliteTheta(carved.table, ps, theta0.theta, ['SEMI_chip', 'SEMI_sme']);
  const t = renameSector(
    mergeSectors(carved.table, 'SEMI_chip', 'SEMI_sme'),
    'SEMI_chip',
    'SEMI',
    'Semiconductors and chipmaking equipment (HS 8541, 8542, 8486; satellite)',
  );
  // The chain's links: separation buys ore, magnet making buys oxides and metals (cost shares derived
  // from the facts, satellites.ts), redirected from the other users of the input against the user's
  // purchases of its own parent's good, so every row and column total stays.
  const links = chainLinks(t, ps);
  const avgMfn = { usChn: averageTariff(t, 'USA', 'CHN'), chnUs: averageTariff(t, 'CHN', 'USA') };
  // 3. The 2018–19 trade-war layers. datasets.md: the layers are set "so that the trade-weighted
  // average US tariff on China is 20.8% and China's on the US ≈ 21%" (PIIE, 20 January 2025). The
  // sector pattern comes from the lists (US) or is uniform (China: no list in the raw data); one
  // level factor per side makes the average equal PIIE's. Both factors are printed and recorded.
  const { s301, layers } = tradeWarLayers(t, avgMfn);
  // The chain's stages inherit their parents' θ (no sourced estimate).
  const parentOf = (c: string) => ps.find((p) => p.code === c)?.parent;
  const theta = t.sectors.map((c) => (c === 'SEMI' ? thetaSemi : theta0.theta.get(parentOf(c) ?? c)!));
  // 4. Vietnam, then the rest of ASEAN, out of ROW.
  const { table, carves } = carveAsean(t);
  return {
    table,
    uncarved: t,
    carves,
    theta,
    update: up.report,
    vaFileGap: w.vaFileGap,
    reports: carved.reports,
    links,
    avgMfn,
    s301,
    layers,
    indiaUsAgri: ll.indiaUsAgri,
    thetaMapping: theta0.mapping,
  };
}

/** Shares of the io-table format; α is the residual of the spending identity (CP 2015), clipped at 0. */
function toShares(t: IoValues) {
  const N = t.regions.length,
    J = t.sectors.length;
  const y = outputs(t);
  const vaShare = new Float64Array(N * J),
    io = new Float64Array(N * J * J),
    finalShare = new Float64Array(N * J);
  let clippedVa = 0,
    clippedFinal = 0;
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < J; j++) {
      const Y = y[n * J + j];
      let inputs = 0;
      for (let k = 0; k < J; k++) inputs += t.use[(n * J + k) * J + j];
      if (Y <= 0 || inputs <= 0) {
        vaShare[n * J + j] = 1;
        io[(n * J + j) * J + j] = 1;
        continue;
      }
      let v = 1 - inputs / Y;
      if (v < 0) {
        clippedVa++;
        v = 0;
      }
      vaShare[n * J + j] = Math.min(1, v);
      for (let k = 0; k < J; k++) io[(n * J + k) * J + j] = t.use[(n * J + k) * J + j] / inputs;
    }
    let s = 0;
    const a = new Float64Array(J);
    for (let k = 0; k < J; k++) {
      let x = 0,
        inter = 0;
      for (let i = 0; i < N; i++) x += t.trade[(n * N + i) * J + k] * (1 + t.tariff[(n * N + i) * J + k]);
      for (let j = 0; j < J; j++) inter += io[(n * J + k) * J + j] * (1 - vaShare[n * J + j]) * y[n * J + j];
      a[k] = x - inter;
      if (a[k] < 0) {
        clippedFinal++;
        a[k] = 0;
      }
      s += a[k];
    }
    for (let k = 0; k < J; k++) finalShare[n * J + k] = a[k] / s;
  }
  return { vaShare, io, finalShare, clippedVa, clippedFinal };
}

type Built = ReturnType<typeof buildTable>;

/** Goods imports of `importer` from `exporter` (bn USD): the trade of the goods sectors, satellites included. */
function goodsTrade(t: IoValues, importer: string, exporter: string): number {
  const N = t.regions.length,
    J = t.sectors.length;
  const n = t.regions.indexOf(importer),
    i = t.regions.indexOf(exporter);
  let s = 0;
  t.sectors.forEach((c, j) => {
    if (goodsLike(c)) s += t.trade[(n * N + i) * J + j];
  });
  return s / 1000;
}

/** The carve of VNM and ASN checked: the round trip back to the uncarved table and the gaps to BACI and WDI. */
function carveMeasures(b: Built) {
  const t = b.table;
  const J = t.sectors.length;
  const goods = (importer: string, exporter: string) => goodsTrade(t, importer, exporter);
  // The carve of VNM and ASN: merged back (reverse order) the table is the uncarved one, cell for cell.
  const merged = mergeRegions(mergeRegions(t, 'ROW', 'ASN'), 'ROW', 'VNM');
  let cellsOff = 0;
  for (const key of ['trade', 'tariff', 'use', 'final', 'va'] as const)
    for (let q = 0; q < merged[key].length; q++) if (!Object.is(merged[key][q], b.uncarved[key][q])) cellsOff++;
  const baci21 = baciByRegion(regionOfCarved),
    gdp21 = gdpByRegion(regionOfCarved);
  let exportGap = 0,
    importGap = 0,
    vaGap = 0;
  for (const c of ['VNM', 'ASN']) {
    for (const o of t.regions) {
      if (o === c || o === 'TWN') continue;
      const bx = baci21.get(`${c}>${o}`) ?? 0,
        bm = baci21.get(`${o}>${c}`) ?? 0;
      if (bx > 0 && !['VNM', 'ASN', 'ROW'].includes(o))
        exportGap = Math.max(exportGap, Math.abs((goods(o, c) * 1000) / bx - 1));
      if (bm > 0) importGap = Math.max(importGap, Math.abs((goods(c, o) * 1000) / bm - 1));
    }
    const n = t.regions.indexOf(c);
    let va = 0;
    for (let j = 0; j < J; j++) va += t.va[n * J + j];
    vaGap = Math.max(vaGap, Math.abs(va / gdp21.get(c)! - 1));
  }
  const adjusted = b.carves
    .map((c) => `${c.code}: ${c.importsCut.map(([k, m]) => `${k} ×${m.toFixed(2)}`).join(', ') || 'none'}`)
    .join('; ');
  return { cellsOff, exportGap, importGap, vaGap, adjusted };
}

/** The table's world figures the checks read: trade both ways, the cost gap, residuals, satellite outputs. */
function tableMeasures(t: IoValues) {
  const N = t.regions.length,
    J = t.sectors.length;
  let wx = 0,
    wm = 0;
  const y = outputs(t);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      if (n !== i)
        for (let j = 0; j < J; j++) {
          wm += t.trade[(n * N + i) * J + j];
          wx += t.trade[(i * N + n) * J + j];
        }
  let costGap = 0;
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      let inputs = 0;
      for (let k = 0; k < J; k++) inputs += t.use[(n * J + k) * J + j];
      const Y = y[n * J + j];
      if (Y > 0) costGap = Math.max(costGap, Math.abs(t.va[n * J + j] + inputs - Y) / Y);
    }
  const res = tableResiduals(t);
  const scale = Math.max(...y);
  const chain = REE_CHAIN.map((c) => t.sectors.indexOf(c)),
    semi = t.sectors.indexOf('SEMI');
  let reeOut = 0,
    semiOut = 0,
    worldOut = 0;
  for (let n = 0; n < N; n++) {
    for (const j of chain) reeOut += y[n * J + j];
    semiOut += y[n * J + semi];
    for (let j = 0; j < J; j++) worldOut += y[n * J + j];
  }
  return { wx, wm, costGap, residual: Math.max(res.row, res.column), scale, reeOut, semiOut, worldOut };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The hard checks of the 2023 update: BACI anchors, world balance, costs, residuals, LL's orientation. */
function updateChecks(b: Built, m: ReturnType<typeof tableMeasures>): Check[] {
  const goods = (importer: string, exporter: string) => goodsTrade(b.table, importer, exporter);
  return [
    {
      name: 'China → US goods 2023 (bn USD)',
      value: r1(goods('USA', 'CHN')),
      target: '440 ± 2% (BACI 2023: 440.5)',
      passed: Math.abs(goods('USA', 'CHN') / 440 - 1) <= 0.02,
    },
    {
      name: 'US → China goods 2023 (bn USD)',
      value: r1(goods('CHN', 'USA')),
      target: '145 ± 2% (BACI 2023: 145.3)',
      passed: Math.abs(goods('CHN', 'USA') / 145 - 1) <= 0.02,
    },
    {
      name: 'World exports − world imports (million USD)',
      value: m.wx - m.wm,
      target: '0',
      passed: Math.abs(m.wx - m.wm) <= 1e-9 * m.wx,
    },
    {
      name: "Largest gap between a sector's costs and its output (relative)",
      value: m.costGap,
      target: '< 1e-9',
      passed: m.costGap < 1e-9,
    },
    {
      name: 'Largest row/column residual after re-balancing and carving (million USD)',
      value: m.residual,
      target: `< 1e-9 × largest output (${m.scale.toFixed(0)})`,
      passed: m.residual < 1e-9 * m.scale,
    },
    {
      name: 'Goods pair totals vs BACI 2023, largest relative gap (before carving)',
      value: b.update.baciGap,
      target: '< 1e-9',
      passed: b.update.baciGap < 1e-9,
    },
    {
      name: "LL 2014 orientation: India's tariff on US agriculture (importer = first column)",
      value: r1(b.indiaUsAgri * 100),
      target: '≈ 34% (README)',
      passed: Math.abs(b.indiaUsAgri - 0.34) < 0.01,
    },
  ];
}

/** The US–China averages of 20 January 2025 against PIIE's, with the Section 301 level factor. */
function tariffChecks(b: Built): Check[] {
  const usChn = averageTariff(b.table, 'USA', 'CHN'),
    chnUs = averageTariff(b.table, 'CHN', 'USA');
  return [
    {
      name: 'US average tariff on China, 20 Jan 2025 (%, trade-weighted, goods incl. REE and SEMI)',
      value: r1(usChn * 100),
      target: `PIIE 20.8 (gap ${r1(usChn * 100 - 20.8)} points; 2014 applied alone ${r1(b.avgMfn.usChn * 100)})`,
      passed: Math.abs(usChn * 100 - 20.8) <= 0.05,
    },
    {
      name: 'Section 301 layer: list-derived US average before the level factor (%), and the factor',
      value: `${r1(b.layers.usListLevel * 100)}; ×${b.layers.usScale.toFixed(3)}`,
      target: "the factor makes the average PIIE's 20.8",
      passed: b.layers.usScale > 0,
    },
    {
      name: 'China average tariff on the US, 20 Jan 2025 (%, trade-weighted)',
      value: r1(chnUs * 100),
      target:
        `PIIE ≈ 21.2 (derived 32.6 − 11.4; 2014 applied alone ` +
        `${r1(b.avgMfn.chnUs * 100)}, uniform layer ${r1(b.layers.chinaUniform * 100)} points)`,
      passed: Math.abs(chnUs * 100 - 21.2) <= 0.05,
    },
  ];
}

/** The satellites: the REE chain's size, each chain link moved, SEMI's output. */
function satelliteChecks(b: Built, m: ReturnType<typeof tableMeasures>): Check[] {
  return [
    {
      name: 'REE chain world output, REM + RES + MAG (bn USD) and share of world output',
      value: `${r1(m.reeOut / 1000)} (${((m.reeOut / m.worldOut) * 100).toExponential(2)}%)`,
      passed: m.reeOut / m.worldOut < 1e-3,
    },
    ...b.links.map((l) => ({
      name:
        `Chain link: ${l.user} buys ${l.input} (cost share ${l.costShare}), ` +
        `world purchases moved / wanted (million USD)`,
      value: `${l.moved.toFixed(0)} / ${l.wanted.toFixed(0)}`,
      target: "as much as the input's absorption in each region allows",
      passed: l.moved > 0,
    })),
    {
      name: 'SEMI world output (bn USD)',
      value: r1(m.semiOut / 1000),
      target: 'SIA/WSTS chip sales 526.8 (2023) + equipment 109 (2024); trade anchors raise it (see assumptions)',
      passed: m.semiOut > 0,
    },
  ];
}

/** The carve of VNM and ASN: the exact round trip and the gaps to BACI and WDI. */
function carveChecks(b: Built): Check[] {
  const { cellsOff, exportGap, importGap, vaGap, adjusted } = carveMeasures(b);
  return [
    {
      name: 'VNM and ASN carved out of ROW: cells of the merged-back table that differ from the uncarved one',
      value: cellsOff,
      target: '0 (exact round trip: flows, tariffs, purchases, final demand, value added)',
      passed: cellsOff === 0,
    },
    {
      name:
        'VNM and ASN: goods exports to the 18 other regions vs BACI 2023, largest relative gap (Taiwan: ' +
        'not in BACI; trade inside the old ROW moves with ASN imports, next row)',
      value: exportGap,
      target: '< 1e-9',
      passed: exportGap < 1e-9,
    },
    {
      name: 'VNM and ASN: goods imports from each region vs BACI 2023, largest relative gap',
      value: r1(importGap * 100),
      target:
        `% (< 100) — imports of a good are moved off BACI only where ROW's ` +
        `structure cannot absorb them (${adjusted})`,
      passed: importGap < 1,
    },
    {
      name: 'VNM and ASN: value added vs 2023 GDP (WDI), largest relative gap',
      value: vaGap,
      target: '< 1e-9',
      passed: vaGap < 1e-9,
    },
  ];
}

/** The shares the model reads: how many were clipped at 0. */
function shareChecks(sh: ReturnType<typeof toShares>): Check[] {
  return [
    {
      name: 'Final-demand shares clipped at 0 (region-sectors; WIOD inventory changes can make one negative)',
      value: sh.clippedFinal,
      target: '≤ 2',
      passed: sh.clippedFinal <= 2,
    },
    {
      name: 'Value-added shares clipped at 0 (region-sectors)',
      value: sh.clippedVa,
      target: '0',
      passed: sh.clippedVa <= 2,
    },
  ];
}

/**
 * The build's checks: trade anchors, balance, residuals, tariff averages, the satellites and the
 * carve. reportChecks treats the first seven (updateChecks) as hard.
 */
function tableChecks(b: Built, sh: ReturnType<typeof toShares>): Check[] {
  const m = tableMeasures(b.table);
  return [...updateChecks(b, m), ...tariffChecks(b), ...satelliteChecks(b, m), ...carveChecks(b), ...shareChecks(sh)];
}

/** Prints the checks and what the build adjusted to stderr; throws when a hard check failed. */
function reportChecks(b: Built, checks: Check[]): void {
  for (const c of checks)
    console.error(`${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.value}${c.target ? ` (target ${c.target})` : ''}`);
  console.error(
    msg.reBalancingFinal(
      b.update.finalMixAdjusted,
      (b.update.largestFinalMixShift * 100).toFixed(2),
      b.update.twnGdpGrowth.toFixed(3),
    ),
  );
  for (const l of b.links)
    console.error(
      msg.linkMovedMillion(
        l.user,
        l.input,
        l.moved.toFixed(0),
        l.wanted.toFixed(0),
        Object.entries(l.byRegion)
          .map(([r, v]) => `${r} ${v.toFixed(2)}`)
          .join(', '),
      ),
    );
  for (const r of b.reports)
    console.error(
      msg.carveWorldMillion(
        r.code,
        r.world.toFixed(0),
        r.worldOutput.toFixed(0),
        r.capped.join('; ') || 'none',
        r.outputRaised.join('; ') || 'none',
      ),
    );
  for (const c of b.carves)
    console.error(
      msg.carveGdpBn(
        c.code,
        (c.gdp / 1000).toFixed(1),
        ((100 * c.gdp) / c.parentGdp).toFixed(2),
        (c.goodsExports / 1000).toFixed(1),
        (c.goodsImports / 1000).toFixed(1),
        c.finalMixAdjusted.join(', ') || 'none',
        c.largestOutputShare[0],
        (100 * c.largestOutputShare[1]).toFixed(1),
      ),
    );
  const hard = [
    ...checks.slice(0, 7),
    ...checks.filter(
      (c) =>
        c.name.startsWith('VNM and ASN carved') ||
        c.name.startsWith('VNM and ASN: value') ||
        c.name.startsWith('VNM and ASN: goods exports'),
    ),
  ];
  if (hard.some((c) => !c.passed)) throw new RangeError(msg.multisectorConsistencyCheck());
}

function multisectorManifest(b: Built, checks: Check[]): DatasetManifest {
  const t = b.table;
  const J = t.sectors.length;
  const y = outputs(t);
  const chain = REE_CHAIN.map((c) => t.sectors.indexOf(c)),
    semi = t.sectors.indexOf('SEMI');
  const names = t.names ?? t.sectors;
  const semiOf = (r: string) => y[t.regions.indexOf(r) * J + semi];
  const own = semiOwnership({ TWN: semiOf('TWN'), KOR: semiOf('KOR') });
  return {
    lancaster_dataset: 1,
    id: 'multisector-2025',
    name: 'US–China 2025: 21 regions × 39 sectors (WIOD 2011 structure, 2023 levels)',
    description:
      '19 WIOD regions (with Vietnam, VNM, and the rest of ASEAN, ASN, carved out of ROW) × 35 WIOD sectors ' +
      'plus the satellites REM, RES, MAG (the rare-earth chain: mining and concentrate, separated oxides and ' +
      'metals, permanent magnets; group REE) and SEMI (chips and chipmaking equipment); input–output structure ' +
      'of WIOD 2011, goods trade moved to BACI 2023 and value added to 2023 GDP, re-balanced; tariffs as on 20 ' +
      'January 2025 (2014 applied rates plus the 2018–19 US–China layers). Million USD.',
    version: '1.2.0',
    base_year: 2023,
    layout: 'io-table',
    default_model: 'multisector',
    unit: 'million USD',
    regions: t.regions.map((code) => ({ code, name: [...REGIONS, ...CARVED_REGIONS].find(([c]) => c === code)![1] })),
    sectors: t.sectors.map((code, j) => ({ code, name: names[j], tradable: true, theta: b.theta[j] })),
    groups: { EU: ['DEU', 'FRA', 'ITA', 'EUR'] },
    // Goods are WIOD c1–c16 and the two satellites; PIIE's average tariffs are over goods.
    sector_groups: {
      goods: [...Array.from({ length: 16 }, (_, k) => `c${k + 1}`), ...REE_CHAIN, 'SEMI'],
      REE: [...REE_CHAIN],
      services: Array.from({ length: 19 }, (_, k) => `c${k + 17}`),
    },
    region_columns: {},
    schedules: {},
    ownership: own.links,
    provenance: {
      sources: [...SOURCES, ...OWNERSHIP_SOURCES],
      built_by: 'src/data/build/multisector2025.ts',
      built_at: new Date().toISOString().slice(0, 10),
      method: METHOD,
      assumptions: ASSUMPTIONS({
        carves: b.carves,
        reports: b.reports,
        links: b.links,
        update: b.update,
        thetaRee: chain.map((j) => b.theta[j]),
        thetaSemi: b.theta[semi],
        thetaMapping: b.thetaMapping,
        s301: b.s301.bySector,
        layers: b.layers,
      }).concat(own.assumption),
      checks,
    },
  };
}

/** Builds multisector-2025 and writes it to `outDir`; prints the checks to stderr and returns them. */
export function buildMultisector2025(outDir = MULTISECTOR2025_OUT_DIR): Check[] {
  const b = buildTable();
  const t = b.table;
  const N = t.regions.length,
    J = t.sectors.length;
  const sh = toShares(t);
  const checks = tableChecks(b, sh);
  reportChecks(b, checks);
  const manifest = multisectorManifest(b, checks);
  writeDataset(outDir, manifest, {
    N,
    J,
    regions: t.regions,
    sectors: t.sectors,
    flows: t.trade,
    tariff: t.tariff,
    vaShare: sh.vaShare,
    finalShare: sh.finalShare,
    io: sh.io,
  });
  return checks;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildMultisector2025();
