/**
 * Trust between the delegations: none (full trust), the Phase One record (each side's trust in the
 * other is the share of its promises the other delivered; US–China talks only), or stated numbers;
 * optionally updated by the 2025 US–China history before the talks. Trust discounts the other
 * side's promised levers in what each delegation weighs, and sets the chance per round that the
 * talks break down.
 */
import type { DelegationDraft } from './delegations.ts';
import type { TrustSetup } from './setup.ts';

function Num({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        step="any"
        min={0}
        max={1}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

interface Props {
  value: TrustSetup;
  parties: readonly DelegationDraft[];
  /** The Phase One record and the 2025 history are the US–China talks'. */
  usChina: boolean;
  onChange: (t: TrustSetup) => void;
  /** Sets delegation i's stated trust. */
  onPartyTrust: (i: number, v: number) => void;
}

export function TrustInput({ value: t, parties, usChina, onChange, onPartyTrust }: Props) {
  const set = (patch: Partial<TrustSetup>) => onChange({ ...t, ...patch });
  return (
    <fieldset className="trust-setup">
      <legend>Trust</legend>
      <label>
        Initial trust{' '}
        <select value={t.source} onChange={(e) => set({ source: e.target.value as TrustSetup['source'] })}>
          {usChina && <option value="record">from the Phase One record (delivered ÷ promised)</option>}
          <option value="stated">stated</option>
          <option value="none">none: full trust, no breakdown</option>
        </select>
      </label>
      {t.source === 'stated' &&
        parties.map((d, i) => (
          <Num
            key={d.code}
            label={`${d.code}’s trust in the other side`}
            value={d.trust}
            onChange={(v) => onPartyTrust(i, v)}
          />
        ))}
      {!usChina && (
        <p className="muted small hint">
          The Phase One record and the 2025 history are the US–China talks’: for other delegations, state the trust.
        </p>
      )}
      {t.source !== 'none' && (
        <>
          {usChina && (
            <label>
              <input type="checkbox" checked={t.history} onChange={(e) => set({ history: e.target.checked })} /> Update
              it by the 2025 history (Geneva kept; new restrictions after it)
            </label>
          )}
          <Num label="Gain after compliance" value={t.gain} onChange={(v) => set({ gain: v })} />
          <Num label="Loss after defection" value={t.loss} onChange={(v) => set({ loss: v })} />
          <Num
            label="Breakdown per round at full trust"
            value={t.base_breakdown}
            onChange={(v) => set({ base_breakdown: v })}
          />
          <Num label="Extra breakdown from distrust" value={t.sensitivity} onChange={(v) => set({ sensitivity: v })} />
        </>
      )}
    </fieldset>
  );
}
