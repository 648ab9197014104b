/**
 * Human-readable report of a trade-domain negotiation (what `lancaster negotiate FILE` prints).
 */
import type { Bid } from '../domain.ts';
import type { PartitionSummary } from './linkage.ts';
import type { TradeNegotiationRun } from './run.ts';

const f4 = (x: number) => (Math.abs(x) < 5e-5 ? '0.0000' : x.toFixed(4));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
const bidText = (b: Bid | null) =>
  b
    ? Object.entries(b)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : 'no deal (current state)';

function pad(rows: string[][]): string {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((s, c) => (c === 0 ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ')).join('\n');
}

function partitionRow(name: string, s: PartitionSummary): string[] {
  return [
    name,
    s.baskets.map((b) => `[${b.join('+')}]`).join(' '),
    String(s.ratifiable),
    s.expected_ratifiable.toFixed(1),
    `${s.win_sets.count[0]}/${s.win_sets.count[1]}`,
    pct(s.overlap),
    String(s.frontier.length),
    s.nash ? `${bidText(s.nash.bid)} (${f4(s.nash.utility[0])}, ${f4(s.nash.utility[1])})` : '–',
  ];
}

/** The calibration of the thresholds from approved deals: the deals' objectives and each leader's bound. */
function calibrationLines(c: NonNullable<TradeNegotiationRun['calibration']>): string[] {
  const deals = c.deals
    .map(
      (d) =>
        `${d.label} (${d.before} → ${d.after}): ` +
        `${c.leaders.map((l, k) => `${l.party} ${d.leaders[k].toFixed(4)}`).join(', ')} pp`,
    )
    .join('; ');
  const used = (l: (typeof c.leaders)[number]) =>
    l.calibrated && l.threshold.kind === 'uniform'
      ? `the threshold is calibrated: uniform on [${l.threshold.min.toFixed(4)}, ${l.threshold.max.toFixed(4)}] pp`
      : `the stated threshold clears it with P = ${(100 * l.consistency).toFixed(0)}%`;
  return [
    `Approved deals (leaders' objectives): ${deals}`,
    `Threshold bounds from the approvals: ` +
      `${c.leaders.map((l) => `${l.party} θ ≤ ${l.bound.toFixed(4)} pp (${l.binding}); ${used(l)}`).join('; ')}`,
  ];
}

/** The head: the current state, the calibration and the threat when there are, the evaluation's size. */
function headLines(r: TradeNegotiationRun): string[] {
  const now = r.current_state;
  const out = [
    r.name,
    `Current state: ${now.scenario}${now.date ? ` on ${now.date}` : ''}${now.step ? ` (${now.step})` : ''}`,
  ];
  if (r.calibration) out.push(...calibrationLines(r.calibration));
  if (r.threat) {
    const levels = r.objectives.map((o, k) => `${o.name} ${r.threat!.objectives_pct[k].toFixed(3)}%`).join(', ');
    out.push(
      `Threat (breakdown → ${r.threat.label ?? 'snapback'}): the state on ` +
        `${r.threat.date}${r.threat.step ? ` (${r.threat.step})` : ''}; utilities are measured over it (${levels})`,
    );
  }
  out.push(
    `Deals: ${r.evaluation.deals}; ${r.evaluation.solves} equilibrium solves, ` +
      `${r.evaluation.cacheHits} cache hits, ${r.evaluation.seconds.toFixed(1)} s on ` +
      `${r.evaluation.workers || 'no'} worker${r.evaluation.workers === 1 ? '' : 's'}`,
  );
  return out;
}

type Objective = TradeNegotiationRun['objectives'][number];

/** One security term of an objective: its sign, weight, region and sector. */
const securityText = (s: Objective['security'][number]) =>
  ` ${s.weight >= 0 ? '+' : '−'} ${Math.abs(s.weight)}·${s.region} ${s.sector} absorption %`;

/** An objective as the utilities line defines it: its measure and its security terms. */
const objectiveText = (o: Objective) => `${o.name}: ${o.measure}${o.security.map(securityText).join('')}`;

/** A deal of the frontier with both utilities, or a dash when there is none. */
const dealPointText = (p: TradeNegotiationRun['analysis']['nash']) =>
  p ? `${bidText(p.bid)} (${f4(p.utility[0])}, ${f4(p.utility[1])})` : '–';

/** The issues, the utilities' definition and the frontier with its Nash and Kalai–Smorodinsky deals. */
function domainLines(r: TradeNegotiationRun): string[] {
  const a = r.analysis;
  return [
    '',
    pad([
      ['issue', 'owner', 'grid', 'now'],
      ...r.issues.map((i) => [i.id, i.owner, `[${i.grid.join(', ')}] (${i.mode})`, String(i.disagreement)]),
    ]),
    '',
    `Utilities: objective change over the ${r.threat ? 'threatened state' : 'current state'}, ` +
      `percentage points (${r.objectives.map(objectiveText).join('; ')})`,
    `Pareto frontier: ${a.pareto_size} deals (${a.rational_pareto_size} with gains for both). ` +
      `Nash: ${dealPointText(a.nash)}. Kalai–Smorodinsky: ${dealPointText(a.kalai_smorodinsky)}.`,
  ];
}

/** Ratification by partition (full linkage, linked, separate) and the trust line when there is trust. */
function ratificationLines(r: TradeNegotiationRun): string[] {
  const [A, B] = r.parties;
  const out = [
    '',
    'Ratification (leaders accept every separate agreement; P ≥ 50% counts as ratifiable):',
    pad([
      [
        'partition',
        'baskets',
        'ratifiable',
        'expected',
        `win-sets ${A}/${B}`,
        'overlap',
        'frontier',
        'best ratifiable deal (Nash) and utilities',
      ],
      partitionRow('full linkage', r.linkage.full),
      partitionRow('linked', r.linkage.linked),
      partitionRow('separate', r.linkage.separate),
    ]),
  ];
  if (r.trust)
    out.push(
      '',
      `Trust ${A}/${B}: ` +
        `${r.trust.initial.map((x, i) => `${x.toFixed(3)} (${r.trust?.initial_source[i]})`).join(' / ')} → ` +
        `${r.trust.after_history.map((x) => x.toFixed(3)).join('/')} after ` +
        `${r.trust.history.map((h) => h.label).join('; ')}. Breakdown chance per round ` +
        `${pct(r.trust.breakdown_per_round)}.`,
    );
  return out;
}

/** The sessions of the first seed (with the shares over all seeds). */
function sessionLines(r: TradeNegotiationRun): string[] {
  const [A, B] = r.parties;
  return [
    '',
    'Sessions (first seed; shares over all seeds):',
    pad([
      ['pairing', 'linkage', 'deal', `u ${A}`, `u ${B}`, 'P(ratify)', 'ends', 'deal share', 'ratified share'],
      ...r.sessions.map((s) => [
        s.label,
        s.linkage,
        bidText(s.deal),
        f4(s.utilities[0]),
        f4(s.utilities[1]),
        pct(s.ratification_probability),
        s.baskets.map((b) => `${b.reason}@${b.round}`).join(','),
        pct(s.summary?.deal_share),
        pct(s.summary?.ratified_share),
      ]),
    ]),
  ];
}

/** The final deal and, when computed, its effects by region. */
function dealLines(r: TradeNegotiationRun): string[] {
  const out = [
    '',
    `Final deal (${r.deal.session}): ${bidText(r.deal.bid)}; P(ratify) ${pct(r.deal.ratification_probability)}`,
  ];
  if (r.deal.effects) {
    const cols = [
      'real_income_pct',
      'real_income_change_pp',
      'exports_change_pp',
      'REE_absorption_change_pp',
      'SEMI_absorption_change_pp',
    ];
    out.push(
      pad([
        ['region', 'real income %', 'Δ vs now (pp)', 'exports Δ (pp)', 'REE absorption Δ', 'SEMI absorption Δ'],
        ...Object.entries(r.deal.effects).map(([reg, row]) => [
          reg,
          ...cols.map((c) => (row[c] === undefined ? '–' : f4(row[c]))),
        ]),
      ]),
    );
  }
  return out;
}

/** Formats a run as text tables. */
export function formatTradeNegotiation(r: TradeNegotiationRun): string {
  return [...headLines(r), ...domainLines(r), ...ratificationLines(r), ...sessionLines(r), ...dealLines(r)].join('\n');
}
