/**
 * Ossa (2014)'s trade-war setting: every government sets one tariff per sector on its imports
 * from all partners. {@link expandAllPartners} turns a `strategy.all_partners` block into explicit
 * players and instruments against a dataset, so best responses ("optimal tariffs"), the Nash
 * equilibrium ("trade war") and agreements ("trade talks") run on it unchanged:
 *
 * - player P (a region, or a customs union named in `unions` with a common external tariff) owns
 *   instrument `P.s` = its tariff on sector s imported from every partner outside P (with
 *   `per_sector: false`, one instrument `P.all` on all the listed sectors);
 * - a pair [A, B] in `partner_specific` adds `A.B.s` (A's tariff on B's sector s) and `B.A.s`, and
 *   A's and B's all-partner tariffs then exclude each other;
 * - regions that do not play keep the scenario's tariffs, and so do sectors not listed.
 */
import type { Dataset } from '../data/dataset.ts';
import { PolicyError } from '../policy/errors.ts';
import { selectSectors } from '../policy/select.ts';
import type { AllPartners, InstrumentDef, PlayerDef, Strategy } from '../spec/strategy.ts';
import * as msg from '../spec/messages/scenario.ts';

type Path = (string | number)[];

/** The playing codes of `a`: regions and unions, each union replacing its members. */
function allPartnerPlayers(d: Dataset, a: AllPartners, path: Path = ['all_partners']): string[] {
  const members = new Set<string>();
  a.unions.forEach((u, k) => {
    const g = d.manifest.groups[u];
    if (!g)
      throw new PolicyError(
        [...path, 'unions', k],
        msg.regionGroupDataset(d.manifest.id, Object.keys(d.manifest.groups).join(', ') || 'none', u),
      );
    g.forEach((m) => members.add(m));
  });
  const known = new Set([...d.regions.filter((r) => !members.has(r)), ...a.unions]);
  if (a.regions === '*') return [...known];
  a.regions.forEach((r, k) => {
    if (!known.has(r)) {
      throw new PolicyError(
        [...path, 'regions', k],
        members.has(r) ? msg.regionInsideUnion(r) : msg.regionUnionDataset(d.manifest.id, r),
      );
    }
  });
  return [...new Set(a.regions)];
}

/**
 * Expands `s.all_partners` against `d` into `s.players` (explicit players of `s` are kept and
 * must not also play in the all-partner game). Throws PolicyError with paths under `strategy`.
 *
 * @example
 * const s = expandAllPartners(d, StrategySchema.parse({ kind: 'nash', all_partners: { sectors: ['goods'] } }));
 * Object.keys(s.players);            // every region, e.g. ['USA', 'CHN', …]
 * s.players.USA.instruments[0].id;   // 'USA.c1'
 */
export function expandAllPartners(d: Dataset, s: Strategy): Strategy {
  const a = s.all_partners;
  if (!a) return s;
  const path: Path = ['all_partners'];
  const players = allPartnerPlayers(d, a, path);
  const playing = new Set(players);
  const sectors = selectSectors(d, a.sectors, [...path, 'sectors']).map((j) => d.sectors[j]);
  const specific = new Map<string, string[]>();
  a.partner_specific.forEach(([x, y], k) => {
    [x, y].forEach((c, m) => {
      if (!playing.has(c))
        throw new PolicyError([...path, 'partner_specific', k, m], msg.playerAllPartner(players.join(', '), c));
    });
    if (x === y) throw new PolicyError([...path, 'partner_specific', k], msg.twoDifferentPlayers(x));
    for (const [p, q] of [
      [x, y],
      [y, x],
    ]) {
      const list = specific.get(p) ?? [];
      if (list.includes(q)) throw new PolicyError([...path, 'partner_specific', k], msg.pairOnce(x, y));
      specific.set(p, [...list, q]);
    }
  });
  for (const code of Object.keys(a.players)) {
    if (!playing.has(code))
      throw new PolicyError([...path, 'players', code], msg.playerAllPartnerGame(players.join(', '), code));
  }
  const out: Record<string, PlayerDef> = {};
  for (const p of players) {
    if (s.players[p]) throw new PolicyError(['players', p], msg.onlyOnce(p));
    const bounds = { min: a.min, max: a.max, ...(a.start === undefined ? {} : { start: a.start }) };
    const except = specific.get(p) ?? [];
    // One instrument per sector (Ossa), or one for the listed sectors together (id suffix "all").
    const sets: [string, string[]][] = a.per_sector ? sectors.map((sec) => [sec, [sec]]) : [['all', sectors]];
    const instruments: InstrumentDef[] = sets.map(([tag, secs]) => ({
      id: `${p}.${tag}`,
      tariff: { importer: p, exporter: '*', sectors: secs, ...(except.length ? { except } : {}) },
      ...bounds,
    }));
    for (const q of except)
      for (const [tag, secs] of sets)
        instruments.push({ id: `${p}.${q}.${tag}`, tariff: { importer: p, exporter: q, sectors: secs }, ...bounds });
    const o = a.players[p] ?? {};
    const def: PlayerDef = { objective: o.objective ?? a.objective, instruments };
    const weights = o.weights ?? a.weights;
    const security = o.security ?? a.security;
    if (weights) def.weights = weights;
    if (security) def.security = security;
    out[p] = def;
  }
  return { ...s, players: { ...s.players, ...out } };
}
