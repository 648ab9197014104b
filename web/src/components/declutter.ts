/**
 * Keeps a drawn chart's text labels legible: each label of a text mark (Plot's `g[aria-label=text]`)
 * is kept inside the chart's box, and moved up or down (a few line heights at most) off any label or
 * axis text it would cover. A label that finds no free place is hidden; its value stays in the
 * tooltip, the legend and the data table. Values beside their bars (a text mark of class `values`)
 * are only kept or hidden, never moved off their row. Runs on the chart once it is in the page.
 */

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
const shifted = (b: Box, dx: number, dy: number): Box => ({
  left: b.left + dx,
  right: b.right + dx,
  top: b.top + dy,
  bottom: b.bottom + dy,
});

function move(t: SVGTextElement, dx: number, dy: number, scale: number) {
  if (!dx && !dy) return;
  const prior = t.getAttribute('transform') ?? '';
  t.setAttribute('transform', `translate(${dx / scale},${dy / scale}) ${prior}`.trim());
}

export function declutter(svg: SVGSVGElement): void {
  const frame = svg.getBoundingClientRect();
  if (!frame.width) return;
  const scale = frame.width / (svg.viewBox.baseVal?.width || frame.width);
  const all = [...svg.querySelectorAll('text')].filter(
    (t) => (t.textContent ?? '').trim() !== '' && !t.closest('[aria-label="tip"]'),
  );
  const movable = new Set(all.filter((t) => t.closest('g[aria-label="text"]')));
  const placed: Box[] = all
    .filter((t) => !movable.has(t))
    .map((t) => t.getBoundingClientRect())
    .filter((r) => r.width > 0);
  for (const t of movable) {
    const r = t.getBoundingClientRect();
    if (!r.width) continue;
    // Inside the chart's box, sideways.
    const dx = r.right > frame.right ? frame.right - r.right : r.left < frame.left ? frame.left - r.left : 0;
    const h = r.height + 1;
    // Values written beside their bar (class "values") may not leave their row: kept or hidden.
    const tries = t.closest('g.values') ? [0] : [0, h, -h, 2 * h, -2 * h, 3 * h, -3 * h];
    const dy = tries.find((d) => {
      const b = shifted(r, dx, d);
      return b.top >= frame.top && b.bottom <= frame.bottom && !placed.some((p) => overlaps(p, b));
    });
    if (dy === undefined) {
      t.setAttribute('visibility', 'hidden');
      continue;
    }
    move(t, dx, dy, scale);
    placed.push(shifted(r, dx, dy));
  }
}
