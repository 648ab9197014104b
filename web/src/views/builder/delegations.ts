/**
 * The two delegations of the builder's talks: any region or group of the dataset (a group such as
 * EU negotiates for its members, its utility their pooled real income), its leader and members, the
 * security weights of its government's objective, its leader's threshold and its stated trust. The
 * negotiation engine takes exactly two parties (src/spec/negotiation.ts).
 */
import type { Threshold } from './setup.ts';

/**
 * One security weight σ: adds σ × (the % change of the real absorption of `sector` in `of`, the
 * delegation's own region when empty) to the government's objective (src/negotiate/trade/solver.ts).
 */
export interface SecurityDraft {
  /** React key, stable while the list changes. */
  key: number;
  /** Whose supply is weighed: '' = the delegation's own, else a region or group code. */
  of: string;
  /** A sector code or sector group (REE, SEMI, goods…). */
  sector: string;
  weight: number;
}

export interface DelegationDraft {
  /** A region code or group of the dataset (the party's name in the file). */
  code: string;
  /** The leader who ratifies; empty = the default name (the London file's for USA and CHN). */
  leader: string;
  /** The members, "Name (role); Name"; empty = the default (the London file's for USA and CHN). */
  members: string;
  security: SecurityDraft[];
  /** The leader's own security weights, or null: the leader ratifies on the delegation's objective. */
  leaderSecurity: SecurityDraft[] | null;
  threshold: Threshold;
  /** Initial trust in the other side (0–1), used when trust is stated. */
  trust: number;
}

/** The plain-language explanation of security weights shown with the form. */
export const SECURITY_NOTE =
  'A security weight says how much a government cares about the supply of ' +
  'one sector beyond what it is worth in income. ' +
  'With weight σ on a sector, each 1% rise in the real amount of that sector the country can use (its ' +
  'real absorption: spending on it, final and by industry, at constant prices) adds σ points to the ' +
  'delegation’s utility, which is otherwise its real income change in percent. ' +
  'For example σ = 0.05 on rare earths (REE): losing 10% of them costs as much as 0.5% of real income. ' +
  'A weight on another country’s supply (“whose supply”) with a negative σ, such as the US on ' +
  'China’s chips (SEMI, −0.01), makes the delegation gain when that supply falls. ' +
  'The leader weighs the same objective. With no weights, shortages and price rises still count through real ' +
  'income; the London file uses none (london-2025-security.yaml keeps 0.05 / −0.01 / +0.01 as a sensitivity).';

/** The leaders whose 2025 approvals (Geneva, London, Busan) can calibrate a threshold. */
export const CALIBRATED_PARTIES = ['USA', 'CHN'] as const;
export const canCalibrate = (code: string) => (CALIBRATED_PARTIES as readonly string[]).includes(code);

/** What the builder knows of a delegation: the London file's, or a default named after the code. */
export interface KnownDelegation {
  leader: string;
  members: { name: string; role?: string }[];
}

/** "Name (role); Name" → delegates; empty parts dropped. */
export function parseMembers(s: string): { name: string; role?: string }[] {
  return s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const m = /^(.*?)\s*\(([^()]*)\)$/.exec(x);
      return m?.[1] ? { name: m[1], role: m[2] } : { name: x };
    });
}

/** Delegates → "Name (role); Name". */
export const formatMembers = (m: KnownDelegation['members']) =>
  m.map((d) => (d.role ? `${d.name} (${d.role})` : d.name)).join('; ');

/** The default leader and members of a code (the London file's for its parties). */
export function knownDelegation(
  code: string,
  name: string,
  template: Record<string, KnownDelegation> | undefined,
): KnownDelegation {
  return template?.[code] ?? { leader: `${name}’s leader`, members: [{ name: `${name} delegation` }] };
}

/** A fresh delegation for a code: no security weights, a known threshold of 0 (any deal no worse than now). */
export function newDelegation(code: string): DelegationDraft {
  return {
    code,
    leader: '',
    members: '',
    security: [],
    leaderSecurity: null,
    threshold: canCalibrate(code) ? { kind: 'calibrated', width: 0.1 } : { kind: 'known', value: 0 },
    trust: 0.6,
  };
}

/** The objective section of a delegation (real income, plus its security weights `list` when any). */
export function objectiveOf(d: Pick<DelegationDraft, 'code'>, list: readonly SecurityDraft[]) {
  const own: Record<string, number> = {};
  const of: Record<string, Record<string, number>> = {};
  for (const s of list) {
    if (!s.sector) continue;
    if (!s.of || s.of === d.code) own[s.sector] = s.weight;
    else of[s.of] = { ...of[s.of], [s.sector]: s.weight };
  }
  return {
    measure: 'real_income' as const,
    ...(Object.keys(own).length ? { security: own } : {}),
    ...(Object.keys(of).length ? { security_of: of } : {}),
  };
}

/** Problems of the delegations the builder can see before the server. */
export function delegationProblems(parties: readonly DelegationDraft[]): string[] {
  const out: string[] = [];
  if (parties[0].code === parties[1].code) out.push(`Choose two different delegations (both are ${parties[0].code}).`);
  for (const d of parties) {
    for (const [whose, list] of [
      ['', d.security],
      ['leader’s ', d.leaderSecurity ?? []],
    ] as const) {
      const seen = new Set<string>();
      const at = `${whose ? 'The leader’s s' : 'S'}ecurity weight of ${d.code}`;
      for (const s of list) {
        const key = `${s.of || d.code}/${s.sector}`;
        if (!s.sector) out.push(`${at}: choose a sector.`);
        else if (seen.has(key)) out.push(`${at} on ${key} is given twice.`);
        seen.add(key);
        if (!Number.isFinite(s.weight)) out.push(`${at} on ${key}: expected a number.`);
      }
    }
    if (d.threshold.kind === 'calibrated' && !canCalibrate(d.code))
      out.push(
        `Threshold of ${d.code}: only the US and Chinese leaders approved the 2025 deals ` +
          `the calibration reads; choose known, uniform or normal.`,
      );
  }
  return out;
}
