/**
 * The issues on the table: one editor per issue, a lever to add (rare-earth approvals and chip
 * controls when China or the US negotiates, a tariff each way between the delegations, or any
 * tariff or export control), and why purchase commitments are not a lever, with the London
 * stand-in to add instead (US–China talks).
 */
import { useRef, useState } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { IssueEditor } from './IssueEditor.tsx';
import { leverChoices, newIssue, PRESETS, type Preset, PURCHASE_NOTE } from './levers.ts';
import type { IssueDraft } from './setup.ts';

interface Props {
  issues: IssueDraft[];
  dataset: DatasetInfo;
  /** The two delegations' codes. */
  parties: readonly [string, string];
  onChange: (f: (issues: IssueDraft[]) => IssueDraft[]) => void;
}

export function IssueList({ issues, dataset, parties, onChange }: Props) {
  const names = Object.fromEntries(dataset.regions.map((r) => [r.code, r.name]));
  const choices = leverChoices(parties[0], parties[1], names);
  const [picked, setAdding] = useState(choices[0].id);
  const adding = choices.some((c) => c.id === picked) ? picked : choices[0].id;
  const nextKey = useRef(100);
  const agreements = [...new Set(issues.map((i) => i.agreement))].sort((a, b) => a - b);
  const usChina = [...parties].sort().join() === 'CHN,USA';
  // A new issue is an agreement of its own until the user links it.
  const add = (preset: Preset) =>
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
          parties={parties}
          agreements={agreements}
          onChange={(x) => onChange((list) => list.map((y, j) => (j === k ? x : y)))}
          onRemove={() => onChange((list) => list.filter((_, j) => j !== k))}
        />
      ))}
      <div className="add-issue">
        <label>
          Add a lever{' '}
          <select value={adding} onChange={(e) => setAdding(e.target.value)}>
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => add(choices.find((c) => c.id === adding)!.preset)}>
          Add
        </button>
      </div>
      <aside className="note purchase" aria-labelledby="purchase-h" data-testid="purchase-note">
        <h3 id="purchase-h">Purchase commitments</h3>
        <p>{PURCHASE_NOTE}</p>
        {usChina && (
          <button type="button" onClick={() => add(PRESETS.farm)}>
            Add the stand-in: China’s tariff on US farm goods
          </button>
        )}
      </aside>
      <p className="muted small">
        Agreements: issues with the same number are bargained together and ratified as one agreement (linked); the run
        also plays every issue on its own (separate) and reports what each partition lets both leaders ratify.
      </p>
    </fieldset>
  );
}
