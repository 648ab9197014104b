/**
 * The two delegations: which region or group of the dataset each is (a group such as EU speaks for
 * its members), its leader and members, the security weights of its government's objective (with a
 * plain-language tooltip) and its leader's ratification threshold.
 */
import { useRef } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { RegionOptions, SectorOptions } from './Options.tsx';
import {
  type DelegationDraft,
  formatMembers,
  type KnownDelegation,
  knownDelegation,
  SECURITY_NOTE,
  type SecurityDraft,
} from './delegations.ts';
import { ThresholdInput } from './Leaders.tsx';
import { Tip } from './Tip.tsx';

interface Props {
  parties: readonly [DelegationDraft, DelegationDraft];
  dataset: DatasetInfo;
  /** The London file's delegations (leaders and members by code). */
  known: Record<string, KnownDelegation>;
  /** Delegation i becomes another region or group. */
  onCode: (i: 0 | 1, code: string) => void;
  onChange: (i: 0 | 1, d: DelegationDraft) => void;
}

/** Region and group names by code. */
const namesOf = (d: DatasetInfo) => ({
  ...Object.fromEntries(Object.entries(d.groups).map(([g, m]) => [g, `${g} (${m.join(', ')})`])),
  ...Object.fromEntries(d.regions.map((r) => [r.code, r.name])),
});

function Weight({
  w,
  who,
  whose,
  dataset,
  onChange,
  onRemove,
}: {
  w: SecurityDraft;
  who: string;
  /** "" for the delegation's weights, "leader’s " for its leader's own. */
  whose: string;
  dataset: DatasetInfo;
  onChange: (w: SecurityDraft) => void;
  onRemove: () => void;
}) {
  const at = `${whose}security weight ${w.key + 1} of ${who}`;
  return (
    <li className="security-weight" data-testid="security-weight">
      <label>
        Whose supply{' '}
        <select
          aria-label={`Whose supply, ${at}`}
          value={w.of}
          onChange={(e) => onChange({ ...w, of: e.target.value })}
        >
          <option value="">{who}’s own</option>
          <RegionOptions dataset={dataset} />
        </select>
      </label>
      <label>
        Sector{' '}
        <select
          aria-label={`Sector, ${at}`}
          value={w.sector}
          onChange={(e) => onChange({ ...w, sector: e.target.value })}
        >
          <SectorOptions dataset={dataset} />
        </select>
      </label>
      <label>
        Weight σ{' '}
        <input
          type="number"
          step="any"
          aria-label={`Weight σ, ${at}`}
          value={w.weight}
          onChange={(e) => onChange({ ...w, weight: Number(e.target.value) })}
        />
      </label>
      <button type="button" className="link" onClick={onRemove} aria-label={`Remove ${at}`}>
        Remove
      </button>
    </li>
  );
}

/** A list of security weights with its add button (and the tooltip that explains them). */
function WeightList({
  title,
  tip,
  list,
  who,
  whose,
  dataset,
  onChange,
}: {
  title: string;
  tip?: string;
  list: SecurityDraft[];
  who: string;
  whose: string;
  dataset: DatasetInfo;
  onChange: (list: SecurityDraft[]) => void;
}) {
  const nextKey = useRef(Math.max(-1, ...list.map((w) => w.key)) + 1);
  return (
    <div className="security">
      <p className="security-h">
        {title} ({list.length || 'none'}) {tip && <Tip label={tip} text={SECURITY_NOTE} />}
      </p>
      {list.length > 0 && (
        <ul>
          {list.map((w, k) => (
            <Weight
              key={w.key}
              w={w}
              who={who}
              whose={whose}
              dataset={dataset}
              onChange={(x) => onChange(list.map((y, j) => (j === k ? x : y)))}
              onRemove={() => onChange(list.filter((_, j) => j !== k))}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => onChange([...list, { key: nextKey.current++, of: '', sector: 'REE', weight: 0.05 }])}
      >
        Add a {whose}security weight for {who}
      </button>
    </div>
  );
}

/** Which region or group the delegation is, and what a group's delegation speaks for. */
function DelegationChoice({
  i,
  code,
  dataset,
  onCode,
}: Pick<Props, 'dataset' | 'onCode'> & { i: 0 | 1; code: string }) {
  const label = `Delegation ${i + 1}`;
  return (
    <>
      <label>
        {label}{' '}
        <select aria-label={label} value={code} onChange={(e) => onCode(i, e.target.value)}>
          {Object.entries(dataset.groups).map(([g, m]) => (
            <option key={g} value={g}>
              {g}: the group of {m.join(', ')}
            </option>
          ))}
          {dataset.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code}: {r.name}
            </option>
          ))}
        </select>
      </label>
      {dataset.groups[code] && (
        <p className="muted small hint">
          A group speaks for its members ({dataset.groups[code].join(', ')}): its tariffs and controls apply to each of
          them, and its utility is their pooled real income (each member’s change weighted by its income).
        </p>
      )}
    </>
  );
}

function Delegation({
  i,
  d,
  dataset,
  known,
  onCode,
  onChange,
}: Omit<Props, 'parties'> & { i: 0 | 1; d: DelegationDraft }) {
  const names = namesOf(dataset);
  // Default names after the region's name, or the group's code (as the file gets them).
  const region = dataset.regions.find((r) => r.code === d.code);
  const k0 = knownDelegation(d.code, region?.name ?? d.code, known);
  const set = (patch: Partial<DelegationDraft>) => onChange(i, { ...d, ...patch });
  const label = `Delegation ${i + 1}`;
  return (
    <fieldset className="delegation" data-testid={`delegation-${i + 1}`}>
      <legend>
        {label}: {names[d.code] ?? d.code}
      </legend>
      <DelegationChoice i={i} code={d.code} dataset={dataset} onCode={onCode} />
      <label>
        Leader (ratifies){' '}
        <input
          aria-label={`Leader of delegation ${i + 1}`}
          value={d.leader}
          placeholder={k0.leader}
          onChange={(e) => set({ leader: e.target.value })}
        />
      </label>
      <label className="wide">
        Members{' '}
        <input
          aria-label={`Members of delegation ${i + 1}`}
          value={d.members}
          placeholder={formatMembers(k0.members)}
          onChange={(e) => set({ members: e.target.value })}
        />
      </label>
      <WeightList
        title="Security weights"
        tip={`What is a security weight? (delegation ${i + 1})`}
        list={d.security}
        who={d.code}
        whose=""
        dataset={dataset}
        onChange={(security) => set({ security })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={d.leaderSecurity !== null}
          onChange={(e) => set({ leaderSecurity: e.target.checked ? d.security.map((w) => ({ ...w })) : null })}
        />{' '}
        The leader weighs security differently (else the leader ratifies on the delegation’s objective)
      </label>
      {d.leaderSecurity !== null && (
        <WeightList
          title={`Security weights of the leader, ${d.leader || k0.leader}`}
          list={d.leaderSecurity}
          who={d.code}
          whose="leader’s "
          dataset={dataset}
          onChange={(leaderSecurity) => set({ leaderSecurity })}
        />
      )}
      <ThresholdInput
        party={d.code}
        leader={d.leader || k0.leader}
        value={d.threshold}
        onChange={(t) => set({ threshold: t })}
      />
    </fieldset>
  );
}

export function DelegationsInput({ parties, ...rest }: Props) {
  return (
    <div className="delegations">
      {parties.map((d, i) => (
        <Delegation key={i} i={i as 0 | 1} d={d} {...rest} />
      ))}
    </div>
  );
}
