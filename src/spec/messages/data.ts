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

export const badTableName = (manifest: string, reason: string, found: string) => `${manifest}: ${reason}, found "${found}"`;

export const tableMissing = (file: string, name: string) => `${file}: expected the table ${name}, found no such file`;

export const tableNotFile = (file: string, name: string) =>
  `${file}: expected the table ${name} as a file, found a directory or device`;

export const tableTooLarge = (file: string, max: number, size: number) =>
  `${file}: expected a table of at most ${max} bytes, found ${size}`;

export const rowCountUnrecorded = (manifest: string, name: string) =>
  `${manifest} tables: expected the row count of ${name} (recorded by the build), found none`;

export const rowCountChanged = (file: string, name: string, recorded: number, found: number) =>
  `${file}: expected ${recorded} data rows (dataset.json tables.${name}), found ${found}: the table was ${found < recorded ? 'cut short' : 'changed'} since it was built`;

// The manifest

export const manifestTooLarge = (file: string, max: number) =>
  `${file}: expected a manifest of at most ${max} bytes, found a larger file`;

export const manifestNotJson = (place: string) => `${place}: expected valid JSON, found a syntax error`;

export const manifestIssue = (file: string, path: string, message: string) => `${file} ${path}: ${message}`;

export const groupIsCode = (file: string, key: string, group: string, kind: 'region' | 'sector') =>
  `${file} ${key}.${group}: expected a group name distinct from ${kind} codes, found a ${kind} "${group}"`;

export const groupMemberUnknown = (file: string, key: string, group: string, kind: 'region' | 'sector', member: string) =>
  `${file} ${key}.${group}: expected ${kind} codes, found unknown code "${member}"`;

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
  `${place}: expected positive gross output (sales to all buyers, home included) of every region, found ${output} for ${region}`;

// CSV

export const missingColumn = (file: string, column: string, found: string) =>
  `${file}:1: expected a column "${column}", found ${found}`;

export const fieldCount = (place: string, expected: number, found: number) =>
  `${place}: expected ${expected} fields, found ${found}`;

export const notANumber = (place: string, found: string) => `${place}: expected a finite number, found ${found}`;

export const belowMin = (place: string, min: number, found: string) => `${place}: expected a value >= ${min}, found ${found}`;

export const aboveMax = (place: string, max: number, found: string) => `${place}: expected a value <= ${max}, found ${found}`;
