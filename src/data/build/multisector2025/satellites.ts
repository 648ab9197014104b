/**
 * The REE and SEMI satellite sectors: sizes from ../shared/data/satellites and the carving rules.
 *
 * Each satellite is carved in pieces, one per parent sector (REE: ores from c2, compounds and
 * metals from c9, magnets from c14; SEMI: chips from c14, chipmaking equipment from c13), with the
 * general split of src/data/split.ts; the pieces are then merged into one sector. A piece is given:
 * - its world output W (million USD) and production shares q_i by region → output W·q_i;
 * - sourced bilateral flows (anchors), as a share of the parent's flow (capped at CAP);
 * - optionally the exporter's sourced total exports (its other destinations are scaled to it);
 * - every other flow: the exporter's output share of the parent (same export intensity as the parent);
 * - users: a sourced distribution of the satellite's purchases (REE) or, without one, the same
 *   share of every user's purchases of the parent (SEMI).
 * Where an exporter's carved exports exceed its output, the output is raised so that its domestic
 * sales are the same share of the parent's as its exports (reported).
 */
import type { IoValues, SplitSpec } from '../../split.ts';
import { outputs } from '../../split.ts';
import { satellite, satValue, type SatRow } from './raw.ts';
import * as msg from '../../../spec/messages/data.ts';

/** Largest share of a parent's bilateral flow a sourced anchor may take. */
const CAP = 0.9;

export interface Piece {
  parent: string;
  code: string;
  name: string;
  world: number;
  shares: Record<string, number>;
  anchors: { exporter: string; importer: string; value: number; note: string }[];
  exporterTotals: { exporter: string; value: number; note: string }[];
  /**
   * Distribution of the satellite's purchases over users (sector codes, 'final'); the rest is
   * spread like the parent's.
   */
  users?: Record<string, number>;
  /** A supply-chain link: this piece buys `input` (another piece) at `costShare` of its output (set after carving). */
  buys?: { input: string; costShare: number };
  sizing: string;
}

export interface PieceReport {
  code: string;
  world: number;
  capped: string[];
  outputRaised: string[];
  worldOutput: number;
}

/** Splits `spec` across the four large EU regions and GBR by their output of `parent` (no sourced split). */
function byOutput(t: IoValues, parent: string, regions: string[], total: number): Record<string, number> {
  const y = outputs(t),
    J = t.sectors.length,
    k = t.sectors.indexOf(parent);
  const v = regions.map((r) => y[t.regions.indexOf(r) * J + k]);
  const s = v.reduce((a, b) => a + b, 0);
  return Object.fromEntries(regions.map((r, q) => [r, (total * v[q]) / s]));
}

/** REE ores: world mine output (t REO) valued at the US unit value ($260m for 45,000 t), shares by mine output. */
function oreFacts(mine: SatRow[]) {
  const worldT = satValue(mine, 'REE mine production', 'World', '2024');
  const usT = satValue(mine, 'REE mine production', 'USA', '2024');
  const oreUnit = satValue(mine, 'REE mine production value', 'USA', '2024') / usT; // million USD per t
  const mt = (r: string) => satValue(mine, 'REE mine production', r, '2024') / worldT;
  const oreShares: Record<string, number> = {
    CHN: mt('CHN'),
    USA: mt('USA'),
    AUS: mt('AUS'),
    IND: mt('IND'),
    RUS: mt('RUS'),
    BRA: mt('BRA'),
  };
  oreShares.ROW = 1 - Object.values(oreShares).reduce((a, b) => a + b, 0);
  const worldOre = worldT * oreUnit;
  // US concentrate: what MP did not separate itself went to China (concentrate sales to China stopped in 2025, MP8K).
  const usOre = usT * oreUnit;
  const ausOre = satValue(mine, 'REE mine production', 'AUS', '2024') * oreUnit;
  const mtWeld = 12_000 * oreUnit; // Lynas Mt Weld ~12,000 tpa of concentrate, separated in Malaysia (ROW)
  // Myanmar ion-adsorption clay to China, ~50,000 t REO (Reuters/Ord Minnett, Oct 2024).
  const mmrToChina = 50_000 * oreUnit;
  return { worldT, oreUnit, oreShares, worldOre, usOre, ausOre, mtWeld, mmrToChina };
}

/** NdPr oxide price, million USD per t ($50–52/kg, Fastmarkets Jun 2024). */
const NDPR_PRICE = 0.051;

/**
 * REE compounds and metals: world output (t REO) at China's average export unit value, shares by
 * separation capacity.
 */
function separationFacts(proc: SatRow[], trade: SatRow[], worldT: number) {
  const chemUnit = satValue(trade, 'China rare earth exports average price', 'CHN->World') / 1e6;
  const sep = satValue(proc, 'Rare-earth separation share', 'CHN') / 100;
  const mys = satValue(proc, 'REE refined output share', 'MYS') / 100;
  const three = satValue(proc, 'REE refined output share', 'CHN+MYS+AUS') / 100;
  const chn92 = satValue(proc, 'REE refined output share', 'CHN') / 100;
  const usImp = satValue(trade, 'US imports of RE compounds and metals (value)', 'World->USA');
  const usFromChn = satValue(trade, 'US RE import sources, compounds and metals', 'CHN->USA') / 100;
  const usFromMys = satValue(trade, 'US RE import sources, compounds and metals', 'MYS->USA') / 100;
  // Separation: MP Materials' 2024 NdPr (the only US separated product in the facts; no US heavy-RE separation, CSIS)
  // valued at the NdPr oxide price; Neo Silmet (Estonia, EUR) at its 3,000 t/yr light-RE capacity.
  const mpNdPr = 1294; // t
  // Separated output: the magnet rare earths (93,000 t, IEA 2023) at the NdPr oxide price, the rest of
  // world mine output at China's average export unit value of rare-earth products (mostly La/Ce).
  const magnetRee = satValue(proc, 'Magnet REE demand (Nd, Pr, Dy, Tb)', 'World');
  const worldSep = magnetRee * NDPR_PRICE + (worldT - magnetRee) * chemUnit;
  const usSep = (mpNdPr * NDPR_PRICE) / worldSep,
    euSep = (3000 * chemUnit) / worldSep;
  const ausSep = three - chn92 - mys;
  return {
    chemUnit,
    sep,
    mys,
    three,
    chn92,
    usImp,
    usFromChn,
    usFromMys,
    mpNdPr,
    magnetRee,
    worldSep,
    usSep,
    euSep,
    ausSep,
  };
}

/** Magnets: China's output (> 300,000 t, lower bound) at its export unit value, China = 94% of the world. */
function magnetFacts(proc: SatRow[], trade: SatRow[]) {
  // Million USD per t (49.2 $/kg).
  const magUnit = satValue(trade, 'China magnet export unit value', 'CHN->World') / 1e3;
  const chnMagT = satValue(proc, 'NdFeB magnet production', 'CHN');
  const magShare = satValue(proc, 'Permanent magnet manufacturing share', 'CHN') / 100;
  const magWorld = (chnMagT * magUnit) / magShare;
  const usMagQ1 = satValue(trade, 'US imports sintered NdFeB magnets, from China', 'CHN->USA', '2024');
  // Magnet users (value shares of REE demand, ree_c): the magnets' purchases; oxides and ores reach
  // them through the chain.
  const magUsers = { c15: 37.5 + 3, c14: 22.5 + 12.5 + 6.5, c31: 3, c13: 4 };
  // Magnets outside China at their cited plants: Shin-Etsu Vietnam 2,200 t (ROW); USA 1,000 t = half of Noveon's
  // 2,000 t built-for line (no output figure in the facts: an assumption); Japan the rest of the 6% outside China.
  const magWorldT = chnMagT / magShare;
  const vnmMag = 2200 / magWorldT,
    usMag = 1000 / magWorldT;
  return { magUnit, chnMagT, magShare, magWorld, usMagQ1, magUsers, magWorldT, vnmMag, usMag };
}

/** The rare-earth chain's sizes and anchors (million USD, tonnes) from the REE satellite tables. */
function reeFacts() {
  const mine = satellite('ree_a_mine_production.csv');
  const proc = satellite('ree_a_processing_magnet_shares.csv');
  const trade = satellite('ree_b_trade.csv');
  const ore = oreFacts(mine);
  const sepd = separationFacts(proc, trade, ore.worldT);
  const mag = magnetFacts(proc, trade);
  // Chain cost shares (derived): ore in separation = world ore value ÷ world separated value; oxides in
  // magnets = magnet REE per kg of magnet (93,000 t ÷ world magnet output) × NdPr price ÷ magnet unit value.
  const oreShare = ore.worldOre / sepd.worldSep;
  const oxideShare = ((sepd.magnetRee / mag.magWorldT) * NDPR_PRICE) / mag.magUnit;
  const usOreToChina = ore.usOre - oreShare * sepd.mpNdPr * NDPR_PRICE;
  return { trade, ...ore, ...sepd, ...mag, oreShare, oxideShare, usOreToChina };
}

type ReeFacts = ReturnType<typeof reeFacts>;

/** Rare-earth mining and concentrate (REM, from c2): mine output, the concentrate flows to China and Malaysia. */
function orePiece(f: ReeFacts): Piece {
  const { oreShares, worldT, oreUnit, worldOre, usOre, mpNdPr, usOreToChina, ausOre, mtWeld, mmrToChina } = f;
  return {
    parent: 'c2',
    code: 'REM',
    name: 'Rare-earth mining and concentrate',
    world: worldOre,
    shares: oreShares,
    anchors: [
      {
        exporter: 'USA',
        importer: 'CHN',
        value: usOreToChina,
        note:
          `Mountain Pass concentrate to China: US output $${usOre.toFixed(0)}m ` +
          `less the ore of MP's own ${mpNdPr} t NdPr (derived)`,
      },
      {
        exporter: 'ROW',
        importer: 'CHN',
        value: mmrToChina,
        note: 'Myanmar → China ~50,000 t REO (Reuters citing Ord Minnett, Oct 2024) × US unit value',
      },
      {
        exporter: 'AUS',
        importer: 'ROW',
        value: Math.min(mtWeld, ausOre),
        note: 'Lynas Mt Weld ~12,000 tpa to its Malaysian plant',
      },
    ],
    exporterTotals: [
      {
        exporter: 'USA',
        value: usOreToChina,
        note: 'US concentrate goes to China only (MP8K: concentrate sales to China stopped in 2025)',
      },
      { exporter: 'AUS', value: Math.min(mtWeld, ausOre), note: 'Australian concentrate goes to Malaysia (Lynas)' },
      {
        exporter: 'ROW',
        value: 0.9 * oreShares.ROW * worldOre,
        note:
          'ASSUMPTION: 90% of ROW mine output exported (Myanmar, Thailand, ' +
          'Nigeria ship concentrate, mostly to China)',
      },
    ],
    users: { c9: 60, c12: 20 },
    sizing:
      `world mine output ${worldT} t REO (USGS MCS 2025, 2024) × US unit value ` +
      `${(oreUnit * 1e6).toFixed(0)} $/t ($260m for 45,000 t); shares = mine output by country; ` +
      `bought by separation (RES, linked after carving) and chemicals/metals`,
  };
}

/** Separated rare-earth oxides and metals (RES, from c9): buys ore; China's separation, the US imports. */
function separatedPiece(f: ReeFacts): Piece {
  const { trade, worldT, chemUnit, sep, mys, three, chn92, usImp, usFromChn, usFromMys } = f;
  const { mpNdPr, magnetRee, worldSep, usSep, euSep, ausSep, oreShare } = f;
  return {
    parent: 'c9',
    code: 'RES',
    name: 'Separated rare-earth oxides and metals',
    world: worldSep,
    buys: { input: 'REM', costShare: oreShare },
    shares: { CHN: sep, USA: usSep, EUR: euSep, AUS: ausSep, ROW: 1 - sep - usSep - euSep - ausSep },
    anchors: [
      {
        exporter: 'CHN',
        importer: 'USA',
        value: usImp * usFromChn,
        note: 'US imports of compounds and metals $170m (2024) × 70% from China (USGS, 2020–23)',
      },
      { exporter: 'ROW', importer: 'USA', value: usImp * (usFromMys + 0.06), note: 'Malaysia 13% + other 6%' },
      { exporter: 'JPN', importer: 'USA', value: usImp * 0.06, note: 'Japan 6%' },
      { exporter: 'EUR', importer: 'USA', value: usImp * 0.05, note: 'Estonia 5%' },
    ],
    exporterTotals: [
      {
        exporter: 'CHN',
        value: satValue(trade, 'China rare earth exports value', 'CHN->World'),
        note: "China's rare-earth exports $488.8m (2024)",
      },
    ],
    users: { c9: 30, c12: 20, c11: 10, c14: 20 },
    sizing:
      `magnet rare earths ${magnetRee} t (IEA 2023) × NdPr oxide $51/kg + the other ${worldT - magnetRee} t REO × ` +
      `China's average export unit value ${(chemUnit * 1e6).toFixed(0)} $/t (2024); buys ore at ` +
      `${oreShare.toFixed(3)} of output (world ore ÷ world separated value); shares: China ${sep * 100}% of ` +
      `separation (IEA), USA ${(usSep * 100).toFixed(2)}% (MP's ${mpNdPr} t NdPr at $51/kg; no US heavy-RE ` +
      `separation, CSIS), EUR ${(euSep * 100).toFixed(2)}% (Neo Silmet 3,000 t/yr, at capacity), Australia = ` +
      `CHN+MYS+AUS ${three * 100}% − China ${chn92 * 100}% − Malaysia ${mys * 100}%, rest ROW (Malaysia, Lynas); ` +
      `bought by magnets (MAG, linked after carving) and catalysts, alloys, glass, phosphors (c9, c12, c11, c14)`,
  };
}

/** Rare-earth permanent magnets (MAG, from c14): buys oxides; China's output and exports, the plants outside China. */
function magnetPiece(f: ReeFacts): Piece {
  const { trade, magUnit, chnMagT, magShare, magWorld, usMagQ1, magUsers, magnetRee, magWorldT, vnmMag, usMag } = f;
  const { oxideShare } = f;
  return {
    parent: 'c14',
    code: 'MAG',
    name: 'Rare-earth permanent magnets',
    world: magWorld,
    buys: { input: 'RES', costShare: oxideShare },
    shares: { CHN: magShare, USA: usMag, ROW: vnmMag, JPN: 1 - magShare - usMag - vnmMag },
    anchors: [
      {
        exporter: 'CHN',
        importer: 'USA',
        value: usMagQ1 * 4,
        note: 'US sintered NdFeB imports from China, Q1 2024 × 4',
      },
    ],
    exporterTotals: [
      {
        exporter: 'CHN',
        value: satValue(trade, 'China exports of RE permanent magnets and magnet alloys (value)', 'CHN->World') * 1000,
        note: "China's magnet exports $2.86bn (2024)",
      },
    ],
    users: magUsers,
    sizing:
      `buys oxides at ${oxideShare.toFixed(3)} of output (${magnetRee} t magnet REE ÷ ${magWorldT.toFixed(0)} t ` +
      `of magnets × $51/kg ÷ $${(magUnit * 1e3).toFixed(1)}/kg); China's NdFeB output ≥ ${chnMagT} t × its export ` +
      `unit value ${magUnit * 1e3} $/kg, divided by China's 94% share of magnet making (IEA); outside China at ` +
      `cited plants: ROW (Shin-Etsu Vietnam 2,200 t), USA 1,000 t (half of Noveon's 2,000 t built-for line, ` +
      `assumed), Japan the rest (${((1 - magShare - usMag - vnmMag) * 100).toFixed(1)}%, within the sourced "< ` +
      `9%")`,
  };
}

/** The rare-earth chain: ores (REM), separated oxides and metals (RES), magnets (MAG). */
function reePieces(): Piece[] {
  const f = reeFacts();
  return [orePiece(f), separatedPiece(f), magnetPiece(f)];
}

/** Semiconductors (SEMI_chip, from c14): 2023 world sales by wafer capacity; China's IC imports, US imports. */
function chipPiece(t: IoValues, semiA: SatRow[], semiB: SatRow[]): Piece {
  // SEMI chips: 2023 world sales; output by the SEMI wafer-capacity shares.
  const chips = satValue(semiA, 'World semiconductor sales', 'World', '2023') * 1000;
  const cap = (r: string) => satValue(semiA, 'Projected production capacity share', r) / 100;
  const eu = byOutput(t, 'c14', ['DEU', 'FRA', 'ITA', 'GBR', 'EUR'], cap('Europe & Middle East'));
  const chipShares: Record<string, number> = {
    CHN: cap('CHN'),
    TWN: cap('TWN'),
    KOR: cap('KOR'),
    JPN: cap('JPN'),
    USA: cap('Americas'),
    ROW: cap('Southeast Asia'),
    ...eu,
  };
  const icImp23 = satValue(semiB, 'China imports of integrated circuits, value', 'World->CHN', '2023') * 1000;
  const icShare = (r: string) =>
    Number(
      semiB.find(
        (x) =>
          x.item.startsWith('China IC imports by origin') &&
          x.region === r &&
          x.year === '2024' &&
          x.unit === 'CNY billion',
      )!.value,
    );
  // CNY shares of the origins: recompute from the CNY values and the stated 36.19% for Taiwan.
  const cnyTotal = icShare('TWN->CHN') / 0.3619;
  const icFrom = (r: string) => (icImp23 * icShare(r)) / cnyTotal;
  const usSemi = (r: string) => satValue(semiB, 'US semiconductor imports by origin', r) * 1000;
  const icExp24 = satValue(semiB, 'China exports of integrated circuits, value', 'CHN->World') * 1000;
  return {
    parent: 'c14',
    code: 'SEMI_chip',
    name: 'Semiconductors',
    world: chips,
    shares: chipShares,
    anchors: [
      ...(['TWN', 'KOR', 'JPN', 'USA'] as const).map((r) => ({
        exporter: r,
        importer: 'CHN',
        value: icFrom(`${r}->CHN`),
        note: `China's IC imports 2023 ($349.4bn) × ${r}'s 2024 share of the CNY value`,
      })),
      {
        exporter: 'ROW',
        importer: 'CHN',
        value: icFrom('MYS->CHN') + icFrom('ISR->CHN'),
        note: 'Malaysia + Israel shares',
      },
      {
        exporter: 'TWN',
        importer: 'USA',
        value: usSemi('TWN->USA'),
        note: 'US imports HTS 8541 (excl. solar) + 8542, 2024',
      },
      { exporter: 'KOR', importer: 'USA', value: usSemi('KOR->USA'), note: 'same' },
      { exporter: 'ROW', importer: 'USA', value: usSemi('MYS->USA') + usSemi('ISR->USA'), note: 'Malaysia + Israel' },
      { exporter: 'EUR', importer: 'USA', value: usSemi('IRL->USA'), note: 'Ireland' },
    ],
    exporterTotals: [
      {
        exporter: 'CHN',
        value: icExp24 / 1.174,
        note: "China's IC exports 2023 = $159.55bn (2024) / 1.174 (+17.4% y/y)",
      },
    ],
    sizing:
      `world sales $${chips / 1000}bn (SIA/WSTS 2023) by SEMI's wafer-capacity shares (China ` +
      `27, Taiwan 18, Korea 16, Japan 15, Americas 10 → USA, Europe & Middle East 9 → ` +
      `DEU/FRA/ITA/GBR/EUR by their c14 output, South-East Asia 5 → ROW)`,
  };
}

/** Chipmaking equipment (SEMI_sme, from c13): the 2024 world market; China's own output and its import origins. */
function equipmentPiece(semiA: SatRow[], semiB: SatRow[]): Piece {
  // SEMI equipment: world equipment market 2024 ($109bn, SEMI), China's own output = spending − imports.
  const smeWorld = 109_000;
  const smeChnSpend = satValue(semiA, 'China chip equipment spending (forecast)', 'CHN') * 1000;
  const smeImp = satValue(semiB, 'China imports of chipmaking equipment from major sources', 'World->CHN') * 1000;
  const sme = (r: string) => satValue(semiB, 'China chipmaking equipment imports from', r, '2024') * 1000;
  const smeOrigins: Record<string, number> = {
    JPN: sme('JPN->CHN'),
    EUR: sme('NLD->CHN'),
    ROW: sme('SGP->CHN'),
    USA: sme('USA->CHN'),
    KOR: sme('KOR->CHN'),
  };
  const smeOriginsTotal = Object.values(smeOrigins).reduce((a, b) => a + b, 0);
  const smeChn = (smeChnSpend - smeImp) / smeWorld;
  const smeShares: Record<string, number> = { CHN: smeChn };
  for (const [r, v] of Object.entries(smeOrigins)) smeShares[r] = ((1 - smeChn) * v) / smeOriginsTotal;
  return {
    parent: 'c13',
    code: 'SEMI_sme',
    name: 'Chipmaking equipment',
    world: smeWorld,
    shares: smeShares,
    anchors: Object.entries(smeOrigins).map(([r, v]) => ({
      exporter: r,
      importer: 'CHN',
      value: v,
      note:
        `China's chipmaking-equipment imports 2024 from ` +
        `${r === 'EUR' ? 'the Netherlands' : r === 'ROW' ? 'Singapore' : r} (Nikkei)`,
    })),
    exporterTotals: [],
    sizing:
      `world equipment market $109bn (SEMI 2024 forecast); China's own output = its spending $35bn − ` +
      `imports from major sources $30.9bn; the rest by China's 2024 import origins (Japan, Netherlands ` +
      `→ EUR, Singapore → ROW, US, Korea) as a proxy for production`,
  };
}

/** Chips (SEMI_chip) and chipmaking equipment (SEMI_sme), merged into SEMI after carving. */
function semiPieces(t: IoValues): Piece[] {
  const semiA = satellite('semi_a_sales_and_capacity.csv');
  const semiB = satellite('semi_b_trade.csv');
  return [chipPiece(t, semiA, semiB), equipmentPiece(semiA, semiB)];
}

/** The five pieces with their sizes (million USD) from the satellite tables. */
export function pieces(t: IoValues): Piece[] {
  return [...reePieces(), ...semiPieces(t)];
}

/** A piece being specified: its parent's column k of table t, the parent's outputs y, region lookup R. */
interface PieceTable {
  t: IoValues;
  N: number;
  J: number;
  k: number;
  y: Float64Array;
  /** The parent's flow from exporter i to importer n. */
  T: (n: number, i: number) => number;
  R: (code: string) => number;
}

/**
 * Each flow's share of the parent's (n*N + i: importer n, exporter i): the exporter's output share
 * by default, the sourced anchors, then each exporter's other destinations scaled to its sourced
 * total; every share at most CAP (the capped flows are listed).
 */
function pieceTradeShares(pt: PieceTable, p: Piece, out: Float64Array) {
  const { t, N, J, k, y, T, R } = pt;
  const share = new Float64Array(N * N);
  const anchored = new Uint8Array(N * N);
  const capped: string[] = [];
  for (let i = 0; i < N; i++)
    for (let n = 0; n < N; n++) if (n !== i) share[n * N + i] = y[i * J + k] > 0 ? out[i] / y[i * J + k] : 0;
  for (const a of p.anchors) {
    const n = R(a.importer),
      i = R(a.exporter);
    let s = a.value / T(n, i);
    if (!(s <= CAP)) {
      capped.push(`${a.exporter}→${a.importer} ${a.value.toFixed(0)} of ${T(n, i).toFixed(0)}`);
      s = CAP;
    }
    share[n * N + i] = s;
    anchored[n * N + i] = 1;
  }
  for (const e of p.exporterTotals) {
    const i = R(e.exporter);
    let fixed = 0,
      free = 0;
    for (let n = 0; n < N; n++) {
      if (n === i) continue;
      if (anchored[n * N + i]) fixed += share[n * N + i] * T(n, i);
      else free += share[n * N + i] * T(n, i);
    }
    const f = free > 0 ? Math.max(0, e.value - fixed) / free : 0;
    for (let n = 0; n < N; n++)
      if (n !== i && !anchored[n * N + i]) {
        share[n * N + i] *= f;
        if (share[n * N + i] > CAP) {
          capped.push(`${e.exporter}→${t.regions[n]} (exporter total)`);
          share[n * N + i] = CAP;
        }
      }
  }
  return { share, capped };
}

/**
 * Each region's share of the parent's output: its sized output, raised where its carved exports
 * exceed it (domestic sales then the same share of the parent's as its exports; listed), at most
 * its exports plus the parent's domestic sales.
 */
function pieceOutputShares(pt: PieceTable, out: Float64Array, share: Float64Array) {
  const { t, N, J, k, y, T } = pt;
  const outputRaised: string[] = [];
  const outShare = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let ex = 0,
      parentEx = 0;
    for (let n = 0; n < N; n++)
      if (n !== i) {
        ex += share[n * N + i] * T(n, i);
        parentEx += T(n, i);
      }
    let o = out[i];
    if (o < ex) {
      o = ex + (parentEx > 0 ? (ex / parentEx) * T(i, i) : 0);
      outputRaised.push(`${t.regions[i]} ${out[i].toFixed(0)} → ${o.toFixed(0)}`);
    }
    o = Math.min(o, ex + T(i, i));
    outShare[i] = y[i * J + k] > 0 ? o / y[i * J + k] : 0;
  }
  return { outShare, outputRaised };
}

/**
 * Users: a weight per unit of the parent purchased by user j of region n (j = J: final demand), so
 * that the satellite's uses follow `users`; without a distribution every user buys the same share.
 */
function purchaseWeight({ t, J, k }: PieceTable, users: Piece['users']) {
  return (n: number, j: number) => {
    if (!users) return 1;
    const absorb = (q: number) => (q < J ? t.use[(n * J + k) * J + q] : Math.max(0, t.final[n * J + k]));
    let total = 0;
    for (let q = 0; q <= J; q++) total += absorb(q);
    const rest = 1 - Object.values(users).reduce((a, b) => a + b, 0) / 100;
    const code = j < J ? t.sectors[j] : 'final';
    const u = absorb(j);
    if (u <= 0) return 0;
    return (users[code] ?? 0) / 100 / u + rest / total;
  };
}

/** Turns a piece into a split specification on table `t` (its parent still whole). */
export function pieceSpec(t: IoValues, p: Piece): { spec: SplitSpec; report: PieceReport } {
  const N = t.regions.length,
    J = t.sectors.length;
  const k = t.sectors.indexOf(p.parent);
  const y = outputs(t);
  const T = (n: number, i: number) => t.trade[(n * N + i) * J + k];
  const R = (c: string) => {
    const n = t.regions.indexOf(c);
    if (n < 0) throw new RangeError(msg.regionCode(c));
    return n;
  };
  const pt: PieceTable = { t, N, J, k, y, T, R };
  const out = new Float64Array(N);
  for (const [r, s] of Object.entries(p.shares)) out[R(r)] += p.world * s;
  const { share, capped } = pieceTradeShares(pt, p, out);
  const { outShare, outputRaised } = pieceOutputShares(pt, out, share);
  const spec: SplitSpec = {
    sector: p.parent,
    code: p.code,
    name: p.name,
    outputShare: (i) => Math.min(1, outShare[i]),
    tradeShare: (n, i) => share[n * N + i],
    purchaseWeight: purchaseWeight(pt, p.users),
  };
  let worldOutput = 0;
  for (let i = 0; i < N; i++) worldOutput += outShare[i] * y[i * J + k];
  return { spec, report: { code: p.code, world: p.world, capped, outputRaised, worldOutput } };
}
