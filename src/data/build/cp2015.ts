/**
 * Builds the `cp2015` dataset from the authors' replication text files (Caliendo & Parro 2015),
 * following their baseline construction (script.m): domestic sales = max(gross output, exports)
 * − exports, final-demand shares α as the residual of the spending identity, clipped at zero and
 * renormalised. The 2005 NAFTA tariffs ship as the schedule `tariffs-2005`.
 *
 * Run: `npx tsx src/data/build/cp2015.ts` (writes data/cp2015).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDataset } from '../write.ts';
import type { DatasetManifest } from '../manifest.ts';
import { RAW_DIR, REPO_ROOT } from './paths.ts';
import * as msg from '../../spec/messages/data.ts';

const CP_REGIONS: [string, string][] = [
  ['ARG', 'Argentina'],
  ['AUS', 'Australia'],
  ['AUT', 'Austria'],
  ['BRA', 'Brazil'],
  ['CAN', 'Canada'],
  ['CHL', 'Chile'],
  ['CHN', 'China'],
  ['DNK', 'Denmark'],
  ['FIN', 'Finland'],
  ['FRA', 'France'],
  ['DEU', 'Germany'],
  ['GRC', 'Greece'],
  ['HUN', 'Hungary'],
  ['IND', 'India'],
  ['IDN', 'Indonesia'],
  ['IRL', 'Ireland'],
  ['ITA', 'Italy'],
  ['JPN', 'Japan'],
  ['KOR', 'Korea'],
  ['MEX', 'Mexico'],
  ['NLD', 'Netherlands'],
  ['NZL', 'New Zealand'],
  ['NOR', 'Norway'],
  ['PRT', 'Portugal'],
  ['ZAF', 'South Africa'],
  ['ESP', 'Spain'],
  ['SWE', 'Sweden'],
  ['TUR', 'Turkey'],
  ['GBR', 'United Kingdom'],
  ['USA', 'United States'],
  ['ROW', 'Rest of the world'],
];

/** Services' trade elasticity in CP 2015 (they do not trade in the data; the value is theirs). */
const SERVICES_THETA = 8.22;
const JT = 20;

function matrix(file: string): number[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).map(Number));
}

function sectorNames(rawDir: string): string[] {
  const lines = readFileSync(join(rawDir, 'sectors.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => l.split(',')[0].replace(/"/g, ''));
}

/** Builds the dataset in memory and writes it to `outDir`; returns the checks it printed. */
export function buildCp2015(rawDir = join(RAW_DIR, 'cp2015_nafta'), outDir = join(REPO_ROOT, 'data', 'cp2015')) {
  const raw = readAuthorsFiles(rawDir);
  const N = CP_REGIONS.length;
  const J = raw.names.length;
  const { flows, tariff, tariff05 } = tradeArrays(raw, N, J);
  const { vaShare, io, gross } = productionShares(raw, N, J, flows);
  const finalShare = residualFinalShares(N, J, flows, tariff, vaShare, io, gross);
  const sectors = raw.names.map((name, j) => ({
    code: `s${String(j + 1).padStart(2, '0')}`,
    name,
    tradable: j < JT,
    theta: j < JT ? raw.T[j] : SERVICES_THETA,
  }));
  const regions = CP_REGIONS.map(([code, name]) => ({ code, name }));
  const checks = cpChecks(N, J, flows, gross, vaShare);
  const manifest = cp2015Manifest(regions, sectors, checks);
  writeDataset(outDir, manifest, {
    N,
    J,
    regions: regions.map((r) => r.code),
    sectors: sectors.map((s) => s.code),
    flows,
    tariff,
    vaShare,
    finalShare,
    io,
    schedules: { 'tariffs-2005': tariff05 },
  });
  return checks;
}

type AuthorsFiles = ReturnType<typeof readAuthorsFiles>;

/** The authors' text files (original_txt/) and the sector names, checked for their sizes. */
function readAuthorsFiles(rawDir: string) {
  const txt = join(rawDir, 'original_txt');
  const N = CP_REGIONS.length;
  const names = sectorNames(rawDir);
  const J = names.length;
  const xb = matrix(join(txt, 'xbilat1993.txt'));
  const t93 = matrix(join(txt, 'tariffs1993.txt'));
  const t05 = matrix(join(txt, 'tariffs2005.txt'));
  const IO = matrix(join(txt, 'IO.txt'));
  const B = matrix(join(txt, 'B.txt'));
  const GO = matrix(join(txt, 'GO.txt'));
  const T = matrix(join(txt, 'T.txt')).flat();
  if (xb.length !== JT * N || IO.length !== N * J || B.length !== J || T.length !== JT) {
    throw new RangeError(msg.cpFilesTrade(JT, N, N * J, xb.length, IO.length));
  }
  return { names, xb, t93, t05, IO, B, GO, T };
}

/** Flows (USD) and the 1993 and 2005 tariffs, indexed (n*N + i)*J + j = importer n, exporter i, sector j. */
function tradeArrays(raw: AuthorsFiles, N: number, J: number) {
  const idx = (n: number, i: number, j: number) => (n * N + i) * J + j;
  const flows = new Float64Array(N * N * J);
  const tariff = new Float64Array(N * N * J);
  const tariff05 = new Float64Array(N * N * J);
  // Authors' layout: row n + j*N (importer n, sector j), column i (exporter); values in thousand USD.
  for (let j = 0; j < JT; j++)
    for (let n = 0; n < N; n++)
      for (let i = 0; i < N; i++) {
        flows[idx(n, i, j)] = raw.xb[j * N + n][i] * 1000;
        tariff[idx(n, i, j)] = raw.t93[j * N + n][i] / 100;
        tariff05[idx(n, i, j)] = raw.t05[j * N + n][i] / 100;
      }
  return { flows, tariff, tariff05 };
}

/** Value-added shares, input shares and gross output; writes each region's domestic sales into `flows`. */
function productionShares(raw: AuthorsFiles, N: number, J: number, flows: Float64Array) {
  const idx = (n: number, i: number, j: number) => (n * N + i) * J + j;
  const vaShare = new Float64Array(N * J);
  const io = new Float64Array(N * J * J);
  const gross = new Float64Array(N * J);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      vaShare[n * J + j] = raw.B[j][n];
      let exports = 0;
      for (let m = 0; m < N; m++) exports += flows[idx(m, n, j)];
      gross[n * J + j] = Math.max(raw.GO[j][n], exports);
      flows[idx(n, n, j)] = gross[n * J + j] - exports;
      // One coefficient of the authors' IO.txt is negative (Canada, input 20 into sector 11: −0.00085)
      // and the columns, rounded to 7 decimals, add up to 1 only within 2e-6. Shares must be
      // non-negative and add up to 1 exactly, or value leaks out of the world economy and Walras' law
      // fails at the 1e-8 level; so negatives are set to zero and every column is renormalised.
      let sum = 0;
      for (let k = 0; k < J; k++) {
        io[(n * J + k) * J + j] = Math.max(0, raw.IO[n * J + k][j]);
        sum += io[(n * J + k) * J + j];
      }
      if (sum > 0) for (let k = 0; k < J; k++) io[(n * J + k) * J + j] /= sum;
    }
  return { vaShare, io, gross };
}

/** The manifest: regions, sectors, groups, the 2005 schedule and the provenance with its checks. */
function cp2015Manifest(
  regions: DatasetManifest['regions'],
  sectors: DatasetManifest['sectors'],
  checks: DatasetManifest['provenance']['checks'],
): DatasetManifest {
  return {
    lancaster_dataset: 1,
    id: 'cp2015',
    name: 'Caliendo–Parro NAFTA data (1993)',
    description:
      '31 regions × 40 sectors (20 tradable goods, 20 non-traded services), 1993 input–output ' +
      'data, bilateral trade and tariffs of 1993; the 2005 tariffs as the schedule ' +
      'tariffs-2005. The validation dataset of Caliendo & Parro (2015).',
    version: '1.0.0',
    base_year: 1993,
    layout: 'io-table',
    default_model: 'cp2015',
    unit: 'USD',
    regions,
    sectors,
    groups: { NAFTA: ['CAN', 'MEX', 'USA'] },
    sector_groups: {
      goods: sectors.filter((x) => x.tradable).map((x) => x.code),
      services: sectors.filter((x) => !x.tradable).map((x) => x.code),
    },
    region_columns: {},
    schedules: {
      'tariffs-2005.csv':
        'Applied tariffs of 2005 by importer, exporter and sector (NAFTA pairs ' +
        'at their 2005 rates; equal to 1993 elsewhere)',
    },
    provenance: {
      sources: [
        {
          name: 'Caliendo & Parro (2015) replication files',
          citation:
            'Caliendo, L. and Parro, F. (2015) "Estimates of the Trade and Welfare Effects of NAFTA", ' +
            'Review of Economic Studies 82(1):1-44, doi:10.1093/restud/rdu035',
          repository: "github.com/paulofelipe/cp2015-jax (original_data/, the authors' text files)",
          commit: '102f210ed071cb568b3fc93128a73a25689257dd',
          path: 'original_data/{xbilat1993,tariffs1993,tariffs2005,GO,B,IO,T}.txt',
          licence: "Authors' public replication data; no explicit licence; credit CP 2015 when redistributing",
        },
        {
          name: 'cp2015 R package (sector names)',
          repository: 'github.com/paulofelipe/cp2015',
          commit: 'ecf59b9198732cdfa634203c4d8ddf14e8272790',
          licence: 'MIT (package code)',
        },
      ],
      built_by: 'src/data/build/cp2015.ts',
      built_at: new Date().toISOString().slice(0, 10),
      method:
        "Authors' script.m construction: trade in thousand USD ×1000, net of tariffs; gross " +
        'output raised to exports where smaller; domestic sales = gross output − exports; α from ' +
        'the spending identity, clipped at 0 and renormalised.',
      assumptions: [
        {
          what: 'Services trade elasticity 8.22',
          why: 'CP 2015 use it for the 20 non-traded sectors; it has no effect since they do not trade.',
        },
        {
          what:
            'The one negative input share of IO.txt (Canada, input s20 into s11, −0.0008459) set ' +
            "to 0, and every column of input shares rescaled to add up to exactly 1 (the authors' " +
            'columns, rounded to 7 decimals, are off by up to 2e-6)',
          why:
            'Shares must be non-negative and exhaustive, or the world economy leaks value and the equilibrium has ' +
            'no exact solution; the change moves no published result at the reported precision.',
        },
        {
          what: 'Region codes ISO 3166 alpha-3, ROW for the authors\' "Row"',
          why: 'Scenario files address regions by code.',
        },
      ],
      checks,
    },
  };
}

/** α_n^j = (X_n^j − Σ_k γ_n^{j,k} Y_n^k) / I_n, I_n = VA_n + R_n + D_n, clipped at 0 and renormalised. */
function residualFinalShares(
  N: number,
  J: number,
  flows: Float64Array,
  tariff: Float64Array,
  vaShare: Float64Array,
  io: Float64Array,
  gross: Float64Array,
) {
  const alpha = new Float64Array(N * J);
  for (let n = 0; n < N; n++) {
    let va = 0,
      rev = 0,
      imports = 0,
      exports = 0;
    const X = new Float64Array(J);
    for (let j = 0; j < J; j++) {
      va += vaShare[n * J + j] * gross[n * J + j];
      for (let i = 0; i < N; i++) {
        const f = flows[(n * N + i) * J + j];
        X[j] += f * (1 + tariff[(n * N + i) * J + j]);
        rev += f * tariff[(n * N + i) * J + j];
        if (i !== n) imports += f;
        if (i !== n) exports += flows[(i * N + n) * J + j];
      }
    }
    const income = va + rev + (imports - exports);
    let s = 0;
    for (let j = 0; j < J; j++) {
      let inter = 0;
      for (let k = 0; k < J; k++) inter += io[(n * J + j) * J + k] * (1 - vaShare[n * J + k]) * gross[n * J + k];
      alpha[n * J + j] = Math.max(0, (X[j] - inter) / income);
      s += alpha[n * J + j];
    }
    for (let j = 0; j < J; j++) alpha[n * J + j] /= s;
  }
  return alpha;
}

function cpChecks(N: number, J: number, flows: Float64Array, gross: Float64Array, vaShare: Float64Array) {
  const r = (c: string) => CP_REGIONS.findIndex(([k]) => k === c);
  const us = r('USA'),
    cn = r('CHN');
  let usVa = 0,
    worldVa = 0,
    usFromCn = 0;
  for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) worldVa += vaShare[n * J + j] * gross[n * J + j];
  for (let j = 0; j < J; j++) {
    usVa += vaShare[us * J + j] * gross[us * J + j];
    usFromCn += flows[(us * N + cn) * J + j];
  }
  const checks = [
    {
      name: 'US value added 1993 (bn USD)',
      value: +(usVa / 1e9).toFixed(1),
      target: '6,545.8 (README)',
      passed: Math.abs(usVa / 1e9 - 6545.8) < 1,
    },
    {
      name: 'World value added, 31 regions (bn USD)',
      value: +(worldVa / 1e9).toFixed(0),
      target: '24,915 (README)',
      passed: Math.abs(worldVa / 1e9 - 24915) < 5,
    },
    {
      name: 'US goods imports from China (bn USD)',
      value: +(usFromCn / 1e9).toFixed(1),
      target: '33.3 (README)',
      passed: Math.abs(usFromCn / 1e9 - 33.3) < 0.1,
    },
  ];
  for (const c of checks) console.error(`${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.value} (target ${c.target})`);
  if (checks.some((c) => !c.passed)) throw new RangeError(msg.cp2015BuildCheck());
  return checks;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildCp2015();
