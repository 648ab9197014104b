/**
 * Messages of the policy fold (src/policy) and of the codes a scenario's policy names (tariff
 * entries, presets, export controls, the calendar). They follow the place of the scenario value
 * (`file:line:col path: …`): lower case. Rules of the catalogue: src/spec/messages/README.md.
 */

// src/model/registry.ts

export const sectorCodeRegion = (key: string | number) =>
  `expected "*", a sector code or "REGION:sector", found "${key}"`;

export const sectorCodeSector = (key: string | number) =>
  `expected a sector code, a sector group or "REGION:sector", found "${key}"`;

export const regionCodeOfDataset = (id: string | number, code: string | number) =>
  `expected a region code of dataset ${id}, found "${code}"`;

export const groupDataset = (id: string | number, groups: string | number, g: string | number) =>
  `expected a group of dataset ${id} (${groups}), found "${g}"`;

export const datasetShipSchedule = (id: string | number) =>
  `expected dataset ${id} to ship the schedule ustr-2025-04-02, found none`;

export const presetOneSector = (TARIFF_PRESETS: string | number, preset: string | number) =>
  `expected a preset of one-sector-2025 (${TARIFF_PRESETS}), found "${preset}"`;

// src/policy/capacity.ts

export const capacityEntriesCover = () =>
  'expected the capacity entries to cover at least one region-sector with baseline output, found none';

export const importerKeepSupplier = (regions: string | number, sectors: string | number, stock: string | number) =>
  `expected importer ${regions} to keep a supplier of sector ${sectors}, found every supplier ` +
  `banned or without capacity${stock}; allow some supply or some capacity`;

// src/policy/clock.ts

export const dateYyyyMm = (iso: string | number) => `expected a date as YYYY-MM-DD, found "${iso}"`;

export const onOrBefore = (from: string | number, to: string | number) =>
  `expected ${from} on or before ${to}, found it after`;

export const stepsInDateOrder = (date: string | number, date2: string | number) =>
  `expected steps in date order, found ${date} after ${date2}`;

// src/policy/controls.ts

export const regionCodeOfDataset2 = (id: string | number | undefined, government: string | number | undefined) =>
  `expected a region code of dataset ${id}, found "${government}"`;

export const controlCrossBorder = (origin: string | number, destination: string | number, regions: string | number) =>
  `expected a control on cross-border flows, found none: origin ${origin} and ` +
  `destination ${destination} cover the same region${regions} only`;

export const importerKeepSupplierSector = (regions: string | number, sectors: string | number) =>
  `expected importer ${regions} to keep a supplier of sector ${sectors}, found every ` +
  `supplier banned (approval 0); allow some supply or leave a supplier out`;

// src/policy/fold.ts

export const policyPresetModel = (id: string | number, presets: string | number, preset: string | number) =>
  `expected a policy preset of model ${id} (${presets}), found "${preset}"`;

export const noExportControls = (id: string | number, count: number) =>
  `expected no export controls: model ${id} cannot apply them (use model multisector), found ${count}`;

export const announcementBeforeStep = (date: string | number, announced: string | number) =>
  `expected an announcement on or before the step's date ${date}, found ${announced}`;

export const ratesLeastAfter = (rate: string | number, sector: string | number) =>
  `expected rates of at least 0 after this step, found ${rate} on a flow of sector ${sector}`;

// src/policy/select.ts

export const regionCodeDataset = (orGroups: string | number, id: string | number, code: string | number) =>
  `expected a region code${orGroups} or "*" of dataset ${id}, found unknown code "${code}"`;

export const sectorCodeDataset = (
  orGroups: string | number,
  id: string | number,
  preview: string | number,
  s: string | number,
) => `expected a sector code${orGroups} of dataset ${id} (${preview}), found unknown sector "${s}"`;

export const coverLeastOne = (what: string | number) =>
  `expected the ${what} to cover at least one cross-border flow, found none`;

// src/policy/tariffs.ts

export const exporterOtherImporter = (exporter: string | number) =>
  `expected an exporter other than the importer, found ${exporter} on both ` +
  `sides: a tariff on one's own goods does nothing`;

export const scheduleDataset = (id: string | number, schedules: string | number, schedule: string | number) =>
  `expected a schedule of dataset ${id} (${schedules}), found "${schedule}"`;

export const noPresetModel = (preset: string | number) => `expected no preset: this model has none, found "${preset}"`;

export const flowsBaselineTrade = () => 'expected flows with baseline trade to average over, found none';

export const averageReachableWithout = (
  targetPct: string | number,
  shiftPoints: string | number,
  lowestPct: string | number,
) =>
  `expected an average reachable without negative rates, found that ${targetPct}% needs a ` +
  `shift of ${shiftPoints} points on rates as low as ${lowestPct}%`;
