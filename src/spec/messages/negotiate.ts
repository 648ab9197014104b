/**
 * Messages of the negotiation engines (src/negotiate): GENIUS files, domains and utilities.
 * A GENIUS message's place is `file, line N`. Rules of the catalogue: src/spec/messages/README.md.
 */

// GENIUS XML files

export const notANumberAttribute = (place: string, attr: string, element: string, what: string, found: string) =>
  `${place}: expected a number in attribute "${attr}" of <${element}> (${what}), found ${found}.`;

export const noBounds = (place: string, issue: string) =>
  `${place}: expected lowerbound/upperbound on issue "${issue}" or a <range> child, found neither.`;

export const noIssues = (place: string) => `${place}: expected at least one <issue> element, found none.`;

export const noIssueName = (place: string) => `${place}: expected a name attribute on <issue>, found none.`;

export const noItems = (place: string, issue: string) =>
  `${place}: expected <item> elements in discrete issue "${issue}", found none.`;

export const noItemValue = (place: string, issue: string) =>
  `${place}: expected a value attribute on <item> of issue "${issue}", found none.`;

export const badIntegerBounds = (place: string, issue: string, lo: number, hi: number) =>
  `${place}: expected integer bounds lo <= hi on issue "${issue}", found [${lo}, ${hi}].`;

export const unknownIssueType = (place: string, issue: string, type: string) =>
  `${place}: expected issue type discrete, integer or real for issue "${issue}", found "${type}".`;

export const noEvaluator = (place: string, issue: string) =>
  `${place}: expected an <evaluator> in issue "${issue}", found none.`;

export const notLinearEvaluator = (place: string, issue: string, ftype: string) =>
  `${place}: expected evaluator ftype "linear" for issue "${issue}", found "${ftype}".`;

export const profileIssueMissing = (place: string, issue: string, domain: string) =>
  `${place}: expected issue "${issue}" of domain "${domain}", found no such <issue>.`;

export const noWeight = (place: string, index: string, issue: string) =>
  `${place}: expected a <weight index="${index}"> for issue "${issue}", found none.`;

export const valueNotInDomain = (place: string, issue: string, found: string) =>
  `${place}: expected a value of issue "${issue}" in the domain, found ${found}.`;

export const negativeItemEvaluation = (place: string, value: string, issue: string, found: number) =>
  `${place}: expected a non-negative evaluation of "${value}" in issue "${issue}", found ${found}.`;

export const noItemEvaluation = (place: string, value: string, issue: string) =>
  `${place}: expected an evaluation for value ${value} of issue "${issue}", found none.`;

export const badProfileDiscount = (place: string, found: number) =>
  `${place}: expected a discount factor in (0, 1], found ${found}.`;

export const unreadableGenius = (path: string, reason: string) =>
  `${path}: expected a readable GENIUS XML file, found ${reason}.`;

// Utilities

export const notInUnit = (name: string, lo: number, found: number) => `Expected ${name} in [${lo}, 1], found ${found}.`;

export const badReservation = (found: number) => `Expected a finite reservation value, found ${found}.`;

export const badDiscount = (found: number) => `Expected a discount factor in (0, 1], found ${found}.`;

export const noIssueWeight = (issue: string) => `Expected a weight for issue "${issue}", found none.`;

export const negativeWeight = (issue: string, found: number) =>
  `Expected a non-negative weight for issue "${issue}", found ${found}.`;

export const weightsSumNotPositive = (found: number) => `Expected weights with a positive sum, found ${found}.`;

export const noEvaluations = (issue: string) => `Expected evaluations for issue "${issue}", found none.`;

export const tableForContinuous = (issue: string) =>
  `Expected a linear evaluator {offset, slope} for continuous issue "${issue}", found a value table.`;

export const negativeEvaluation = (value: string, issue: string, found: string) =>
  `Expected a non-negative evaluation for value ${value} of issue "${issue}", found ${found}.`;

export const notAnIssueValue = (issue: string, found: string) =>
  `Expected one of the values of issue "${issue}", found ${found}.`;

// Engines: rounds, discounts, thresholds

export const badRounds = (found: number) => `Expected a positive integer number of rounds, found ${found}.`;

export const badRepeatedRounds = (found: number) => `Expected a non-negative integer number of rounds, found ${found}.`;

export const badTimeLimit = (seconds: number, perTurn: number) =>
  `Expected positive seconds and seconds per turn, found ${seconds} and ${perTurn}.`;

export const notInHalfOpenUnit = (name: string, found: number) => `Expected ${name} in [0, 1), found ${found}.`;

export const badDelta = (found: number) => `Expected delta in [0, 1], found ${found}.`;

export const utilityLengths = (a: number, b: number) => `Expected utility arrays of equal length, found ${a} and ${b}.`;

export const nanUtility = (outcome: number) => `Expected finite utilities, found NaN at outcome ${outcome}.`;

export const negativeTemperature = (found: number) => `Expected a non-negative temperature, found ${found}.`;

export const badUniformThreshold = (min: number, max: number) =>
  `Expected a uniform threshold with min <= max, found [${min}, ${max}].`;

export const badNormalThreshold = (sd: number) => `Expected a normal threshold with positive sd, found ${sd}.`;

export const notPrisonersDilemma = (T: number, R: number, P: number, S: number) =>
  `Expected prisoner's dilemma payoffs with T > R > P >= S, found T=${T}, R=${R}, P=${P}, S=${S}.`;

// src/negotiate/agents/model-aware.ts

export const finiteObjectiveValue = (key: string | number, v: string | number) =>
  `Expected a finite objective value for bid ${key}, found ${v}.`;

// src/negotiate/agents/time-dependent.ts

export const positiveConcessionExponent = (e: string | number) =>
  `Expected a positive concession exponent e, found ${e}.`;

// src/negotiate/domain.ts

export const leastOneValue = (name: string | number) => `Expected at least one value for issue "${name}", found none.`;

export const distinctValuesIssue = (name: string | number) =>
  `Expected distinct values for issue "${name}", found duplicates.`;

export const finiteBoundsMin = (name: string | number, min: string | number, max: string | number) =>
  `Expected finite bounds with min <= max for issue "${name}", found [${min}, ${max}].`;

export const uniqueIssueNames = (name: string | number, name2: string | number) =>
  `Expected unique issue names in domain "${name}", found "${name2}" twice.`;

export const valueIssueBid = (name: string | number) => `Expected a value for issue "${name}" in the bid, found none.`;

export const oneValuesIssue = (name: string | number, stringify: string | number) =>
  `Expected one of the values of issue "${name}", found ${stringify}.`;

export const numberIssue = (
  min: string | number,
  max: string | number,
  name: string | number,
  stringify: string | number,
) => `Expected a number in [${min}, ${max}] for issue "${name}", found ${stringify}.`;

// src/negotiate/from-spec.ts

export const agentNeedsNo = () =>
  'Expected an agent that needs no economic model, found model_aware; build it with modelAwareAgent.';

// src/negotiate/frontier-polygon.ts

export const leastOneFrontier = () => 'Expected at least one frontier vertex, found none.';

// src/negotiate/outcome-space.ts

export const discreteIssue = (name: string | number) => `Expected a discrete issue, found continuous issue "${name}".`;

export const outcomeIndex = (last: string | number, k: string | number) =>
  `Expected an outcome index in [0, ${last}], found ${k}.`;

export const mostOutcomesEnumerate = (limit: string | number, name: string | number, n: string | number) =>
  `Expected at most ${limit} outcomes to enumerate in domain "${name}", found ${n}; sample instead.`;

export const integerNumberLevels = (levels: string | number) =>
  `Expected an integer number of levels >= 2, found ${levels}.`;

// src/negotiate/rng.ts

export const integerSeed = (seed: string | number) => `Expected an integer seed, found ${seed}.`;

// src/negotiate/session.ts

export const breakdownProbability = (v: string | number) => `Expected a breakdown probability in [0, 1], found ${v}.`;

// src/negotiate/trade/calibrate.ts

export const finiteBoundApprovals = (bound: string | number | undefined) =>
  `Expected a finite bound from the approvals for a calibrated threshold, found ${bound}.`;

// src/negotiate/trade/evaluator.ts

export const dealEquilibriumConverge = (residual: string | number) =>
  `Expected the deal's equilibrium to converge, found not-converged (residual ${residual})`;

// src/negotiate/trade/linkage.ts

export const issueDomainBasket = (names: string | number, name: string | number) =>
  `Expected an issue of the domain (${names}) in a basket, found "${name}"`;

export const issueOneBasket = (name: string | number) => `Expected each issue in one basket, found "${name}" twice`;

export const issueBasket = (missing: string | number) => `Expected every issue in a basket, found ${missing} in none`;

// src/negotiate/trade/solver.ts

export const multiSectorModel = (name: string | number) =>
  `Expected a multi-sector model for security terms of ${name}, found a model without sector detail`;

// src/negotiate/trade/state.ts

export const embeddedScenarioId = (ref: string | number) =>
  `Expected an embedded scenario id or a scenario path, found "${ref}"`;

// src/negotiate/utility-arrays.ts

export const discreteDomainFlat = (name: string | number) =>
  `Expected a discrete domain for flat utilities, found continuous issues in "${name}".`;

export const outputArrayLength = (n: string | number, resCount: string | number) =>
  `Expected an output array of length ${n}, found ${resCount}.`;

// src/negotiate/xml.ts

export const expectedKnownXml = (where: string | number, e: string | number) =>
  `${where}: expected a known XML entity, found "&${e};".`;
