/**
 * Downloads of what a figure shows: the chart as SVG or PNG (title, legend and plot in one
 * self-contained SVG), and its data as CSV or JSON.
 */

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn as a dashed line in the swatch. */
  dashed?: boolean;
  /** Swatch shape (default a line): marks drawn as symbols or shaded bands. */
  shape?: 'line' | 'dot' | 'ring' | 'square' | 'triangle' | 'star' | 'diamond' | 'cross' | 'band';
}

/** One SVG element: its tag and attributes (camelCase, as React writes them). */
export interface SwatchShape {
  tag: 'circle' | 'rect' | 'path' | 'line';
  attrs: Record<string, string | number>;
}

/** The swatch of a legend item in a 22 × 12 box: one SVG element (drawn by the legend and written into exports). */
export function swatchShape(l: LegendItem): SwatchShape {
  const c = l.color;
  switch (l.shape) {
    case 'dot':
      return { tag: 'circle', attrs: { cx: 11, cy: 6, r: 4, fill: c } };
    case 'ring':
      return { tag: 'circle', attrs: { cx: 11, cy: 6, r: 4, fill: 'none', stroke: c, strokeWidth: 1.5 } };
    case 'square':
      return { tag: 'rect', attrs: { x: 7, y: 2, width: 8, height: 8, fill: c } };
    case 'triangle':
      return { tag: 'path', attrs: { d: 'M11 1.5 L15.5 10 L6.5 10 Z', fill: c } };
    case 'diamond':
      return { tag: 'path', attrs: { d: 'M11 0.5 L16 6 L11 11.5 L6 6 Z', fill: c } };
    case 'star':
      return {
        tag: 'path',
        attrs: {
          d: 'M11 0.5 L12.6 4.3 L16.7 4.6 L13.6 7.2 L14.5 11.2 L11 9.1 L7.5 11.2 L8.4 7.2 L5.3 4.6 L9.4 4.3 Z',
          fill: c,
        },
      };
    case 'cross':
      return { tag: 'path', attrs: { d: 'M7 2 L15 10 M15 2 L7 10', stroke: c, strokeWidth: 2 } };
    case 'band':
      return {
        tag: 'rect',
        attrs: { x: 1, y: 1, width: 20, height: 10, fill: c, fillOpacity: 0.25, stroke: c, strokeOpacity: 0.6 },
      };
    default:
      return {
        tag: 'line',
        attrs: {
          x1: 1,
          x2: 21,
          y1: 6,
          y2: 6,
          stroke: c,
          strokeWidth: 3,
          ...(l.dashed ? { strokeDasharray: '4 3' } : {}),
        },
      };
  }
}

/** The swatch as SVG markup (for the exported chart). */
function swatch(l: LegendItem): string {
  const { tag, attrs } = swatchShape(l);
  const kebab = (k: string) => k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
  return `<${tag} ${Object.entries(attrs)
    .map(([k, v]) => `${kebab(k)}="${esc(String(v))}"`)
    .join(' ')}/>`;
}

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** One SVG document: title, the chart's SVGs stacked, the legend swatches and the source note. */
export function composeSvg(
  container: HTMLElement,
  title: string,
  legend: LegendItem[],
  note: string,
): { svg: string; width: number; height: number } {
  const svgs = [...container.querySelectorAll('svg')].filter((s) => !s.closest('[data-export-skip]'));
  const width = Math.max(
    320,
    ...svgs.map((s) => s.getBoundingClientRect().width || Number(s.getAttribute('width')) || 0),
  );
  let y = 26;
  const parts: string[] = [`<text x="0" y="${y}" font-size="16" font-weight="600">${esc(title)}</text>`];
  y += 10;
  if (legend.length) {
    let x = 0;
    for (const l of legend) {
      const w = 34 + l.label.length * 6.5;
      if (x > 0 && x + w > width) {
        x = 0;
        y += 18;
      }
      parts.push(`<g transform="translate(${x},${y})">${swatch(l)}</g>`);
      parts.push(`<text x="${x + 26}" y="${y + 10}" font-size="12">${esc(l.label)}</text>`);
      x += w;
    }
    y += 22;
  }
  for (const s of svgs) {
    const h = s.getBoundingClientRect().height || Number(s.getAttribute('height')) || 0;
    const clone = s.cloneNode(true) as SVGElement;
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    parts.push(new XMLSerializer().serializeToString(clone));
    y += h + 6;
  }
  // The source note, wrapped to the chart's width (≈ 5.4 px per character at 10 px).
  const perLine = Math.max(40, Math.floor(width / 5.4));
  const lines: string[] = [];
  for (const word of note.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length + 1 <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  for (const line of lines) {
    y += 13;
    parts.push(`<text x="0" y="${y}" font-size="10" fill="#555">${esc(line)}</text>`);
  }
  const height = y + 8;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

export function downloadSvg(name: string, svg: string) {
  download(`${name}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
}

export async function downloadPng(name: string, svg: string, width: number, height: number, scale = 2) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('Expected the chart SVG to load as an image, found an error'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  URL.revokeObjectURL(url);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (blob) download(`${name}.png`, blob);
}

/**
 * A number as written to CSV: 8 significant digits, so the float noise of the arithmetic
 * (0.30000000000000004, 145.80000000000001) is gone and every figure shown on a page survives.
 */
export function roundedNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(8)));
}

/** CSV of flat rows (columns: the union of keys, in first-seen order); numbers via {@link roundedNumber}. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'number' ? roundedNumber(v) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}

export function downloadCsv(name: string, rows: Record<string, unknown>[]) {
  download(`${name}.csv`, new Blob([toCsv(rows)], { type: 'text/csv' }));
}

export function downloadJson(name: string, data: unknown) {
  const round = (_k: string, v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(8)) : v;
  download(`${name}.json`, new Blob([JSON.stringify(data, round, 2)], { type: 'application/json' }));
}
