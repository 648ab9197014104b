/**
 * Messages of the dataset layer (src/data): loading, validating and reshaping datasets.
 * Rules of the catalogue: src/spec/messages/README.md.
 */

// Regions and folders

export const unknownRegion = (dataset: string, code: string) =>
  `Expected a region code or group of dataset "${dataset}", found "${code}"`;

export const unreadablePath = (path: string, what: string, missing: boolean) =>
  `${path}: expected ${what}, found ${missing ? 'no such file' : 'an unreadable path'}`;

export const pathOutsideDataset = (path: string, what: string, root: string) =>
  `${path}: expected ${what} inside the dataset folder ${root}, found a link or path leading out of it`;

export const unknownDatasetId = (ids: string, found: string) =>
  `Expected an embedded dataset id (${ids}), found "${found}": the API reads datasets by id only`;

export const unknownDataset = (ids: string, found: string) =>
  `Expected an embedded dataset id (${ids}) or a folder with dataset.json, found "${found}"`;

// Tables

/** `issue` is the table-name schema's message, which says what was found. */
export const badTableName = (manifest: string, issue: string) => `${manifest}: ${issue}`;

export const tableMissing = (file: string, name: string) => `${file}: expected the table ${name}, found no such file`;

export const tableNotFile = (file: string, name: string) =>
  `${file}: expected the table ${name} as a file, found a directory or device`;

export const tableTooLarge = (file: string, max: number, size: number) =>
  `${file}: expected a table of at most ${max} bytes, found ${size}`;

export const rowCountUnrecorded = (manifest: string, name: string) =>
  `${manifest} tables: expected the row count of ${name} (recorded by the build), found none`;

export const rowCountChanged = (file: string, name: string, recorded: number, found: number) =>
  `${file}: expected ${recorded} data rows (dataset.json tables.${name}), found ${found}: the ` +
  `table was ${found < recorded ? 'cut short' : 'changed'} since it was built`;

// The manifest

export const manifestTooLarge = (file: string, max: number) =>
  `${file}: expected a manifest of at most ${max} bytes, found a larger file`;

export const manifestNotJson = (place: string) => `${place}: expected valid JSON, found a syntax error`;

export const manifestIssue = (file: string, path: string, message: string) => `${file} ${path}: ${message}`;

export const groupIsCode = (file: string, key: string, group: string, kind: 'region' | 'sector') =>
  `${file} ${key}.${group}: expected a group name distinct from ${kind} codes, found a ${kind} "${group}"`;

export const groupMemberUnknown = (
  file: string,
  key: string,
  group: string,
  kind: 'region' | 'sector',
  member: string,
) => `${file} ${key}.${group}: expected ${kind} codes, found unknown code "${member}"`;

export const duplicateCode = (file: string, what: string, code: string) =>
  `${file} ${what}: expected unique codes, found "${code}" twice`;

// Rows and fields (the place is `file:line field "name"`)

export const unknownCode = (place: string, kind: string, found: string) =>
  `${place}: expected a ${kind} code of the manifest, found unknown code ${found}`;

export const duplicateRow = (place: string, per: string, which: string) =>
  `${place}: expected one row per ${per}, found a second row for ${which}`;

export const flowInNonTradable = (place: string, sector: string, value: number) =>
  `${place}: expected no cross-border flow in non-tradable sector ${sector}, found ${value}`;

export const missingRow = (file: string, per: string, which: string) =>
  `${file}: expected a row for every ${per}, found none for ${which}`;

export const sharesNotOne = (place: string, whose: string, sum: number) =>
  `${place}: expected ${whose} to add up to 1, found ${sum}`;

export const gdpNotPositive = (place: string, gdp: number, region: string) =>
  `${place}: expected a positive GDP for every region, found ${gdp} for ${region}`;

export const outputNotPositive = (place: string, output: number, region: string) =>
  `${place}: expected positive gross output (sales to all buyers, home ` +
  `included) of every region, found ${output} for ${region}`;

// CSV

export const missingColumn = (file: string, column: string, found: string) =>
  `${file}:1: expected a column "${column}", found ${found}`;

export const fieldCount = (place: string, expected: number, found: number) =>
  `${place}: expected ${expected} fields, found ${found}`;

export const notANumber = (place: string, found: string) => `${place}: expected a finite number, found ${found}`;

export const belowMin = (place: string, min: number, found: string) =>
  `${place}: expected a value >= ${min}, found ${found}`;

export const aboveMax = (place: string, max: number, found: string) =>
  `${place}: expected a value <= ${max}, found ${found}`;

// src/data/build/cp2015.ts

export const cpFilesTrade = (
  JT: string | number,
  N: string | number,
  ioRows: string | number,
  tradeRows: string | number,
  ioRowsFound: string | number,
) => `Expected CP 2015 files of ${JT}×${N} trade rows and ${ioRows} IO rows, found ${tradeRows} and ${ioRowsFound}`;

export const cp2015BuildCheck = () => 'Expected every cp2015 build check to pass, found failures (see above)';

// src/data/build/multisector2025/raw.ts

export const finiteNumberFor = (what: string | number | undefined, s: string | number | undefined) =>
  `Expected a finite number for ${what}, found "${s}"`;

export const satelliteRow = (item: string | number, region: string | number, year: string | number) =>
  `Expected a satellite row "${item}" ${region} ${year}, found none`;

// src/data/build/multisector2025/regions.ts

export const regionTable = (parent: string | number, regions: string | number) =>
  `Expected region ${parent} in the table, found ${regions}`;

export const proxyRegionOther = (parent: string | number, proxy: string | number) =>
  `Expected a proxy region other than ${parent}, found "${proxy}"`;

export const baciGoodsTrade = (
  code: string | number,
  regions: string | number,
  OUTSIDE_CAP: string | number,
  parent: string | number,
  totX: string | number,
  totM: string | number,
) =>
  `Expected ${code}'s BACI goods trade with ${regions} to fit in ${OUTSIDE_CAP} of ` +
  `${parent}'s flows, found ${totX} exported and ${totM} imported`;

export const baciTradeRest = (
  code: string | number,
  parent: string | number,
  INSIDE_CAP: string | number,
  toRestTotal: string | number,
  fromRestTotal: string | number,
) =>
  `Expected ${code}'s BACI trade with the rest of ${parent} to fit in ${INSIDE_CAP} of ${parent}'s own ` +
  `sales of goods, found ${toRestTotal} exported and ${fromRestTotal} imported`;

export const balancingFinalMix = (code: string | number) =>
  `Expected the balancing of ${code} (final mix and imports) to converge, found none after 500 rounds`;

// src/data/build/multisector2025/satellites.ts

export const regionCode = (c: string | number) => `Expected a region code, found "${c}"`;

// src/data/build/multisector2025/tariffs.ts

export const sectionListName = (list: string | number) => `Expected a Section 301 list name, found "${list}"`;

export const cpSectorTheta = (c: string | number) => `Expected CP sector "${c}" in theta.csv, found none`;

// src/data/build/multisector2025/update.ts

export const wiodRegionSector = (c: string | number) => `Expected a WIOD region or sector code, found "${c}"`;

export const nonSingularLeontief = () => 'Expected a non-singular Leontief matrix, found a zero pivot';

export const gdp = (regions: string | number) => `Expected 2023 GDP for ${regions}, found none`;

export const finalDemandAdjustment = (regions: string | number) =>
  `Expected the final-demand adjustment of ${regions} to converge, found none after 200 rounds`;

// src/data/build/multisector2025.ts

export const reBalancingFinal = (
  finalMixAdjusted: string | number,
  largestShift: string | number,
  twnGdpGrowth: string | number,
) =>
  `Re-balancing: final-demand mix raised in ${finalMixAdjusted} region-sectors (largest ` +
  `${largestShift} points); Taiwan GDP growth 2011→2023 ${twnGdpGrowth}`;

export const linkMovedMillion = (
  user: string | number,
  input: string | number,
  moved: string | number,
  wanted: string | number,
  entries: string | number,
) => `Link ${user} ← ${input}: moved ${moved} of ${wanted} million USD; by region (moved/wanted) ${entries}`;

export const carveWorldMillion = (
  code: string | number,
  world: string | number,
  worldOutput: string | number,
  capped: string | number,
  outputRaised: string | number,
) => `Carve ${code}: world ${world} → ${worldOutput} million USD; capped ${capped}; output raised ${outputRaised}`;

export const carveGdpBn = (
  code: string | number,
  gdpBn: string | number,
  gdpPctOfParent: string | number,
  exportsBn: string | number,
  importsBn: string | number,
  finalMixRaised: string | number,
  largestOutputShare: string | number,
  largestPct: string | number,
) =>
  `Carve ${code}: GDP ${gdpBn}bn (${gdpPctOfParent}% of ROW before), goods exports ` +
  `${exportsBn}bn, imports ${importsBn}bn; final mix raised in ${finalMixRaised}; largest ` +
  `share of ROW's output ${largestOutputShare} ${largestPct}%`;

export const multisectorConsistencyCheck = () =>
  'Expected every multisector-2025 consistency check to pass, found failures (see above)';

// src/data/build/usTariffs2025.ts

export const expectedNumbers = (
  TRACKER_FILE: string | number,
  line: string | number,
  increase: string | number,
  imports: string | number,
) => `${TRACKER_FILE}:${line}: expected numbers, found "${increase}", "${imports}"`;

// src/data/build/world2023.ts

export const expectedFields = (
  file: string | number,
  line: string | number,
  headCount: string | number,
  cellsCount: string | number,
) => `${file}:${line}: expected ${headCount} fields, found ${cellsCount}`;

export const isoCodeCountries = (row: string | number, id: string | number, iso3: string | number) =>
  `Expected iso_code ${row} in countries_gdp_tariffs.csv, found ${id} (${iso3})`;

export const exporterImporterAmong = (exporter: string | number, importer: string | number) =>
  `Expected exporter and importer among the 194 countries, found ${exporter} → ${importer}`;

export const noDomesticFlows = (exporter: string | number, importer: string | number) =>
  `Expected no domestic flows in the BACI file, found ${exporter} → ${importer}`;

export const appliedUsTariff = (codes: string | number, expected: string | number, applied: string | number) =>
  `Expected the applied US tariff on ${codes} to be max(10%, announced) = ${expected}, found ${applied}`;

export const worldBuildCheck = () => 'Expected every world-2023 build check to pass, found failures (see above)';

// src/data/split.ts

export const sectorCodeOfTable = (sector: string | number) => `Expected a sector code of the table, found "${sector}"`;

export const newSectorCode = (code: string | number) =>
  `Expected a new sector code, found "${code}" already in the table`;

export const newSectorNeed = (
  code: string | number,
  regions: string | number,
  dom: string | number,
  need: string | number,
  want: string | number,
  exportsNew: string | number,
) =>
  `Expected the new sector ${code} of ${regions} to need domestic sales between 0 and ` +
  `${dom}, found ${need} (output ${want}, exports ${exportsNew})`;

export const nonNegativePurchase = (w: string | number, regions: string | number, j: string | number) =>
  `Expected a non-negative purchase weight, found ${w} for ${regions}, user ${j}`;

export const usersPositivePurchase = (sector: string | number, regions: string | number, absorption: string | number) =>
  `Expected users of ${sector} in ${regions} with positive purchase ` +
  `weights for an absorption of ${absorption}, found none`;

export const newSectorTake = (
  code: string | number,
  region: string | number,
  user: string | number,
  sector: string | number,
  fraction: string | number,
) =>
  `Expected the new sector ${code} to take at most all of ${region}'s user ` +
  `${user} purchases of ${sector}, found a fraction ${fraction}`;

export const twoDistinctSector = (into: string | number, from: string | number) =>
  `Expected two distinct sector codes of the table, found "${into}" and "${from}"`;

export const sectorCodeOfTable2 = (code: string | number) => `Expected a sector code of the table, found "${code}"`;

export const regionTwoDistinct = (region: string | number, good: string | number, to: string | number) =>
  `Expected a region and two distinct sector codes of the table, found ${region}, ${good}, ${to}`;

export const regionCodeTable = (region: string | number) => `Expected a region code of the table, found "${region}"`;

export const newRegionCode = (code: string | number) =>
  `Expected a new region code, found "${code}" already in the table`;

export const betweenWhatLeft = (
  code: string | number,
  what: string | number,
  sectors: string | number,
  region: string | number,
  a: string | number,
  want: string | number,
) =>
  `Expected ${code}'s ${what} of ${sectors} between 0 and what is left of ${region}'s own sales (${a}), found ${want}`;

export const outputBetween = (
  code: string | number,
  sectors: string | number,
  region: string | number,
  Y: string | number,
  y1: string | number,
) => `Expected ${code}'s output of ${sectors} between 0 and ${region}'s (${Y}), found ${y1}`;

export const finalDemandBetween = (
  code: string | number,
  sectors: string | number,
  region: string | number,
  a: string | number,
  want: string | number,
) => `Expected ${code}'s final demand of ${sectors} between 0 and ${region}'s (${a}), found ${want}`;

export const twoDistinctRegion = (into: string | number, from: string | number) =>
  `Expected two distinct region codes of the table, found "${into}" and "${from}"`;

// src/scenario/gravity/data.ts

export const expectedColumn = (shown: string | number, c: string | number, header: string | number) =>
  `${shown}:1: expected a column "${c}", found columns ${header}`;

export const fieldExpectedFinite = (
  shown: string | number,
  line: string | number,
  c: string | number,
  raw: string | number,
) => `${shown}:${line} field "${c}": expected a finite number, found "${raw}"`;

export const fieldExpectedFlow = (
  shown: string | number,
  line: string | number,
  flow: string | number,
  flow2: string | number,
) => `${shown}:${line} field "${flow}": expected a flow ≥ 0, found ${flow2}`;
