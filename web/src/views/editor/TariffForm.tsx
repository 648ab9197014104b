/** The editor's tariffs: every tariff entry of the file, its value editable, and a new tariff added to the policy. */
import { useState } from 'react';
import type { DatasetInfo } from '../../api.ts';
import type { TariffRow } from '../../scenarioText.ts';
import { PercentInput, sectorNames } from './fields.tsx';

export function TariffForm({
  rows,
  dataset,
  onSet,
  onAdd,
}: {
  rows: TariffRow[];
  dataset: DatasetInfo | undefined;
  onSet: (r: TariffRow, v: number) => void;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  // The new tariff's fields live here, not in AddTariff, so they survive the YAML briefly not parsing.
  const [draft, setDraft] = useState<TariffDraft>({ importer: 'USA', exporter: 'CHN', rate: '25' });
  if (!rows.length) return <p className="muted">No tariff entries (or the YAML does not parse).</p>;
  return (
    <>
      <div className="table-scroll tall">
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Importer ← exporter</th>
              <th scope="col">Sectors</th>
              <th scope="col">Kind</th>
              <th scope="col">Value (%)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <TariffLine key={`t-${r.path.join('-')}`} row={r} dataset={dataset} onSet={(v) => onSet(r, v)} />
            ))}
          </tbody>
        </table>
      </div>
      <AddTariff draft={draft} onChange={setDraft} onAdd={onAdd} />
    </>
  );
}

function TariffLine({
  row: r,
  dataset,
  onSet,
}: {
  row: TariffRow;
  dataset: DatasetInfo | undefined;
  onSet: (v: number) => void;
}) {
  const id = `t-${r.path.join('-')}`;
  const codes = r.sectors === 'all' ? [] : r.sectors.split(', ');
  const sectors = sectorNames(codes, dataset);
  const name = `${r.where}: ${r.importer} on ${r.exporter}, ${sectors}, ${r.mode.replace('_', ' ')}`;
  return (
    <tr>
      <td>{r.where}</td>
      <td>
        {r.importer} ← {r.exporter}
      </td>
      <td className="sectors" title={codes.join(', ') || undefined}>
        {sectors}
      </td>
      <td>{r.mode.replace('_', ' ')}</td>
      <td>
        {r.value === null ? (
          <code>{r.raw}</code>
        ) : (
          <PercentInput id={id} label={name} value={r.value} onCommit={onSet} />
        )}
      </td>
    </tr>
  );
}

interface TariffDraft {
  importer: string;
  exporter: string;
  /** percent, as typed */
  rate: string;
}

function AddTariff({
  draft,
  onChange,
  onAdd,
}: {
  draft: TariffDraft;
  onChange: (d: TariffDraft) => void;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  const { importer, exporter, rate } = draft;
  return (
    <fieldset className="add-tariff">
      <legend>Add a tariff (policy)</legend>
      <label>
        Importer{' '}
        <input
          value={importer}
          onChange={(e) => onChange({ ...draft, importer: e.target.value.toUpperCase() })}
          size={5}
        />
      </label>
      <label>
        Exporter{' '}
        <input
          value={exporter}
          onChange={(e) => onChange({ ...draft, exporter: e.target.value.toUpperCase() })}
          size={5}
        />
      </label>
      <label>
        Rate (%){' '}
        <input
          type="number"
          min={0}
          max={1000}
          step="any"
          value={rate}
          onChange={(e) => onChange({ ...draft, rate: e.target.value })}
          style={{ width: '6em' }}
        />
      </label>
      <button type="button" onClick={() => onAdd({ importer, exporter, rate: Number(rate) / 100 })}>
        Add
      </button>
    </fieldset>
  );
}
