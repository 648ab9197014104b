/**
 * Messages of scenario and input files (src/scenario, src/spec, and every reader of a YAML or JSON
 * input). Issue messages follow the file's place (`file:line:col path: …`): lower case.
 * Rules of the catalogue: src/spec/messages/README.md.
 */
import { foundValue } from './found.ts';

export const notYaml = (reason: string) => `expected valid YAML or JSON, found ${reason}`;

// Sweep files

export const unreadableSweepFile = (reason: string) => `expected a readable sweep file, found ${reason}`;

export const unknownSweepScenario = (found: string) =>
  `expected a scenario file or embedded scenario id, found "${found}"`;

export const sweepScenarioField = (found: unknown) =>
  `expected a scenario file, an embedded scenario id, or a scenario written inline, found ${foundValue(found)}`;

export const unknownServedScenario = (found: string) =>
  `expected an embedded scenario id (a file of scenarios/ without .yaml, e.g. us-china-2025) or the ` +
  `scenario written inline, found "${found}": the server reads no other files`;

export const tooManyGridPoints = (limit: number, found: number) =>
  `expected at most ${limit} grid points (combinations), found ${found}`;

export const tooManyServedRuns = (limit: number, points: number, draws: number) =>
  `expected at most ${limit} runs in a sweep sent to the server (grid points × (draws + 1)), found ` +
  `${points} × ${draws + 1} = ${points * (draws + 1)}: run larger sweeps with lancaster sweep`;

export const invalidSweptScenario = (where: string, drawn: boolean, issues: string) =>
  `expected a valid scenario${where ? ` at ${where}` : ''}${drawn ? ' with drawn parameters' : ''}, found: ${issues}`;

// What was found, for the zod issues of every input file (src/spec/issues.ts)

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

export const wrongType = (expected: string, found: unknown) =>
  `expected ${expected}, found ${found === undefined ? 'nothing (required)' : foundValue(found)}`;

export const notAnOption = (values: readonly unknown[], found: unknown, field?: string) => {
  const options = values.length === 1 ? quoted(values[0]) : `one of ${values.map(quoted).join(', ')}`;
  return `expected ${field ? `${field} ` : ''}${options}, found ${foundValue(found)}`;
};

export const sizeOutOfBounds = (bound: string, found: number | undefined) =>
  `expected ${bound}, found ${found === undefined ? 'another size' : found}`;

export const outOfBounds = (what: string, bound: string, found: unknown) =>
  `expected ${what} ${bound}, found ${foundValue(found)}`;

export const badFormat = (format: string, found: unknown) => `expected ${format}, found ${foundValue(found)}`;

export const notMultiple = (divisor: string, found: unknown) =>
  `expected a multiple of ${divisor}, found ${foundValue(found)}`;

export const unknownKeys = (keys: readonly string[]) =>
  `expected only known fields, found unknown ` +
  `field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;

export const noUnionForm = (found: unknown) => `expected one of the forms this field takes, found ${foundValue(found)}`;

export const badKey = (origin: string, found: unknown) =>
  `expected valid keys of the ${origin}, found ${foundValue(found)}`;

export const badElement = (origin: string, found: unknown) =>
  `expected valid values of the ${origin}, found ${foundValue(found)}`;

// Gravity scenarios

export const reportWithoutGe = () =>
  'expected a counterfactual section (its GE countries are what the report shows), found none';

export const unknownReportCountry = (countries: readonly string[], found: string) =>
  `expected a country of the GE counterfactual (${countries.join(', ')}), found "${found}"`;

// src/cli/gravity.ts

export const integerBetween = (max: string | number, v: string | number) =>
  `expected an integer between 0 and ${max}, found "${v}"`;

// src/cli/negotiate.ts

// src/data/build/usTariffs2025.ts

export const topLevelTimeline = () => 'expected a top-level `timeline:` section, found none';

// src/data/manifest.ts

export const codeLettersDigits = (found: unknown) =>
  `expected a code of letters, digits, _ . -, found ${foundValue(found)}`;

export const tableFileName = (found: unknown) =>
  `expected a table file name like trade.csv (letters, digits, _ . -), not a path, found ${foundValue(found)}`;

export const tableFileNameWithout = (found: unknown) =>
  `expected a table file name without "..", found ${foundValue(found)}`;

// src/negotiate/trade/run.ts

export const negotiationSectionTrade = () =>
  'expected a negotiation section with a trade domain (negotiation.domain), found none';

export const disagreementValueIssue = (id: string | number) =>
  `expected a disagreement value for issue "${id}", found none`;

export const flowsIssueShare = (id: string | number) =>
  `expected the flows of issue "${id}" to share one current value (mode set), found different values; use mode add`;

export const gridIssueContain = (id: string | number, v: string | number, grid: string | number) =>
  `expected the grid of issue "${id}" to contain its disagreement value ${v}, found [${grid}]`;

// src/negotiate/trade/state.ts

export const issuesCoverDisjoint = (id: string | number, prev: string | number) =>
  `expected issues to cover disjoint flows, found "${id}" overlapping with "${prev}"`;

export const scenarioDataset = (id: string | number, id2: string | number) =>
  `expected a scenario on dataset ${id}, found ${id2}`;

export const scenarioHaveTimeline = (name: string | number) =>
  `expected scenario ${name} to have a timeline for a dated state, found none`;

export const partyRegionDataset = (id: string, groups: readonly string[], region: string) =>
  `expected a party that is a region or group of dataset ${id} (groups: ` +
  `${groups.join(', ') || 'none'}), found "${region}"`;

export const regionCodeOfDataset = (id: string | number, reg: string | number) =>
  `expected a region code of dataset ${id}, found "${reg}"`;

// src/scenario/fit.ts

export const runReportFlow = (pair: string | number) =>
  `expected the run to report the flow ${pair} (scenario report.trade), found no such flow in its steps`;

export const leastObservedMonths = (lastFitted: string | number, inSCount: string | number) =>
  `expected at least 2 observed months up to ${lastFitted}, found ${inSCount}`;

// src/scenario/gravity/data.ts

export const csvFileInside = (file: string | number) => `expected a CSV file inside the data folder, found "${file}"`;

export const csvFileData = (orBeside: string | number, file: string | number) =>
  `expected a CSV file in the data folder${orBeside}, found no file "${file}"`;

// src/scenario/gravity/prepare.ts

export const columnOf = (file: string | number, col: string | number) => `expected a column of ${file}, found "${col}"`;

export const flowsEstimationSample = (file: string | number) =>
  `expected flows in the estimation sample, found none in ${file}`;

export const dataYearName = () =>
  'expected data.year to name the year column when counterfactual.year is given, found none';

export const yearOfData = (years: string | number, year: string | number) =>
  `expected a year of the data (${years}), found ${year}`;

export const counterfactualYearSeveral = (years: string | number) =>
  `expected counterfactual.year with several years in the data (${years}), found none`;

export const sameCountriesExporters = (
  year: string | number,
  file: string | number,
  line: string | number,
  exporter: string | number,
  importer: string | number,
) =>
  `expected the same countries as exporters and importers in ${year}, ` +
  `found ${file}:${line} with ${exporter}->${importer}`;

export const oneFlowPair = (
  year: string | number,
  exporter: string | number,
  importer: string | number,
  file: string | number,
  line: string | number,
) => `expected one flow per pair in ${year}, found ${exporter}->${importer} twice (${file}:${line})`;

export const pairCountriesDomestic = (
  N: string | number,
  year: string | number,
  exporter: string | number,
  importer: string | number,
) =>
  `expected every pair of the ${N} countries (domestic sales included) in ${year}, found no ${exporter}->${importer}`;

export const yearOfData2 = (years: string | number, to: string | number) =>
  `expected a year of the data (${years}), found ${to}`;

export const everyPairIn = (to: string | number, countries: string | number, countries2: string | number) =>
  `expected every pair in ${to}, found no ${countries}->${countries2}`;

export const countriesData = (code: string | number) => `expected countries of the data, found ${code}`;

export const internationalPair = (e: string | number, m: string | number) =>
  `expected an international pair, found ${e}->${m}`;

// src/scenario/gravity/schema.ts

export const columnNameWithout = (found: unknown) =>
  `expected a column name without spaces, found ${foundValue(found)}`;

export const eitherYearValue = (given: string | number) =>
  `expected either to_year, or value with pairs, found ${given}`;

export const valuePairsTogether = () => 'expected value and pairs together, found only one of them';

export const oneEstimatedRegressors = (regressors: string | number, regressor: string | number) =>
  `expected one of the estimated regressors (${regressors}), found "${regressor}"`;

export const distinctRegressors = () => 'expected distinct regressors, found a repeated one';

export const regressorNamesOther = () =>
  'expected regressor names other than "_cons" (the reported constant), found "_cons"';

// src/scenario/limits.ts

export const scenarioMostBytes = (bytes: string | number, bytes2: string | number) =>
  `expected a scenario of at most ${bytes} bytes (1 MiB), found ${bytes2}`;

export const scenarioMostLines = (lines: string | number) =>
  `expected a scenario of at most ${lines} lines, found more`;

export const textWithoutControl = (codeOf: string | number) =>
  `expected text without control characters, found ${codeOf}`;

export const scenarioMostYaml = (nodes: string | number) =>
  `expected a scenario of at most ${nodes} YAML values, found more`;

export const plainYamlValues = (replace: string | number) =>
  `expected plain YAML values (no tags), found the tag ${replace}`;

export const stringMostCharacters = (string: string | number, sCount: string | number) =>
  `expected a string of at most ${string} characters, found ${sCount}`;

export const mostEntries = (limit: string | number, itemsCount: string | number) =>
  `expected at most ${limit} entries, found ${itemsCount}`;

export const keysWithoutControl = (codeOf: string | number) =>
  `expected keys without control characters, found ${codeOf}`;

export const plainYaml = (split: string | number) => `expected plain YAML, found ${split}`;

export const mostAliasExpansions = (aliases: string | number) =>
  `expected at most ${aliases} alias expansions, found more (a YAML alias ` +
  `bomb?): write the values out instead of nesting aliases`;

// src/scenario/measures.ts

export const regionCodeGroup = (groups: string | number, id: string | number, code: string | number) =>
  `expected a region code, a group (${groups}) or "*" of dataset ${id}, found "${code}"`;

export const mostOneSide = (key: string | number) => `expected at most one side as "*", found "${key}"`;

// src/scenario/parse.ts

export const validYamlJson = (split: string | number) => `expected valid YAML or JSON, found ${split}`;

export const scenarioFile = () => 'expected a scenario file, found a directory or device';

export const scenarioMostBytesMib = (bytes: string | number, stCount: string | number) =>
  `expected a scenario of at most ${bytes} bytes (1 MiB), found ${stCount}`;

export const readableScenarioFile = (reason: string | number) => `expected a readable scenario file, found ${reason}`;

// src/scenario/reportCodes.ts

export const regionCodeGroupDataset = (id: string | number, list: string | number, c: string | number) =>
  `expected a region code or group of dataset ${id} (groups: ${list}), found "${c}"`;

export const regionCodeOfDataset2 = (id: string | number, c: string | number, why: string | number) =>
  `expected a region code of dataset ${id}, found "${c}"${why}`;

export const groupDataset = (id: string | number, groups: string | number, g: string | number) =>
  `expected a group of dataset ${id} (${groups}), found "${g}"`;

// src/scenario/runTimeline.ts

export const timelineSection = () => 'expected a timeline section, found none';

// src/scenario/served.ts

export const embeddedDatasetId = (embeddedDatasetIds: string | number, id: string | number) =>
  `expected an embedded dataset id (${embeddedDatasetIds}), found "${id}": the server reads datasets by id only`;

// src/scenario/solve.ts

export const datasetLayoutModel = (
  layout: string | number,
  model: string | number,
  id: string | number,
  layout2: string | number,
) => `expected a dataset with the ${layout} layout for model ${model}, found ${id} (${layout2})`;

// src/server/errors.ts

export const invalidValue = () => 'invalid value';

// src/server/schemas.ts

export const scenarioYamlJson = (found: unknown) =>
  `expected a scenario as YAML or JSON text, or as a JSON object, found ${foundValue(found)}`;

export const jsonObjectKind = (found: unknown) =>
  `expected a JSON object {kind, scenario} or a YAML scenario text, found ${foundValue(found)}`;

export const twoRunIds = (found: number) => `expected two run ids separated by a comma, found ${found}`;

// src/spec/date.ts

export const dateYyyyMm = (found: unknown) => `expected a date as YYYY-MM-DD, found ${foundValue(found)}`;

export const calendarDateYyyy = (input: string | number) =>
  `expected a calendar date as YYYY-MM-DD, found ${input} (no such day)`;

// src/spec/negotiation.ts

export const minMax = (min: number, max: number) => `expected min <= max, found min ${min} and max ${max}`;

export const exactlyParties = (k: string | number) => `expected exactly 2 parties, found ${k}`;

export const oneAgentParty = (names: string | number, agents: string | number) =>
  `expected one agent for each party (${names}), found ${agents}`;

export const negotiationDomainCalibration = () =>
  'expected negotiation.domain.calibration (the approvals that bound the ' +
  'threshold) with a calibrated threshold, found none';

export const uniqueIssueIds = (id: string | number) => `expected unique issue ids, found "${id}" twice`;

export const party = (names: string, found: string) => `expected a party (${names}), found "${found}"`;

export const mediatedTradeDomain = () =>
  'expected protocol saop with a trade domain (its sessions are alternating offers), found mediated';

// src/spec/scenario.ts

export const numberOrPercent = (found: unknown) => `expected a number or percent string, found ${foundValue(found)}`;

export const numberOrPercent2 = (v: string | number) => `expected a number or percent string like "54%", found "${v}"`;

export const idLettersDigits = (found: unknown) =>
  `expected an id of letters, digits, _ . -, found ${foundValue(found)}`;

export const oneRateAdd = () => 'expected one of rate, add, schedule, preset or target_average, found none';

export const oneRateAddSchedule = (given: string | number) =>
  `expected only one of rate, add, schedule, preset or target_average, found ${given}`;

export const governmentRegionReceiving = () =>
  'expected `government` (the region receiving the share) with government_share, found none';

export const asNumber = (what: string | number, found: string | number) =>
  `expected ${what} as a number, found ${found}`;

export const wholeNumberIterations = (input: string | number) =>
  `expected a whole number of iterations, found ${input}`;

export const eitherHorizonElasticity = (horizon: string | number) =>
  `expected either horizon or elasticity_scale, found both (horizon ${horizon} sets the scale)`;

export const exporterImporterPair = (found: unknown) =>
  `expected "EXPORTER->IMPORTER", e.g. "CHN->USA" (codes, groups or "*"), found ${foundValue(found)}`;

export const formatVersion = (found: unknown) => `expected format version 1, found ${foundValue(found)}`;

// src/spec/strategy.ts

export const numberBetweenPercent = (MAX_BOUND: string | number, stringify: string | number) =>
  `expected a number between 0 and ${MAX_BOUND} or a percent string like "54%", found ${stringify}`;

export const idLettersDigitsStarting = (found: unknown) =>
  `expected an id of letters, digits, _ . - starting with a letter, found ${foundValue(found)}`;

export const oneTariffExport = () => 'expected one of tariff or export_control, found none';

export const oneTariffExportControl = () => 'expected only one of tariff or export_control, found both';

export const maxMin = (min: string | number, max: string | number) => `expected max >= min (${min}), found ${max}`;

export const approvalShareBetween = (max: string | number) =>
  `expected an approval share between 0 and 1, found ${max}`;

export const startWithin = (min: string | number, max: string | number, start: string | number) =>
  `expected start within [${min}, ${max}], found ${start}`;

export const leastOnePlayer = () => 'expected at least one player (or an all_partners game), found none';

export const uniqueInstrumentId = (id: string | number, other: string | number) =>
  `expected a unique instrument id, found "${id}" also used by ${other}`;

export const leastTwoPlayers = (kind: string | number, n: string | number) =>
  `expected at least two players for kind ${kind}, found ${n}`;

// src/spec/trade-domain.ts

export const idLettersDigitsStartingLetter = (found: unknown) =>
  `expected an id of letters, digits and _ (starting with a letter), found ${foundValue(found)}`;

export const exactlyOneTariffs = (both: boolean) =>
  `expected exactly one of tariffs or export_controls, found ${both ? 'both' : 'neither'}`;

export const distinctGridValues = () => 'expected distinct grid values, found a repeated one';

export const approvalSharesBetween = (found: number) => `expected approval shares between 0 and 1, found ${found}`;

// src/strategy/allPartners.ts

export const regionGroupDataset = (id: string | number, groups: string | number, u: string | number) =>
  `expected a region group of dataset ${id} (${groups}), found "${u}"`;

export const regionUnionDataset = (id: string | number, found: string) =>
  `expected a region or union of dataset ${id}, found "${found}"`;

export const regionInsideUnion = (found: string) =>
  `expected a region outside the customs unions, found "${found}", which plays inside its union`;

export const playerAllPartner = (players: string | number, c: string | number) =>
  `expected a player of the all-partner game (${players}), found "${c}"`;

export const twoDifferentPlayers = (x: string | number) => `expected two different players, found "${x}" twice`;

export const pairOnce = (x: string | number, y: string | number) => `expected each pair once, found [${x}, ${y}] again`;

export const playerAllPartnerGame = (players: string | number, code: string | number) =>
  `expected a player of the all-partner game (${players}), found "${code}"`;

export const onlyOnce = (p: string | number) =>
  `expected ${p} only once, found it both in players and in the all_partners game`;

// src/strategy/check.ts

export const strategySection = () => 'expected a strategy section, found none';

export const modelSupportsExport = (model: string | number) =>
  `expected a model that supports export controls, found ${model} without them`;

// src/strategy/game.ts

export const playerRegionDataset = (orGroups: string | number, id: string | number, code: string | number) =>
  `expected a player that is a region${orGroups} of dataset ${id}, found "${code}"`;

export const noSectorOne = (key: string | number, model: string | number, keys: string | number) =>
  `expected no sector ${key} for the one-sector model ${model}, found ${keys}`;

export const sectorCodeOfDataset = (id: string | number, sec: string | number) =>
  `expected a sector code of dataset ${id}, found unknown sector "${sec}"`;

// src/strategy/instruments.ts

export const importerPlayerSets = (player: string | number, importer: string | number) =>
  `expected importer ${player} (a player sets its own tariffs), found "${importer}"`;

export const originPlayerLicenses = (player: string | number, origin: string | number) =>
  `expected origin ${player} (a player licenses its own exports), found "${origin}"`;

export const instrumentsCoverDisjoint = (id: string | number, prev: string | number) =>
  `expected instruments to cover disjoint flows, found "${id}" overlapping with "${prev}"`;

// src/sweep/plan.ts

export const dottedScenarioPath = (found: unknown) =>
  `expected a dotted scenario path like options.input_elasticity or ` +
  `timeline.3.tariffs.0.rate, found ${foundValue(found)}`;

// src/negotiate/trade/run.ts

export const reportRegionOrGroup = (dataset: string, groups: readonly string[], found: string) =>
  `expected a region code or group of dataset ${dataset} (groups: ${groups.join(', ') || 'none'}), found "${found}"`;
