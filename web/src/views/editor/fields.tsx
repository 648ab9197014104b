/** Small pieces the editor's policy forms share. */
import { useEffect, useState } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { sectorName } from '../../format.ts';

/** Sector names of codes ("c14" → "Electrical & optical"), the code kept as a tooltip; "all" stays. */
export function sectorNames(codes: string[], d: DatasetInfo | undefined): string {
  if (!codes.length) return 'all sectors';
  return codes.map((c) => sectorName(c, d?.sectors.find((s) => s.code === c)?.name)).join(', ');
}

/** A percent field that writes to the YAML on blur or Enter (not on every keystroke). */
export function PercentInput({
  id,
  label,
  value,
  max,
  onCommit,
}: {
  id: string;
  label: string;
  value: number;
  max?: number;
  onCommit: (v: number) => void;
}) {
  const shown = String(Math.round(value * 100 * 1e6) / 1e6);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const v = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(v) && String(v) !== shown) onCommit(Math.round(v * 1e4) / 1e6);
  };
  return (
    <input
      id={id}
      aria-label={label}
      type="number"
      step="any"
      min={0}
      max={max}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      className="pct-input"
    />
  );
}
