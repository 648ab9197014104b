/**
 * A leader's ratification threshold θ, in percentage points of the leader's objective (real income,
 * plus the delegation's security terms): the leader ratifies an agreement worth at least θ. Known,
 * uniform, normal, or — for the US and Chinese leaders — calibrated on the record (uniform on
 * [b − width, b] below the bound b that the leader's 2025 approvals imply).
 */
import { canCalibrate } from './delegations.ts';
import type { Party, Threshold } from './setup.ts';

const DEFAULTS: Record<Threshold['kind'], Threshold> = {
  known: { kind: 'known', value: 0 },
  uniform: { kind: 'uniform', min: -0.05, max: 0.05 },
  normal: { kind: 'normal', mean: 0.005, sd: 0.01 },
  calibrated: { kind: 'calibrated', width: 0.1 },
};

function Num({
  label,
  value,
  onChange,
  min,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
}) {
  return (
    <label>
      {label}{' '}
      <input type="number" step="any" min={min} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

export function ThresholdInput({
  party,
  leader,
  value,
  onChange,
}: {
  party: Party;
  leader: string;
  value: Threshold;
  onChange: (t: Threshold) => void;
}) {
  return (
    <fieldset className="threshold">
      <legend>
        {leader} ({party}): ratification threshold θ, pp of the objective
      </legend>
      <label>
        Kind{' '}
        <select value={value.kind} onChange={(e) => onChange(DEFAULTS[e.target.value as Threshold['kind']])}>
          <option value="known">known</option>
          <option value="uniform">uniform</option>
          <option value="normal">normal</option>
          {(canCalibrate(party) || value.kind === 'calibrated') && (
            <option value="calibrated">calibrated on the 2025 approvals</option>
          )}
        </select>
      </label>
      {value.kind === 'known' && (
        <Num label="Value" value={value.value} onChange={(v) => onChange({ kind: 'known', value: v })} />
      )}
      {value.kind === 'uniform' && (
        <>
          <Num label="Min" value={value.min} onChange={(v) => onChange({ ...value, min: v })} />
          <Num label="Max" value={value.max} onChange={(v) => onChange({ ...value, max: v })} />
        </>
      )}
      {value.kind === 'normal' && (
        <>
          <Num label="Mean" value={value.mean} onChange={(v) => onChange({ ...value, mean: v })} />
          <Num label="Std. dev." min={0} value={value.sd} onChange={(v) => onChange({ ...value, sd: v })} />
        </>
      )}
      {value.kind === 'calibrated' && (
        <>
          <Num label="Width" min={0} value={value.width} onChange={(v) => onChange({ kind: 'calibrated', width: v })} />
          <p className="muted small hint">
            Uniform on [b − width, b], where b is the least that the Geneva, London and Busan deals gave this leader:
            having approved them, θ ≤ b (docs/london-2025.md).
          </p>
        </>
      )}
    </fieldset>
  );
}
