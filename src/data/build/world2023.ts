/**
 * Builds the `world-2023` dataset (194 economies, one goods sector) from the Liberation Day
 * replication inputs (Ignatenko, Macedoni, Lashkaripour & Simonovska 2025):
 * BACI 2023 bilateral goods trade, World Bank GDP and the USTR tariffs of 2 April 2025.
 *
 * Units: every value is in thousand USD, as BACI ships it; GDP (current USD in the raw file) is
 * divided by 1000 (the authors' MATLAB does the same). Regions keep the authors' order (their
 * `iso_code` 1..194), so index k here is MATLAB id k+1. Baseline tariffs are zero; the US tariffs
 * of 2 April 2025 ship as the schedule `ustr-2025-04-02` (rate = max(10%, announced), USA 0).
 *
 * Run: `npx tsx src/data/build/world2023.ts` (writes data/world-2023).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeDataset } from '../write.ts';
import type { DatasetManifest } from '../manifest.ts';
import * as msg from '../../spec/messages/data.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Raw inputs: `<repo>/../shared/data/raw/liberation_day_2025` (only the build reads them). */
export const WORLD2023_RAW_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'raw', 'liberation_day_2025');
const WORLD2023_OUT_DIR = join(REPO_ROOT, 'data', 'world-2023');

/** The 25 EU members of the authors' code (MATLAB ids 10, 13, …, 165; Czechia and Slovakia are not among them). */
export const EU_PAPER_25 = [
  'AUT',
  'BEL',
  'BGR',
  'CYP',
  'DEU',
  'DNK',
  'ESP',
  'EST',
  'FIN',
  'FRA',
  'GRC',
  'HRV',
  'HUN',
  'IRL',
  'ITA',
  'LTU',
  'LUX',
  'LVA',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVN',
  'SWE',
];
/** The 27 members of the European Union in 2023. */
export const EU_27 = [...EU_PAPER_25, 'CZE', 'SVK'].sort();

/** The schedule key of the 2 April 2025 US tariffs. */
const USTR_SCHEDULE = 'ustr-2025-04-02';

interface Country {
  iso3: string;
  id: number;
  name: string;
  gdpUsd: number;
  announced: number;
  applied: number;
}

function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  return lines.slice(1).map((l, k) => {
    const cells = l
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    if (cells.length < head.length) throw new RangeError(msg.expectedFields(file, k + 2, head.length, cells.length));
    return Object.fromEntries(head.map((h, j) => [h, cells[j]]));
  });
}

function num(s: string | undefined, what: string): number {
  const v = Number(s);
  if (s === undefined || s === '' || !Number.isFinite(v)) throw new RangeError(msg.finiteNumberFor(what, s));
  return v;
}

function readCountries(rawDir: string): Country[] {
  const rows = readCsv(join(rawDir, 'countries_gdp_tariffs.csv'));
  const cs = rows
    .map((r) => ({
      iso3: r.iso3,
      id: num(r.iso_code, `iso_code of ${r.iso3}`),
      name: r.CountryName,
      gdpUsd: num(r.gdp_usd, `gdp_usd of ${r.iso3}`),
      announced: num(r.us_liberation_day_tariff, `us_liberation_day_tariff of ${r.iso3}`),
      applied: num(r.us_tariff_applied_in_model, `us_tariff_applied_in_model of ${r.iso3}`),
    }))
    .sort((a, b) => a.id - b.id);
  cs.forEach((c, k) => {
    if (c.id !== k + 1) throw new RangeError(msg.isoCodeCountries(k + 1, c.id, c.iso3));
  });
  return cs;
}

/** Where world-2023's numbers come from (the manifest's provenance sources). */
const WORLD2023_SOURCES: DatasetManifest['provenance']['sources'] = [
  {
    name:
      'Liberation Day replication package (Ignatenko, Macedoni, Lashkaripour & ' +
      'Simonovska 2025), vendored in a third-party port',
    citation:
      'Ignatenko, A., Macedoni, L., Lashkaripour, A. and Simonovska, I. (2025) "Making ' +
      'America Great Again? The Economic Impacts of Liberation Day Tariffs", Journal of ' +
      'International Economics (replication package, July 2025 update)',
    repository: 'github.com/JoeLoera/liberation-day-replication',
    commit: 'e1f26fdbebd5de80daaad03bdb8dbca1cf24e22d',
    path: 'data/base_data/{trade_cepii,gdp,tariffs,country_labels}.csv',
    licence:
      'No licence stated in the repository; redistributed with attribution to the ' +
      'paper, CEPII BACI and the World Bank (confirm before shipping)',
  },
  {
    name: 'CEPII BACI HS22 2023 (V202501)',
    citation:
      'Gaulier, G. and Zignago, S. (2010) "BACI: International Trade Database ' +
      'at the Product-Level", CEPII Working Paper 2010-23',
    licence: 'Etalab Open Licence 2.0 (attribution)',
  },
  {
    name: 'World Bank World Development Indicators, GDP (current USD)',
    licence: 'CC BY 4.0',
  },
  {
    name: 'USTR reciprocal tariff rates announced on 2 April 2025',
    licence: 'Public US-government figures',
  },
];

const WORLD2023_METHOD =
  "Countries in the authors' iso_code order. Trade: bilateral_trade_2023_baci.csv (exporter, " +
  'importer, thousand USD), summed per pair, no domestic flows. GDP: gdp_usd / 1000 (thousand USD). ' +
  'Baseline tariffs 0. Schedule ustr-2025-04-02: importer USA, every exporter, rate = ' +
  'us_tariff_applied_in_model (checked equal to max(0.10, announced), USA 0).';

/** The build's choices, each with its reason (the manifest's provenance assumptions). */
const WORLD2023_ASSUMPTIONS: DatasetManifest['provenance']['assumptions'] = [
  {
    what: 'Domestic flows are not stored',
    why:
      'The one-sector model builds X_ii = max(0, E_i − imports_i) from GDP ' +
      'and the calibrated transfers, as the authors do.',
  },
  {
    what: "Group EU is the authors' 25-member list (without Czechia and Slovakia); EU27 is the full Union",
    why: "The paper's EU rows average over its 25 ids; EU27 is offered for other studies.",
  },
  { what: "Group RoW = all but USA, CHN and the paper's EU", why: "The authors' id_RoW." },
  { what: 'Taiwan is not in the data', why: 'No World Bank GDP; the authors drop it.' },
  {
    what: 'Trade elasticity 4 stored as the sector theta',
    why: "The paper's ε; the model derives φ, ψ and θ = ε/0.67 from it.",
  },
];

/**
 * BACI 2023 goods flows, flows[n*N + i] = importer n, exporter i (the dataset format), thousand
 * USD; no domestic flows.
 */
function readFlows(rawDir: string, pos: Map<string, number>, N: number): Float64Array {
  const flows = new Float64Array(N * N);
  for (const r of readCsv(join(rawDir, 'bilateral_trade_2023_baci.csv'))) {
    const i = pos.get(r.exporter),
      n = pos.get(r.importer);
    if (i === undefined || n === undefined) throw new RangeError(msg.exporterImporterAmong(r.exporter, r.importer));
    if (i === n) throw new RangeError(msg.noDomesticFlows(r.exporter, r.importer));
    flows[n * N + i] += num(r.trade_2023_thousand_usd, `trade ${r.exporter} → ${r.importer}`);
  }
  return flows;
}

/** The schedule ustr-2025-04-02 (importer USA on every exporter), checked equal to max(10%, announced), USA 0. */
function ustrSchedule(cs: Country[], us: number): Float64Array {
  const N = cs.length;
  const ustr = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    const expected = i === us ? 0 : Math.max(0.1, cs[i].announced);
    if (Math.abs(expected - cs[i].applied) > 1e-12)
      throw new RangeError(msg.appliedUsTariff(cs[i].iso3, expected, cs[i].applied));
    ustr[us * N + i] = cs[i].applied;
  }
  return ustr;
}

/** world-2023's manifest: regions, groups, the schedule and the provenance with the build's checks. */
function world2023Manifest(cs: Country[], checks: BuildCheck[]): DatasetManifest {
  const codes = cs.map((c) => c.iso3);
  const rowGroup = codes.filter((c) => c !== 'USA' && c !== 'CHN' && !EU_PAPER_25.includes(c));
  return {
    lancaster_dataset: 1,
    id: 'world-2023',
    name: 'World goods trade 2023 (BACI) with the 2 April 2025 US tariffs',
    description:
      '194 economies, one goods sector: BACI 2023 bilateral goods trade (no domestic flows; the ' +
      'model fills them in from GDP), World Bank GDP, zero baseline tariffs, and the USTR ' +
      '"reciprocal" tariffs announced on 2 April 2025 as the schedule ustr-2025-04-02. The data of ' +
      'Ignatenko, Macedoni, Lashkaripour & Simonovska (2025).',
    version: '1.0.0',
    base_year: 2023,
    layout: 'gravity',
    default_model: 'one-sector-2025',
    unit: 'thousand USD',
    regions: cs.map((c) => ({ code: c.iso3, name: c.name })),
    sectors: [{ code: 'goods', name: 'All goods (HS chapters 1–97)', tradable: true, theta: 4 }],
    groups: { EU: EU_PAPER_25, EU27: EU_27, RoW: rowGroup },
    region_columns: { gdp: 'GDP, thousand USD (World Bank WDI, latest year, current USD / 1000)' },
    schedules: {
      [`${USTR_SCHEDULE}.csv`]:
        'US tariffs announced on 2 April 2025 (USTR "reciprocal" rates, China 54% incl. the 20% fentanyl ' +
        'tariff), floored at 10% as applied in the paper; importer USA on every partner',
    },
    provenance: {
      sources: WORLD2023_SOURCES,
      built_by: 'src/data/build/world2023.ts',
      built_at: new Date().toISOString().slice(0, 10),
      method: WORLD2023_METHOD,
      assumptions: WORLD2023_ASSUMPTIONS,
      checks,
    },
  };
}

/**
 * Builds world-2023 from `rawDir` and writes it to `outDir`; returns the checks it printed
 * (it throws a RangeError if any fails).
 *
 * @example
 * buildWorld2023(); // reads ../shared/data/raw/liberation_day_2025, writes data/world-2023
 */
export function buildWorld2023(rawDir = WORLD2023_RAW_DIR, outDir = WORLD2023_OUT_DIR): BuildCheck[] {
  const cs = readCountries(rawDir);
  const N = cs.length;
  const codes = cs.map((c) => c.iso3);
  const pos = new Map(codes.map((c, k) => [c, k]));
  const flows = readFlows(rawDir, pos, N);
  const gdp = Float64Array.from(cs, (c) => c.gdpUsd / 1000);
  const ustr = ustrSchedule(cs, pos.get('USA')!);
  const checks = world2023Checks(codes, flows, gdp, ustr);
  writeDataset(outDir, world2023Manifest(cs, checks), {
    N,
    J: 1,
    regions: codes,
    sectors: ['goods'],
    flows,
    tariff: new Float64Array(N * N),
    regionData: { gdp },
    schedules: { [USTR_SCHEDULE]: ustr },
  });
  return checks;
}

/** One check printed by the build and stored in the provenance. */
export interface BuildCheck {
  name: string;
  value: number | string;
  target?: string;
  passed: boolean;
}

/** The sanity checks of the raw README (±1%), printed to stderr; throws if any fails. */
function world2023Checks(codes: string[], flows: Float64Array, gdp: Float64Array, ustr: Float64Array): BuildCheck[] {
  const N = codes.length;
  const k = (c: string) => codes.indexOf(c);
  const us = k('USA'),
    cn = k('CHN');
  let usExp = 0,
    usImp = 0,
    world = 0,
    pairs = 0;
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      const v = flows[n * N + i];
      world += v;
      if (v > 0) pairs++;
      if (i === us) usExp += v;
      if (n === us) usImp += v;
    }
  let scheduled = 0;
  for (let i = 0; i < N; i++) if (ustr[us * N + i] > 0) scheduled++;
  const bn = (v: number) => +(v / 1e6).toFixed(1); // thousand USD → bn USD
  const near = (v: number, t: number) => Math.abs(v / t - 1) < 0.01;
  const checks: BuildCheck[] = [
    { name: 'Countries', value: N, target: '194', passed: N === 194 },
    { name: 'Non-zero bilateral flows', value: pairs, target: '25,398 (README)', passed: pairs === 25398 },
    {
      name: 'CHN → USA goods (bn USD)',
      value: bn(flows[us * N + cn]),
      target: '440.5 (README, ±1%)',
      passed: near(bn(flows[us * N + cn]), 440.5),
    },
    {
      name: 'USA → CHN goods (bn USD)',
      value: bn(flows[cn * N + us]),
      target: '145.3 (README, ±1%)',
      passed: near(bn(flows[cn * N + us]), 145.3),
    },
    {
      name: 'US total exports (bn USD)',
      value: bn(usExp),
      target: '1,858.7 (README, ±1%)',
      passed: near(bn(usExp), 1858.7),
    },
    {
      name: 'US total imports (bn USD)',
      value: bn(usImp),
      target: '2,902.6 (README, ±1%)',
      passed: near(bn(usImp), 2902.6),
    },
    {
      name: 'World goods trade (trn USD)',
      value: +(world / 1e9).toFixed(2),
      target: '21.75 (README, ±1%)',
      passed: near(world / 1e9, 21.75),
    },
    {
      name: 'US GDP (trn USD)',
      value: +(gdp[us] / 1e9).toFixed(2),
      target: '27.84 (README, ±1%)',
      passed: near(gdp[us] / 1e9, 27.84),
    },
    {
      name: 'CHN GDP (trn USD)',
      value: +(gdp[cn] / 1e9).toFixed(2),
      target: '17.79 (README, ±1%)',
      passed: near(gdp[cn] / 1e9, 17.79),
    },
    {
      name: 'US tariff on CHN, 2 April 2025',
      value: ustr[us * N + cn],
      target: '0.54',
      passed: ustr[us * N + cn] === 0.54,
    },
    { name: 'Partners with a US tariff (all but USA)', value: scheduled, target: '193', passed: scheduled === N - 1 },
  ];
  for (const c of checks) console.error(`${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.value} (target ${c.target})`);
  if (checks.some((c) => !c.passed)) throw new RangeError(msg.worldBuildCheck());
  return checks;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildWorld2023();
