/**
 * A gravity result as terminal text: the PPML estimates (with bootstrap intervals when run) and
 * the GE welfare factors of the reported countries for every imbalance treatment.
 */
import Table from 'cli-table3';
import type { GravityResult, GeTreatment } from '../scenario/gravity/run.ts';
import type { GravityBands } from '../scenario/gravity/bootstrap.ts';
import * as msg from '../spec/messages/run.ts';

function table(head: string[]) {
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  return new Table({ head, style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true } });
}

const f = (v: number | null | undefined, d = 6) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d);
const pct = (factor: number) => `${factor >= 1 ? '+' : ''}${((factor - 1) * 100).toFixed(3)}`;

/**
 * Renders the result; `countries` limits the GE rows (default: the 12 largest welfare changes).
 *
 * @example
 * ```ts
 * process.stdout.write(gravityText(result, ['HUN', 'MLT']));
 * ```
 */
export function gravityText(r: GravityResult, countries?: string[]): string {
  const out: string[] = [r.name];
  const e = r.estimation;
  out.push(
    `PPML: ${r.status} in ${r.iterations} iterations; ${e.observations} observations, fixed effects ` +
      `${e.fixed_effects.join(', ') || 'none'}, ${e.vce}${e.clusters ? ` (${e.clusters} clusters)` : ''}`,
  );
  const dropped = e.dropped.singletons + e.dropped.separatedByFixedEffects + e.dropped.separatedByRelu;
  if (dropped)
    out.push(
      `dropped: ${e.dropped.singletons} singletons, ` +
        `${e.dropped.separatedByFixedEffects + e.dropped.separatedByRelu} separated`,
    );
  if (!e.separation_checked) out.push(msg.separationUnchecked());
  const bands = r.bands as GravityBands | undefined;
  const head = ['regressor', 'coef', 'se'];
  if (bands) head.push(`bootstrap ${Math.round(bands.level * 100)}% CI`, 'bootstrap se');
  const t = table(head);
  for (const [name, v] of Object.entries(r.estimates)) {
    const row = [name, v.omitted ? 'omitted' : f(v.coef), f(v.se)];
    const b = bands?.estimates[name];
    if (bands) row.push(b ? `[${f(b.coef[0])}, ${f(b.coef[1])}]` : '', b ? f(b.se) : '');
    t.push(row);
  }
  out.push(t.toString());
  if (r.ge) {
    const g = r.ge;
    out.push('');
    out.push(
      `GE counterfactual${g.year ? ` of ${g.year}` : ''}: θ = ${g.theta}, ${g.shock.regressor} ` +
        `effect ${f(g.shock.coefficient)} on ${g.shock.pairs_shocked} pairs`,
    );
    const treatments: [string, GeTreatment][] = [[g.imbalances, g]];
    if (g.additive && g.imbalances !== 'additive') treatments.push(['additive', g.additive]);
    if (g.multiplicative && g.imbalances !== 'multiplicative') treatments.push(['multiplicative', g.multiplicative]);
    const all = Object.keys(g.countries);
    const rows = countries?.length
      ? countries.filter((c) => all.includes(c))
      : all
          .sort((a, b) => Math.abs(g.countries[b].welfare_factor - 1) - Math.abs(g.countries[a].welfare_factor - 1))
          .slice(0, 12);
    const hd = ['country'];
    for (const [name] of treatments) hd.push(`welfare % (${name})`);
    if (bands?.ge) hd.push(`${Math.round(bands.level * 100)}% CI (${g.imbalances})`);
    hd.push('price index %');
    const gt = table(hd);
    for (const c of rows) {
      const row = [c, ...treatments.map(([, tr]) => pct(tr.countries[c].welfare_factor))];
      const ci = bands?.ge?.countries[c]?.welfare_factor;
      if (bands?.ge) row.push(ci ? `[${pct(ci[0])}, ${pct(ci[1])}]` : '');
      row.push(pct(g.countries[c].price_index_factor));
      gt.push(row);
    }
    out.push(gt.toString());
    out.push(treatments.map(([name, tr]) => `${name}: ${tr.status} in ${tr.iterations} iterations`).join('; '));
  }
  if (bands)
    out.push(
      `bootstrap: ${bands.replications} replications (pairs drawn with ` +
        `replacement, seed ${bands.seed}), ${bands.failed} failed`,
    );
  return out.join('\n');
}
