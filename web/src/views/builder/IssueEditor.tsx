/**
 * One issue of the builder: which lever (a tariff or an export control), on which flows (importers
 * or origins, the partner, the sectors of the dataset), whose concession it is, how its value moves
 * the current state (add to it, or set it), its options, and the agreement it belongs to.
 */
import type { ChangeEvent } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { RegionOptions, SectorOptions } from './Options.tsx';
import { type IssueDraft, type Party, fileGrid } from './setup.ts';

interface Props {
  issue: IssueDraft;
  dataset: DatasetInfo;
  /** The delegations' codes (an issue is one delegation's concession). */
  parties: readonly string[];
  /** Agreement numbers in use (a new one is offered too). */
  agreements: number[];
  onChange: (i: IssueDraft) => void;
  onRemove: () => void;
}

const selected = (e: ChangeEvent<HTMLSelectElement>) => [...e.target.selectedOptions].map((o) => o.value);

/** What an issue's options are in: tariff points or rates, approval points or shares. */
function unitOf(i: IssueDraft): string {
  const tariff = i.kind === 'tariff';
  return tariff
    ? i.mode === 'add'
      ? 'points of tariff added (−10 = a 10-point cut)'
      : 'tariff rate, %'
    : i.mode === 'add'
      ? 'points of approval added'
      : 'share of licences approved, %';
}

/** Which flows the lever is on: importers or origins (regions or groups), the partner, and the sectors. */
function FlowFields({
  issue: i,
  dataset,
  name,
  set,
}: {
  issue: IssueDraft;
  dataset: DatasetInfo;
  /** The issue's name in the fields' labels. */
  name: string;
  set: (patch: Partial<IssueDraft>) => void;
}) {
  const tariff = i.kind === 'tariff';
  // Importers or origins: regions, or a group (EU: each of its members).
  const regions = [...Object.keys(dataset.groups), ...dataset.regions.map((r) => r.code)];
  return (
    <>
      <label>
        {tariff ? 'Importers' : 'Origins'}: {i.from.join(', ') || 'none'}{' '}
        <select
          multiple
          size={4}
          aria-label={`${tariff ? 'Importers' : 'Origins'} of ${name}`}
          value={i.from}
          onChange={(e) => set({ from: selected(e) })}
        >
          {regions.map((r) => (
            <option key={r} value={r}>
              {dataset.groups[r] ? `${r} (group: ${dataset.groups[r].join(', ')})` : r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tariff ? 'Exporter' : 'Destination'}{' '}
        <select
          aria-label={`${tariff ? 'Exporter' : 'Destination'} of ${name}`}
          value={i.to}
          onChange={(e) => set({ to: e.target.value })}
        >
          <option value="*">every other region (*)</option>
          <RegionOptions dataset={dataset} />
        </select>
      </label>
      <label className="wide">
        Sectors: {i.sectors.join(', ') || (tariff ? 'every sector' : 'none')}{' '}
        <select
          multiple
          size={5}
          aria-label={`Sectors of ${name}`}
          value={i.sectors}
          onChange={(e) => set({ sectors: selected(e) })}
        >
          <SectorOptions dataset={dataset} />
        </select>
      </label>
    </>
  );
}

export function IssueEditor({ issue: i, dataset, parties, agreements, onChange, onRemove }: Props) {
  const tariff = i.kind === 'tariff';
  const set = (patch: Partial<IssueDraft>) => onChange({ ...i, ...patch });
  const name = `issue ${i.id}`;
  const unit = unitOf(i);
  const grid = fileGrid(i);
  return (
    <fieldset className="issue" data-testid={`issue-${i.id}`}>
      <legend>
        {tariff ? 'Tariff' : 'Export control (licence approvals)'}: <code>{i.id}</code>
      </legend>
      <label>
        Id <input aria-label={`Id of ${name}`} value={i.id} onChange={(e) => set({ id: e.target.value })} />
      </label>
      <label className="wide">
        Label <input aria-label={`Label of ${name}`} value={i.label} onChange={(e) => set({ label: e.target.value })} />
      </label>
      <label>
        Owner (whose concession){' '}
        <select
          aria-label={`Owner of ${name}`}
          value={i.owner}
          onChange={(e) => set({ owner: e.target.value as Party })}
        >
          {[...new Set([...parties, i.owner])].map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <FlowFields issue={i} dataset={dataset} name={name} set={set} />
      <label>
        Value{' '}
        <select
          aria-label={`Mode of ${name}`}
          value={i.mode}
          onChange={(e) => set({ mode: e.target.value as IssueDraft['mode'] })}
        >
          <option value="add">changes the current {tariff ? 'rate' : 'approval'} (add)</option>
          <option value="set">replaces it (set)</option>
        </select>
      </label>
      <label className="wide">
        Options, {unit}{' '}
        <input
          aria-label={`Options of ${name}, percent`}
          value={i.grid}
          onChange={(e) => set({ grid: e.target.value })}
        />
      </label>
      <label>
        Agreement{' '}
        <select
          aria-label={`Agreement of ${name}`}
          value={i.agreement}
          onChange={(e) => set({ agreement: Number(e.target.value) })}
        >
          {[...new Set([...agreements, Math.max(0, ...agreements) + 1])].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small hint">
        In the file: {grid.map((g) => (Number.isFinite(g) ? String(g) : '?')).join(', ')}
        {i.mode === 'add'
          ? ' (0 = as now, always an option: the talks start from the current state)'
          : ' (the current value must be one of them)'}
        .
      </p>
      <button type="button" className="link" onClick={onRemove} aria-label={`Remove ${name}`}>
        Remove
      </button>
    </fieldset>
  );
}
