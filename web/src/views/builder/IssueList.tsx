/**
 * The issues on the table: one editor per issue, a lever to add (rare-earth approvals, chip
 * controls, tariffs each way, or any tariff or export control), and why purchase commitments are
 * not a lever, with the London stand-in to add instead.
 */
import { useRef, useState } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { IssueEditor } from './IssueEditor.tsx';
import { type IssueDraft, newIssue, type PRESETS, PURCHASE_NOTE } from './setup.ts';

const ADD: { preset: keyof typeof PRESETS; label: string }[] = [
  { preset: 'ree', label: 'Rare-earth licence approvals (China → every destination, REE)' },
  { preset: 'chips', label: 'Chip export controls (TWN and USA → China, SEMI)' },
  { preset: 'us_tariff', label: 'US tariff on Chinese goods' },
  { preset: 'cn_tariff', label: 'China’s tariff on US goods' },
  { preset: 'tariff', label: 'Another tariff (any importer, exporter and sectors)' },
  { preset: 'control', label: 'Another export control (any origin, destination and sectors)' },
];

interface Props {
  issues: IssueDraft[];
  dataset: DatasetInfo;
  onChange: (f: (issues: IssueDraft[]) => IssueDraft[]) => void;
}

export function IssueList({ issues, dataset, onChange }: Props) {
  const [adding, setAdding] = useState<keyof typeof PRESETS>('ree');
  const nextKey = useRef(100);
  const agreements = [...new Set(issues.map((i) => i.agreement))].sort((a, b) => a - b);
  // A new issue is an agreement of its own until the user links it.
  const add = (preset: keyof typeof PRESETS) =>
    onChange((list) => [
      ...list,
      { ...newIssue(preset, list, nextKey.current++), agreement: Math.max(0, ...list.map((i) => i.agreement)) + 1 },
    ]);
  return (
    <fieldset className="issues">
      <legend>Issues on the table ({issues.length})</legend>
      {issues.map((i, k) => (
        <IssueEditor
          key={i.key}
          issue={i}
          dataset={dataset}
          agreements={agreements}
          onChange={(x) => onChange((list) => list.map((y, j) => (j === k ? x : y)))}
          onRemove={() => onChange((list) => list.filter((_, j) => j !== k))}
        />
      ))}
      <div className="add-issue">
        <label>
          Add a lever{' '}
          <select value={adding} onChange={(e) => setAdding(e.target.value as keyof typeof PRESETS)}>
            {ADD.map((a) => (
              <option key={a.preset} value={a.preset}>
                {a.label}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => add(adding)}>
          Add
        </button>
      </div>
      <aside className="note purchase" aria-labelledby="purchase-h" data-testid="purchase-note">
        <h3 id="purchase-h">Purchase commitments</h3>
        <p>{PURCHASE_NOTE}</p>
        <button type="button" onClick={() => add('farm')}>
          Add the stand-in: China’s tariff on US farm goods
        </button>
      </aside>
      <p className="muted small">
        Agreements: issues with the same number are bargained together and ratified as one agreement (linked); the run
        also plays every issue on its own (separate) and reports what each partition lets both leaders ratify.
      </p>
    </fieldset>
  );
}
