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

export const noEvaluator = (place: string, issue: string) => `${place}: expected an <evaluator> in issue "${issue}", found none.`;

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

export const badProfileDiscount = (place: string, found: number) => `${place}: expected a discount factor in (0, 1], found ${found}.`;

export const unreadableGenius = (path: string, reason: string) => `${path}: expected a readable GENIUS XML file, found ${reason}.`;

// Utilities

export const notInUnit = (name: string, lo: number, found: number) => `Expected ${name} in [${lo}, 1], found ${found}.`;

export const badReservation = (found: number) => `Expected a finite reservation value, found ${found}.`;

export const badDiscount = (found: number) => `Expected a discount factor in (0, 1], found ${found}.`;

export const noIssueWeight = (issue: string) => `Expected a weight for issue "${issue}", found none.`;

export const negativeWeight = (issue: string, found: number) => `Expected a non-negative weight for issue "${issue}", found ${found}.`;

export const weightsSumNotPositive = (found: number) => `Expected weights with a positive sum, found ${found}.`;

export const noEvaluations = (issue: string) => `Expected evaluations for issue "${issue}", found none.`;

export const tableForContinuous = (issue: string) =>
  `Expected a linear evaluator {offset, slope} for continuous issue "${issue}", found a value table.`;

export const negativeEvaluation = (value: string, issue: string, found: string) =>
  `Expected a non-negative evaluation for value ${value} of issue "${issue}", found ${found}.`;

export const notAnIssueValue = (issue: string, found: string) => `Expected one of the values of issue "${issue}", found ${found}.`;

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
