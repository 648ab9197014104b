/**
 * Layout and accessibility checks of a page at the three widths of issue 19 (390 px phone, 768 px
 * tablet, 1440 px desktop): no horizontal overflow of the document, no two text labels of a chart
 * drawn over each other, and no serious or critical axe-core violation of WCAG 2 A/AA (colour
 * contrast included). axe-core is injected from node_modules (nothing is downloaded). Each width
 * is screenshotted to web/e2e/screenshots/<name>-<width>.png, and its first screen to
 * <name>-<width>-top.png (ignored by git).
 *
 * Use: `await expectGoodLayout(page, 'story', { ready: (p) => p.locator('#fig-x svg').waitFor() })`.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS } from './harness.ts';

export const WIDTHS = [390, 768, 1440] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.0/2.1, levels A and AA (contrast is an AA rule). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, and axe's summary of the first. */
  targets: string[];
  summary: string;
}

export interface LayoutReport {
  name: string;
  width: number;
  /** The document's scroll width, against the viewport's client width. */
  scrollWidth: number;
  clientWidth: number;
  /** Elements whose right edge passes the viewport (outside any sideways-scrolling box). */
  wide: string[];
  /** Pairs of chart text labels that overlap. */
  overlaps: string[];
  axe: AxeFinding[];
  screenshot: string;
}

export interface LayoutOptions {
  /** Waits until the view has drawn (called after every resize as well). */
  ready?: (page: Page) => Promise<void>;
  widths?: readonly number[];
  /** Height of the viewport (the screenshot is of the full page either way). */
  height?: number;
  /** Selectors axe leaves out (e.g. a third-party widget); none by default. */
  axeExclude?: string[];
}

/** Measures in the page: the document's width, what sticks out, and overlapping chart labels. */
async function measure(page: Page): Promise<Pick<LayoutReport, 'scrollWidth' | 'clientWidth' | 'wide' | 'overlaps'>> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const clientWidth = doc.clientWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const fig = el.closest('figure[id], section[id], [data-testid]');
      const where =
        fig && fig !== el ? ` in ${fig.id ? `#${fig.id}` : `[data-testid=${fig.getAttribute('data-testid')}]`}` : '';
      const aria = el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}${aria}${where}`;
    };
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) return true;
      }
      return false;
    };
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= clientWidth + 1 || scrolls(el)) continue;
      // Report the outermost offender only (its children stick out with it).
      if (
        el.parentElement &&
        el.parentElement.getBoundingClientRect().right > clientWidth + 1 &&
        !scrolls(el.parentElement) &&
        el.parentElement !== document.body
      )
        continue;
      wide.push(`${describe(el)} (right edge ${Math.round(r.right)} px)`);
    }
    const overlaps: string[] = [];
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.closest('[aria-hidden="true"], .legend, [aria-label="tip"]') || svg.parentElement?.closest('svg'))
        continue;
      const texts = [...svg.querySelectorAll('text')]
        .filter(
          (t) =>
            !t.closest('[aria-label="tip"]') &&
            (t.textContent ?? '').trim() !== '' &&
            getComputedStyle(t).visibility !== 'hidden' &&
            t.getAttribute('opacity') !== '0',
        )
        .map((t) => ({ t, r: t.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i].r,
            b = texts[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // Glyph boxes carry ascender/descender padding: count an overlap of more than 2 px each way.
          if (w > 2 && h > 2)
            overlaps.push(
              `"${texts[i].t.textContent!.trim()}" ∩ "${texts[j].t.textContent!.trim()}" in ${describe(svg)}`,
            );
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth, wide: wide.slice(0, 12), overlaps };
  });
}

/** Runs axe-core (WCAG 2 A/AA) in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeFinding[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy rightly forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              o: unknown,
            ): Promise<{
              violations: {
                id: string;
                impact: string | null;
                help: string;
                nodes: { target: string[]; failureSummary?: string }[];
              }[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run(
        { exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      );
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary ?? '',
      }));
    },
    { tags: AXE_TAGS, exclude },
  );
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the current page at each width (resizing the viewport) and returns what was found. */
export async function checkLayout(page: Page, name: string, o: LayoutOptions = {}): Promise<LayoutReport[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const out: LayoutReport[] = [];
  for (const width of o.widths ?? WIDTHS) {
    await page.setViewportSize({ width, height: o.height ?? 900 });
    // Charts redraw on resize (ResizeObserver → React): wait for two frames, then for the view.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await o.ready?.(page);
    await page.waitForTimeout(150);
    const m = await measure(page);
    const axe = await axeViolations(page, o.axeExclude);
    const screenshot = join(SCREENSHOTS, `${name}-${width}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    // The first screen as well: a full page of a phone is too tall to read when shrunk.
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-top.png') });
    out.push({ name, width, ...m, axe, screenshot });
  }
  return out;
}

/** One line per problem, for a readable failure. */
export function problems(reports: LayoutReport[]): string[] {
  return reports.flatMap((r) => [
    ...(r.scrollWidth > r.clientWidth
      ? [
          `${r.name} @${r.width}: document ${r.scrollWidth} px wide on a ${r.clientWidth} px viewport; sticking out: ${r.wide.join('; ') || '?'}`,
        ]
      : []),
    ...r.overlaps.map((x) => `${r.name} @${r.width}: overlapping labels ${x}`),
    ...r.axe.map(
      (v) =>
        `${r.name} @${r.width}: axe ${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')} — ${v.summary.replace(/\s+/g, ' ').slice(0, 300)}`,
    ),
  ]);
}

/** Checks the page at the three widths and fails with every problem found, listed. */
export async function expectGoodLayout(page: Page, name: string, o: LayoutOptions = {}): Promise<LayoutReport[]> {
  const reports = await checkLayout(page, name, o);
  expect(problems(reports)).toEqual([]);
  return reports;
}

/**
 * The selects inside `scope` whose chosen option does not fit their box (a closed select cuts its
 * text without a word): each as "label: text (needs N px, has M px)". The text is measured in the
 * select's own font; the box is its width less padding and the arrow.
 */
export async function cutControls(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const el of document.querySelectorAll(`${scope} select`)) {
      const sel = el as HTMLSelectElement;
      const cs = getComputedStyle(sel);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = sel.options[sel.selectedIndex]?.text ?? '';
      const need = Math.ceil(ctx.measureText(text).width);
      const has = Math.floor(sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20);
      if (need > has)
        out.push(`${sel.labels[0]?.textContent?.trim() ?? sel.name}: "${text}" (needs ${need} px, has ${has} px)`);
    }
    return out;
  }, scope);
}
