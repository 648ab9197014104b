/**
 * Human-readable output of a strategy run: per player, the instruments found and the objective
 * change; the path of a trade war; the agreements and the sampled frontier of trade talks; and
 * the solve counts. Honours NO_COLOR (plain tables when not a TTY).
 */
import Table from 'cli-table3';
import type { StrategyOutcome } from './run.ts';

const pctOf = (v: number | undefined, digits = 2) => (v === undefined ? '' : `${(100 * v).toFixed(digits)}%`);
const signed = (v: number | undefined, digits = 3) =>
  v === undefined ? '' : `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;

function table(head: string[]): Table.Table {
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  return new Table({ head, style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true } });
}

/** Above this many instruments only the per-player summary is printed (the JSON has every value). */
const MAX_DETAILED = 60;

/** One row per player: mean tariffs (trade-weighted, simple) and objectives at start, war and result. */
function summaryTable(o: StrategyOutcome, label: string): string {
  const war = o.kind === 'cooperative' && o.war;
  const cols = (m: { start: number; war?: number; policy: number }) => [
    pctOf(m.start, 1),
    ...(war ? [pctOf(m.war, 1)] : []),
    pctOf(m.policy, 1),
  ];
  const stage = ['start', ...(war ? ['war'] : []), label];
  const head = [
    'player',
    ...stage.map((s) => `tariff ${s} (trade-wt)`),
    ...stage.map((s) => `tariff ${s} (simple)`),
    'objective factual %',
    ...stage.map((s) => `objective ${s} %`),
    ...(o.war ? ['war vs factual %'] : []),
    ...(o.responses ? ['own response vs factual %'] : []),
  ];
  const t = table(head);
  const row = (name: string, p: StrategyOutcome['mean_over_players'], obj: (number | undefined)[]) =>
    t.push([
      name,
      ...cols(p.tariff_weighted),
      ...cols(p.tariff_simple),
      ...obj.map((v) => signed(v)),
      ...(o.war ? [signed(p.war_vs_factual_pct)] : []),
      ...(o.responses ? [signed(p.response_vs_factual_pct)] : []),
    ]);
  for (const [code, p] of Object.entries(o.by_player))
    row(code, p, [
      o.factual[code],
      o.start.objectives[code],
      ...(war ? [o.war?.objectives[code]] : []),
      o.objectives[code],
    ]);
  const mean = (r: Record<string, number> | undefined) => {
    const v = Object.keys(o.by_player).map((c) => r?.[c] ?? NaN);
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  row('mean over players', o.mean_over_players, [
    mean(o.factual),
    mean(o.start.objectives),
    ...(war ? [mean(o.war?.objectives)] : []),
    mean(o.objectives),
  ]);
  return (
    `Per player (tariff means over its instruments; war vs factual = Ossa's ` +
    `cost of a breakdown of talks)\n${t.toString()}`
  );
}

/** Instrument ids by player, from the outcome's policy and the players' order. */
function byPlayer(o: StrategyOutcome, owners: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of Object.keys(o.objectives)) out[p] = [];
  for (const id of Object.keys(o.policy)) {
    out[owners[id]] ??= [];
    out[owners[id]].push(id);
  }
  return out;
}

/**
 * Formats the outcome; `owners` maps instrument id → player, `kinds` instrument id → kind
 * (tariffs are shown in percent, approval shares as shares).
 */
export function formatStrategy(
  o: StrategyOutcome,
  owners: Record<string, string>,
  kinds: Record<string, string>,
): string {
  const parts: string[] = [];
  const val = (id: string, v: number | undefined) =>
    kinds[id] === 'tariff' ? pctOf(v) : v === undefined ? '' : v.toFixed(4);
  const label = o.kind === 'cooperative' ? 'agreement' : o.kind === 'nash' ? 'war (Nash)' : 'best response';
  const detailed = Object.keys(o.policy).length <= MAX_DETAILED;
  if (!detailed || Object.keys(o.objectives).length > 4) parts.push(summaryTable(o, label));
  for (const [player, ids] of detailed ? Object.entries(byPlayer(o, owners)) : []) {
    const t = table(['instrument', 'start', o.kind === 'cooperative' ? 'war' : '', label].filter(Boolean));
    for (const id of ids)
      t.push([
        id,
        val(id, o.start.policy[id]),
        ...(o.kind === 'cooperative' ? [val(id, o.war?.policy[id])] : []),
        val(id, o.policy[id]),
      ]);
    const obj = [
      o.start.objectives[player],
      ...(o.kind === 'cooperative' ? [o.war?.objectives[player]] : []),
      o.objectives[player],
    ];
    t.push(['objective %', ...obj.map((v) => signed(v))]);
    parts.push(`${player}\n${t.toString()}`);
  }
  if (o.war && o.kind === 'nash') {
    const ids = Object.keys(o.policy);
    const showPolicy = ids.length <= 6;
    const t = table([
      'round',
      'mean |change|',
      ...Object.keys(o.objectives).map((p) => `${p} %`),
      ...(showPolicy ? ids : []),
    ]);
    for (const r of o.war.path) {
      t.push([
        String(r.round),
        Number.isNaN(r.change) ? '' : r.change.toExponential(2),
        ...Object.keys(o.objectives).map((p) => signed(r.objectives[p])),
        ...(showPolicy ? ids.map((id) => val(id, r.policy[id])) : []),
      ]);
    }
    parts.push(`Path (tolerance ${o.war.tolerance}): ${o.war.message}\n${t.toString()}`);
  }
  if (o.agreements) {
    const players = Object.keys(o.objectives);
    const t = table(['agreement', ...players.map((p) => `${p} gain %`), ...players.map((p) => `${p} objective %`)]);
    const row = (name: string, a: { gains: Record<string, number>; objectives: Record<string, number> }) =>
      t.push([name, ...players.map((p) => signed(a.gains[p])), ...players.map((p) => signed(a.objectives[p]))]);
    row('Nash bargaining', o.agreements['nash-bargaining']);
    row('equal gains', o.agreements['equal-gains']);
    for (const f of o.frontier ?? [])
      row(`frontier ω=(${players.map((p) => f.weights?.[p].toFixed(2)).join(', ')})`, f);
    parts.push(
      `Trade talks (gains over the ${o.talks_reference === 'factual' ? 'factual policy' : 'war'})\n${t.toString()}`,
    );
  }
  const s = o.solves;
  parts.push(
    `${s.requested} evaluations: ${s.solves} solves (${s.warmStarts} warm-started, ${s.failed} failed), ` +
      `${s.cacheHits} from the cache; ${s.solves_per_second.toFixed(1)} solves/s; ${s.wall_seconds.toFixed(1)} s`,
  );
  return parts.join('\n\n');
}
