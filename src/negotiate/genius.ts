/**
 * GENIUS XML import: domain files (`<negotiation_template><utility_space>…`)
 * and preference profiles (`<utility_space><objective>…<weight>…`).
 *
 * Supported subset (what ANAC 2010–2013 files use):
 * - `<issue type="discrete">` with `<item value=… evaluation=…>`;
 * - `<issue type="integer" lowerbound upperbound>` (imported as a discrete issue
 *   of integers) and `<issue type="real">` with bounds on the issue or a
 *   `<range>` child, evaluated by `<evaluator ftype="linear" offset slope>`
 *   (or `parameter0`/`parameter1`);
 * - `<weight index=… value=…>` matched to the issue's `index` attribute;
 * - `<reservation value>` and `<discount_factor value>`.
 * Nested objectives are flattened. Utilities follow GENIUS semantics (see utility.ts).
 */
import { readFileSync } from 'node:fs';
import type { Domain, Issue, IssueValue } from './domain.ts';
import { continuousIssue, createDomain, discreteIssue } from './domain.ts';
import type { LinearAdditiveUtility, LinearEvaluator } from './utility.ts';
import { linearAdditiveUtility } from './utility.ts';
import type { XmlElement } from './xml.ts';
import { findAll, parseXml } from './xml.ts';
import * as msg from '../spec/messages/negotiate.ts';

function issueType(el: XmlElement): string {
  return (el.attributes.type ?? el.attributes.etype ?? el.attributes.vtype ?? 'discrete').toLowerCase();
}

function num(source: string, el: XmlElement, attr: string, what: string): number {
  const raw = el.attributes[attr];
  const v = raw === undefined ? NaN : Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(v)) {
    throw new TypeError(
      msg.notANumberAttribute(
        `${source}, line ${el.line}`,
        attr,
        el.name,
        what,
        raw === undefined ? 'no attribute' : JSON.stringify(raw),
      ),
    );
  }
  return v;
}

function bounds(source: string, el: XmlElement): [number, number] {
  const holder = el.attributes.lowerbound !== undefined ? el : el.children.find((c) => c.name === 'range');
  if (!holder) {
    throw new TypeError(msg.noBounds(`${source}, line ${el.line}`, el.attributes.name));
  }
  return [num(source, holder, 'lowerbound', 'lower bound'), num(source, holder, 'upperbound', 'upper bound')];
}

function issuesOf(root: XmlElement, source: string): XmlElement[] {
  const issues = findAll(root, 'issue');
  if (issues.length === 0) throw new TypeError(msg.noIssues(source));
  return issues;
}

function issueFromXml(el: XmlElement, source: string): Issue {
  const name = el.attributes.name;
  if (!name) throw new TypeError(msg.noIssueName(`${source}, line ${el.line}`));
  const type = issueType(el);
  if (type === 'discrete') {
    const items = el.children.filter((c) => c.name === 'item');
    if (items.length === 0) throw new TypeError(msg.noItems(`${source}, line ${el.line}`, name));
    const values = items.map((it) => {
      const v = it.attributes.value;
      if (v === undefined) throw new TypeError(msg.noItemValue(`${source}, line ${it.line}`, name));
      return v;
    });
    return discreteIssue(name, values);
  }
  if (type === 'integer') {
    const [lo, hi] = bounds(source, el);
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) {
      throw new RangeError(msg.badIntegerBounds(`${source}, line ${el.line}`, name, lo, hi));
    }
    const values: number[] = [];
    for (let v = lo; v <= hi; v++) values.push(v);
    return discreteIssue(name, values);
  }
  if (type === 'real') {
    const [lo, hi] = bounds(source, el);
    return continuousIssue(name, lo, hi);
  }
  throw new TypeError(msg.unknownIssueType(`${source}, line ${el.line}`, name, type));
}

/**
 * Parse a GENIUS domain from XML text.
 *
 * @param source - file name used in error messages
 * @example
 * ```ts
 * const domain = parseGeniusDomain(xml, 'EnglandZimbabwe_domain.xml');
 * ```
 */
export function parseGeniusDomain(text: string, source = 'GENIUS domain'): Domain {
  const root = parseXml(text, source);
  const issues = issuesOf(root, source).map((el) => issueFromXml(el, source));
  const objective = findAll(root, 'objective')[0];
  const name = source.replace(/^.*[\\/]/, '').replace(/\.xml$/i, '') || objective?.attributes.name || 'domain';
  return createDomain(name, issues);
}

function linearEvaluator(el: XmlElement, source: string, issueName: string): LinearEvaluator {
  const ev = el.children.find((c) => c.name === 'evaluator');
  if (!ev) throw new TypeError(msg.noEvaluator(`${source}, line ${el.line}`, issueName));
  const ftype = (ev.attributes.ftype ?? 'linear').toLowerCase();
  if (ftype !== 'linear') {
    throw new TypeError(msg.notLinearEvaluator(`${source}, line ${ev.line}`, issueName, ftype));
  }
  const offAttr = ev.attributes.offset !== undefined ? 'offset' : 'parameter0';
  const slopeAttr = ev.attributes.slope !== undefined ? 'slope' : 'parameter1';
  return { offset: num(source, ev, offAttr, 'evaluator offset'), slope: num(source, ev, slopeAttr, 'evaluator slope') };
}

/**
 * Parse a GENIUS preference profile. Without a domain, the domain is read
 * from the profile's own issues (GENIUS profiles repeat them).
 *
 * @example
 * ```ts
 * const england = parseGeniusProfile(xml, domain, 'England.xml');
 * england.utility(bid);
 * ```
 */
export function parseGeniusProfile(text: string, domain?: Domain, source = 'GENIUS profile'): LinearAdditiveUtility {
  const root = parseXml(text, source);
  const issueEls = issuesOf(root, source);
  const dom =
    domain ??
    createDomain(
      source.replace(/^.*[\\/]/, ''),
      issueEls.map((el) => issueFromXml(el, source)),
    );
  const byName = new Map(issueEls.map((el) => [el.attributes.name, el]));
  const weightEls = findAll(root, 'weight');
  const weightByIndex = new Map(weightEls.map((w) => [w.attributes.index, w]));
  const weights: Record<string, number> = {};
  const evaluations: Record<string, Map<IssueValue, number> | LinearEvaluator> = {};
  for (const issue of dom.issues) {
    const el = byName.get(issue.name);
    if (!el) throw new TypeError(msg.profileIssueMissing(source, issue.name, dom.name));
    const idx = el.attributes.index;
    const w = idx === undefined ? undefined : weightByIndex.get(idx);
    if (!w) throw new TypeError(msg.noWeight(source, idx ?? '?', issue.name));
    weights[issue.name] = num(source, w, 'value', `weight of issue "${issue.name}"`);
    if (issue.kind === 'continuous') {
      evaluations[issue.name] = linearEvaluator(el, source, issue.name);
      continue;
    }
    const items = el.children.filter((c) => c.name === 'item');
    const table = new Map<IssueValue, number>();
    if (items.length === 0) {
      // Integer issues carry a linear evaluator instead of items.
      const lin = linearEvaluator(el, source, issue.name);
      for (const v of issue.values) table.set(v, Math.max(0, lin.offset + lin.slope * Number(v)));
    } else {
      const known = new Set(issue.values.map(String));
      for (const it of items) {
        const v = it.attributes.value;
        if (v === undefined || !known.has(v)) {
          throw new RangeError(
            msg.valueNotInDomain(`${source}, line ${it.line}`, issue.name, JSON.stringify(v ?? null)),
          );
        }
        const e = num(source, it, 'evaluation', `evaluation of "${v}" in issue "${issue.name}"`);
        if (e < 0) throw new RangeError(msg.negativeItemEvaluation(`${source}, line ${it.line}`, v, issue.name, e));
        table.set(issue.values.find((x) => String(x) === v)!, e);
      }
      for (const v of issue.values) {
        if (!table.has(v))
          throw new TypeError(msg.noItemEvaluation(`${source}, line ${el.line}`, JSON.stringify(v), issue.name));
      }
    }
    evaluations[issue.name] = table;
  }
  const reservationEl = findAll(root, 'reservation')[0];
  const discountEl = findAll(root, 'discount_factor')[0];
  const reservation = reservationEl ? num(source, reservationEl, 'value', 'reservation value') : 0;
  const discount = discountEl ? num(source, discountEl, 'value', 'discount factor') : 1;
  if (!(discount > 0 && discount <= 1)) {
    throw new RangeError(msg.badProfileDiscount(source, discount));
  }
  return linearAdditiveUtility(dom, { weights, evaluations, reservation, discount });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new TypeError(msg.unreadableGenius(path, (err as NodeJS.ErrnoException).code ?? String(err)));
  }
}

/** Read a GENIUS domain file. */
export function readGeniusDomain(path: string): Domain {
  return parseGeniusDomain(readText(path), path);
}

/** Read a GENIUS profile file against a domain (or its own issues when none is given). */
export function readGeniusProfile(path: string, domain?: Domain): LinearAdditiveUtility {
  return parseGeniusProfile(readText(path), domain, path);
}
