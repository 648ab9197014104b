/**
 * Messages of the models (src/model): the checks of a model's inputs (arrays, elasticities,
 * controls, capacities, ownership), its baselines and its registry. They stand alone: capital first.
 * Rules of the catalogue: src/spec/messages/README.md.
 */

// src/model/dynamics/adjust.ts

export const withinYearShare = (ratio: string | number) =>
  `Expected a within-a-year share of the long-run response in (0, 1), found ${ratio}`;

export const adjustedMeansArraysToo = () =>
  'Expected adjustedMeans arrays of at least the series and grid sizes, found shorter ones';

// src/model/ge/baseline.ts

export const datasetIoTable = (layout: string | number, source: string | number) =>
  `Expected a dataset with the io-table layout, found "${layout}" in ${source}`;

// src/model/ge/capacity.ts

export const capacityArraysOne = (K: string | number, limitCount: string | number, elasticityCount: string | number) =>
  `Expected capacity arrays of one length, found ${K} cells, ${limitCount} limits, ${elasticityCount} elasticities`;

export const capacityCells = (last: string | number, q: string | number) =>
  `Expected capacity cells in 0..${last}, found ${q}`;

export const oneCapacityRegion = (name: string | number) =>
  `Expected one capacity per region-sector, found two for ${name}`;

export const capacityLimitLeast = (k: string | number, name: string | number) =>
  `Expected a capacity limit of at least 0 (share of baseline real output), found ${k} for ${name}`;

export const supplyElasticityAbove = (e: string | number, name: string | number) =>
  `Expected a supply elasticity above 0 (Infinity for constant returns), found ${e} for ${name}`;

export const capacityThereBaseline = (name: string | number) =>
  `Expected a capacity only where there is baseline output, found none for ${name}`;

// src/model/ge/nests.ts

export const inputElasticities = (J: string | number, NJ: string | number, epsInCount: string | number) =>
  `Expected ${J} or ${NJ} input elasticities, found ${epsInCount}`;

export const inputElasticitiesLeast = (epsIn: string | number, q: string | number) =>
  `Expected input elasticities of at least 0, found ${epsIn} at ${q}`;

export const criticalNestElasticity = (sigma: string | number) =>
  `Expected a critical-nest elasticity of at least 0, found ${sigma}`;

export const criticalUserMask = (NJ: string | number, usersCount: string | number) =>
  `Expected a critical-user mask of length ${NJ}, found ${usersCount}`;

export const criticalInputsAmong = (last: string | number, k: string | number) =>
  `Expected critical inputs among sectors 0..${last}, found ${k}`;

// src/model/ge/ownership.ts

export const ownershipArraysOne = (L: string | number, cellCount: string | number, shareCount: string | number) =>
  `Expected ownership arrays of one length, found ${L} owners, ${cellCount} cells, ${shareCount} shares`;

export const owningRegions = (last: string | number, m: string | number) =>
  `Expected owning regions in 0..${last}, found ${m}`;

export const ownedRegionSectors = (last: string | number, q: string | number) =>
  `Expected owned region-sectors in 0..${last}, found ${q}`;

export const ownershipAcrossBorders = (reg: string | number, name: string | number) =>
  `Expected ownership across borders, found ${reg} listed as a foreign owner of ${name}`;

export const ownershipShareBetween = (o: string | number, reg: string | number, name: string | number) =>
  `Expected an ownership share between 0 and 1, found ${o} for ${reg} in ${name}`;

export const oneOwnershipShare = (reg: string | number, name: string | number) =>
  `Expected one ownership share per owner and region-sector, found two for ${reg} in ${name}`;

export const foreignOwnershipShares = (name: string | number, t: string | number) =>
  `Expected foreign ownership shares of ${name} to sum to at most 1, found ${t}`;

// src/model/ge/run.ts

export const baselineConverge = (
  option: string | number | undefined,
  id: string | number | undefined,
  message: string | number | undefined,
) => `Expected the ${option} baseline of ${id} to converge, found: ${message}`;

// src/model/ge/solve.ts

export const nonFiniteInput = (badInput: string | number) => `Non-finite input: ${badInput}`;

/** The caps and capacity residuals are given when the solve has caps or capacities. */
export const fixedPointDid = (
  tol: string | number,
  maxIt: string | number,
  residual: string,
  capResidual?: string,
  capacityResidual?: string,
) => {
  const caps = capResidual ? `, cap residual ${capResidual}` : '';
  const capacity = capacityResidual ? `, capacity residual ${capacityResidual}` : '';
  return `Fixed point did not reach ${tol} in ${maxIt} iterations (residual ${residual}${caps}${capacity})`;
};

export const nonFiniteValue = (it: string | number, firstNonFinite: string | number) =>
  `Non-finite value in iteration ${it} (${firstNonFinite})`;

// src/model/ge/wedges.ts

export const exportControlArrays = (
  flowCount: string | number,
  approvalCount: string | number,
  rentsToExporterCount: string | number,
) =>
  `Expected export-control arrays of one length, found ${flowCount} flows, ` +
  `${approvalCount} approvals, ${rentsToExporterCount} rent flags`;

export const controlledFlows = (last: string | number, q: string | number) =>
  `Expected controlled flows in 0..${last}, found ${q}`;

export const exportControlsCross = (label: string | number, label2: string | number) =>
  `Expected export controls on cross-border flows only, found a control on domestic sales of ${label} in ${label2}`;

export const approvalBetween = (s: string | number, where: string | number) =>
  `Expected an approval between 0 and 1, found ${s} on the flow ${where}`;

export const governmentShareLicensed = (gs: string | number, where: string | number) =>
  `Expected a government share of licensed sales in [0, 1), found ${gs} on the flow ${where}`;

export const regionReceivingGovernment = (where: string | number, gr: string | number) =>
  `Expected the region receiving the government share on the flow ${where}, found ${gr}`;

export const oneControlFlow = (approval: string | number, s: string | number, where: string | number) =>
  `Expected one control per flow, found contradictory controls (approval ${approval} and ${s}) on the flow ${where}`;

export const importerKeepSupplier = (label: string | number, label2: string | number) =>
  `Expected importer ${label} to keep a supplier of sector ${label2}, found every supplier banned by ` +
  `the export controls (approval 0); allow some supply or leave a supplier out`;

export const exportTaxFactors = (e: string | number, where: string | number) =>
  `Expected export-tax factors of at least 1, found ${e} on the flow ${where}`;

export const arrayGovernmentRevenue = () =>
  'Expected an array for government revenue (the wedges have government shares), found none';

// src/model/gravity/ge.ts

export const partialEffects = (nn: string | number, n: string | number, betaCount: string | number) =>
  `Expected ${nn} partial effects (${n}×${n}), found ${betaCount}`;

export const tradeElasticity = (theta: string | number) => `Expected a trade elasticity θ > 0, found ${theta}`;

export const finiteFlows = (flow: string | number, exporter: string | number, importer: string | number) =>
  `Expected finite flows ≥ 0, found ${flow} for exporter ${exporter}, importer ${importer}`;

export const finitePartialEffects = (beta: string | number, exporter: string | number, importer: string | number) =>
  `Expected finite partial effects, found ${beta} for exporter ${exporter}, importer ${importer}`;

export const positiveDomesticSales = (flow: string | number, country: string | number) =>
  `Expected positive domestic sales for every country, found ${flow} for country ${country}`;

export const noPartialEffect = (beta: string | number, country: string | number) =>
  `Expected no partial effect on domestic sales, found ${beta} for country ${country}`;

// src/model/gravity/hdfe.ts

export const factorHaveCodes = (name: string | number, n: string | number, codesCount: string | number) =>
  `Expected factor "${name}" to have ${n} codes, found ${codesCount}`;

// src/model/gravity/ppml.ts

export const regressorValuesObservations = (
  nk: string | number,
  n: string | number,
  k: string | number,
  xCount: string | number,
) => `Expected ${nk} regressor values (${n} observations × ${k} regressors), found ${xCount}`;

export const weightCount = (n: string | number, weightsCount: string | number) =>
  `Expected ${n} weights, found ${weightsCount}`;

export const clusterCodeCount = (n: string | number, clusterCount: string | number) =>
  `Expected ${n} cluster codes, found ${clusterCount}`;

export const finiteFlowObservation = (observation: string | number, y: string | number) =>
  `Expected a finite flow ≥ 0 at observation ${observation}, found ${y}`;

export const finiteValues = (name: string | number, x: string | number, observation: string | number) =>
  `Expected finite values of "${name}", found ${x} at observation ${observation}`;

export const clusterCodesClustered = () => 'Expected cluster codes for clustered standard errors, found none';

export const observationsLeftAfter = () =>
  'Expected observations left after dropping singletons and separated ones, found none';

export const ppmlConverged = (iter: string | number, innerTotal: string | number) =>
  `Converged in ${iter} iterations (${innerTotal} partialling-out sweeps)`;

export const startingValues = (all: string | number, startCount: string | number) =>
  `Expected ${all} starting values, found ${startCount}`;

export const irlsNotConverged = (maxIter: string | number) => `IRLS did not converge in ${maxIter} iterations`;

export const partiallingOutFixed = (innerNow: string | number, maxInner: string | number, iter: string | number) =>
  `Partialling out the fixed effects did not reach tolerance ${innerNow} ` +
  `in ${maxInner} sweeps at IRLS iteration ${iter}`;

export const devianceNotFinite = (dev: string | number, iter: string | number) =>
  `The deviance became ${dev} at IRLS iteration ${iter}`;

// src/model/oneSector2025/baseline.ts

export const calibrationHitTargets = (max: string | number) =>
  `Expected the ν calibration to hit its targets to 1e-12, found residual ${max}`;

export const oneSectorDataset = (J: string | number, id: string | number) =>
  `Expected a one-sector dataset, found ${J} sectors in "${id}"`;

export const regionColumnGdp = (id: string | number, columns: string | number) =>
  `Expected a region column "gdp" in dataset "${id}", found ${columns}`;

export const regionUsaDataset = (id: string | number) => `Expected the region USA in dataset "${id}", found none`;

// src/model/oneSector2025/economy.ts

export const positiveFiniteElasticityScale = (scale: string | number) =>
  `Expected a positive finite elasticityScale, found ${scale}`;

export const revenueIncomeTax = (revenue: string | number) =>
  `Expected revenue "income-tax-relief" or "lump-sum", found "${revenue}"`;

export const variantBaselineEaton = (variant: string | number) =>
  `Expected variant baseline, eaton-kortum, eps8 or partial-pass-through, found "${variant}"`;

export const tariffsFloat64arrayN = (NN: string | number, found: string | number) =>
  `Expected tariffs as a Float64Array of N*N = ${NN}, found ${found}`;

export const tariffRates = (r: string | number, n: string | number, i: string | number) =>
  `Expected tariff rates >= 0, found ${r} at importer ${n}, exporter ${i}`;

// src/model/oneSector2025/solve.ts

export const warmFloat64arrayN = (N3: string | number, found: string | number) =>
  `Expected warm as a Float64Array of 3N = ${N3}, found ${found}`;

export const warmStartPositive = () =>
  'Expected a warm start of positive finite values, found a value <= 0 or non-finite';

export const maxIterationsInteger = (maxIterations: string | number) =>
  `Expected maxIterations as an integer >= 0, found ${maxIterations}`;

export const toleranceAbove0 = (tolerance: string | number) => `Expected a tolerance > 0, found ${tolerance}`;

// src/model/oneSector2025/tariffs.ts

export const scheduleUstrDataset = (id: string | number, schedules: string | number) =>
  `Expected the schedule "ustr-2025-04-02" in dataset "${id}", found ${schedules}`;

export const tariffPreset = (TARIFF_PRESETS: string | number, preset: string | number) =>
  `Expected a tariff preset (${TARIFF_PRESETS}), found "${preset}"`;

// src/model/registry.ts

export const regionSectorCodes = (
  id: string | number,
  k: string | number,
  owner: string | number,
  region: string | number,
  sector: string | number,
  source: string | number,
) =>
  `Expected region and sector codes of dataset ${id} in ownership link ${k}, found ` +
  `${owner} → ${region}:${sector} (${source}/dataset.json)`;

export const inventorySpanStocked = (coveredCount: string | number | undefined, message: string | number | undefined) =>
  `Expected the inventory span with ${coveredCount} stocked cells to converge, found: ${message}`;

// src/model/honest.ts

export const solverReportedConvergence = (residual: string | number) =>
  `The solver reported convergence with a residual of ${residual}`;

export const solverReportedConvergenceResidual = (residual: string | number, tol: string | number) =>
  `The solver reported convergence with a residual of ${residual}, above the tolerance ${tol}`;

export const valueAddedRecheckFailed = (
  gap: string | number,
  rel: string | number,
  tol: string | number,
  worst: string | number,
) =>
  `The re-check of value added = wages in the data's units failed: Σ|VA' − ŵ·VA| = ${gap} ` +
  `(${rel} of world value added, tolerance ${tol}), worst in ${worst}`;

export const solveEndedIndicator = (bad: string | number) =>
  `The solve ended with an indicator that is not an answer: ${bad} (the model's ` +
  `numbers overflowed; check the options, e.g. elasticity_scale)`;

export const indicatorNotFinite = (code: string | number, field: string | number, v: string | number) =>
  `${code}.${field} is ${v}`;

export const indicatorOverflow = (
  code: string | number,
  field: string | number,
  v: string | number,
  MAX_PCT: string | number,
) => `${code}.${field} is ${v}% (a change beyond ±${MAX_PCT}% is overflow)`;

export const indicatorBelowMinus100 = (code: string | number, field: string | number, v: string | number) =>
  `${code}.${field} is ${v}% (a positive quantity cannot fall by more than 100%)`;

// src/model/oneSector2025/fixedPoint.ts

export const noConvergenceIterations = (
  maxIterations: string | number,
  r: string | number,
  tolerance: string | number,
) => `No convergence in ${maxIterations} iterations: scaled residual ${r} > tolerance ${tolerance}`;

// src/model/oneSector2025/recheck.ts

export const solveUnknownCount = (found: number, expected: number) =>
  `Expected 3N = ${expected} unknowns from the solve, found ${found}`;

export const unknownNotPositive = (k: number, unknown: string, region: string, found: number) =>
  `Expected a positive finite number for unknown ${k} (${unknown} of ${region}), found ${found}`;

export const recheckFailed = (
  what: string | number,
  rel: string | number,
  limit: string | number,
  where: string | number,
) => `The re-check of ${what} in the data's units failed: ${rel} relative, above ${limit} (${where})`;

export const resultRowMissing = (region: string) => `Expected a row for ${region} in the result, found none`;

export const recheckIndicatorFailed = (region: string, field: string, got: number | undefined, want: number) =>
  `The re-check of the reported indicators failed: ${region}.${field} is ${got}, the solved levels give ${want}`;
