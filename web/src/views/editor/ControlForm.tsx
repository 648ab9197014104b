/**
 * Export controls as the scenario format has them: origin → destination (a code, a group, or "*"
 * for everyone, with `except` naming a coalition left out), the sectors, and the approval — the
 * share of baseline volume licensed (0 = a ban); capacity bounds cap a region-sector's real output.
 */
import { useState } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { sectorName } from '../../format.ts';
import type { CapacityRow, ControlRow } from '../../scenarioText.ts';
import { PercentInput, sectorNames } from './fields.tsx';

type SetValue = (path: (string | number)[], v: number) => void;

export function ControlForm({
  rows,
  caps,
  dataset,
  onSet,
  onAdd,
}: {
  rows: ControlRow[];
  caps: CapacityRow[];
  dataset: DatasetInfo | undefined;
  onSet: SetValue;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">No export controls.</p>
      ) : (
        <ControlTable rows={rows} dataset={dataset} onSet={onSet} />
      )}
      {caps.length > 0 && <CapacityTable caps={caps} dataset={dataset} onSet={onSet} />}
      <AddControl dataset={dataset} onAdd={onAdd} />
    </>
  );
}

function ControlTable({
  rows,
  dataset,
  onSet,
}: {
  rows: ControlRow[];
  dataset: DatasetInfo | undefined;
  onSet: SetValue;
}) {
  return (
    <div className="table-scroll tall">
      <table className="form-table" data-testid="controls-form">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Origin → destination</th>
            <th scope="col">Sectors</th>
            <th scope="col">Approval (%)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ControlLine key={`c-${r.path.join('-')}`} row={r} dataset={dataset} onSet={onSet} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ControlLine({
  row: r,
  dataset,
  onSet,
}: {
  row: ControlRow;
  dataset: DatasetInfo | undefined;
  onSet: SetValue;
}) {
  const id = `c-${r.path.join('-')}`;
  const except = r.except.length ? ` except ${r.except.join(', ')}` : '';
  const to = `${r.destination === '*' ? 'everyone' : r.destination}${except}`;
  const names = sectorNames(r.sectors, dataset);
  return (
    <tr>
      <td>{r.where}</td>
      <td>
        {r.origin} → {to}
      </td>
      <td className="sectors" title={r.sectors.join(', ')}>
        {names}
      </td>
      <td>
        {r.approval === null ? (
          '—'
        ) : (
          <PercentInput
            id={id}
            label={`${r.where}: ${r.origin} to ${to}, ${names}, approval`}
            value={r.approval}
            max={100}
            onCommit={(v) => onSet([...r.path, 'approval'], v)}
          />
        )}
        {r.approval === 0 && <span className="muted"> ban</span>}
        {r.government_share !== null && (
          <span className="muted"> ({Math.round(r.government_share * 100)}% to a government)</span>
        )}
      </td>
    </tr>
  );
}

function CapacityTable({
  caps,
  dataset,
  onSet,
}: {
  caps: CapacityRow[];
  dataset: DatasetInfo | undefined;
  onSet: SetValue;
}) {
  return (
    <div className="table-scroll">
      <table className="form-table" data-testid="capacity-form">
        <caption>Capacity bounds: real output at most this share of the baseline</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Sectors</th>
            <th scope="col">Limit (% of baseline)</th>
          </tr>
        </thead>
        <tbody>
          {caps.map((c) => {
            const id = `k-${c.path.join('-')}`;
            const names = sectorNames(c.sectors, dataset);
            return (
              <tr key={id}>
                <td>{c.region}</td>
                <td className="sectors" title={c.source || c.sectors.join(', ')}>
                  {names}
                </td>
                <td>
                  {c.limit === null ? (
                    '—'
                  ) : (
                    <PercentInput
                      id={id}
                      label={`${c.region}, ${names}, capacity limit`}
                      value={c.limit}
                      onCommit={(v) => onSet([...c.path, 'limit'], v)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AddControl({
  dataset,
  onAdd,
}: {
  dataset: DatasetInfo | undefined;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  const [origin, setOrigin] = useState('CHN');
  const [dest, setDest] = useState('USA');
  const [sector, setSector] = useState('');
  const [approval, setApproval] = useState('50');
  const sectors = dataset?.sectors ?? [];
  const chosen = sector || sectors.find((s) => /MAG|REE/.test(s.code))?.code || sectors[0]?.code || '';
  return (
    <fieldset className="add-tariff">
      <legend>Add an export control (policy)</legend>
      <label>
        Origin <input value={origin} onChange={(e) => setOrigin(e.target.value.toUpperCase())} size={5} />
      </label>
      <label>
        Destination{' '}
        <input
          value={dest}
          onChange={(e) => setDest(e.target.value.toUpperCase())}
          size={5}
          aria-describedby="dest-help"
        />
      </label>
      <label>
        Sector{' '}
        <select value={chosen} onChange={(e) => setSector(e.target.value)} disabled={!sectors.length}>
          {sectors.map((s) => (
            <option key={s.code} value={s.code}>
              {sectorName(s.code, s.name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Approval (%){' '}
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          value={approval}
          onChange={(e) => setApproval(e.target.value)}
          style={{ width: '5em' }}
        />
      </label>
      <button
        type="button"
        disabled={!chosen}
        onClick={() =>
          onAdd({
            origin,
            destination: dest,
            sectors: [chosen],
            approval: Math.min(100, Math.max(0, Number(approval))) / 100,
          })
        }
      >
        Add
      </button>
      <p id="dest-help" className="muted">
        Destination: a code, a group, or * for every destination; approval 0 is a ban. Export controls need the
        multisector model.
      </p>
    </fieldset>
  );
}
