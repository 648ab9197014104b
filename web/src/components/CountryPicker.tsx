/**
 * A picker of countries: any of the dataset's regions, and its groups expanded into their members
 * (EU → Germany, France, Italy, the other EU members). The chosen ones are a list of removable
 * chips; everything is a native control (a select, buttons), so it works with the keyboard and
 * screen readers as is. The views keep the choice in the address (countries=USA,CHN).
 */
import { useRef } from 'react';
import type { DatasetInfo } from '../api.ts';

export interface CountryPickerProps {
  dataset: DatasetInfo | undefined;
  value: string[];
  onChange: (codes: string[]) => void;
  /** What the choice drives, e.g. "the map and the sector bars". */
  purpose: string;
  /** The choice the reset button returns to. */
  defaults: string[];
}

/** The members of a group (or the code itself) that are regions of the dataset. */
function expandCodes(codes: string[], d: DatasetInfo | undefined): string[] {
  const regions = new Set(d?.regions.map((r) => r.code) ?? []);
  const out: string[] = [];
  for (const c of codes)
    for (const m of d?.groups[c] ?? [c]) if ((!d || regions.has(m)) && !out.includes(m)) out.push(m);
  return out;
}

/** "EU: Germany, France, Italy, Other EU" — at most six names, then how many in all. */
function groupText(g: string, members: string[], name: (c: string) => string): string {
  const shown = members.slice(0, 6).map(name).join(', ');
  return `${g}: ${shown}${members.length > 6 ? `, … (${members.length} in all)` : ''}`;
}

export function CountryPicker({ dataset, value, onChange, purpose, defaults }: CountryPickerProps) {
  const select = useRef<HTMLSelectElement>(null);
  const name = (c: string) => dataset?.regions.find((r) => r.code === c)?.name ?? c;
  const rest = (dataset?.regions ?? []).filter((r) => !value.includes(r.code));
  const groups = Object.entries(dataset?.groups ?? {});
  const add = (v: string) => {
    if (!v) return;
    const codes = v.startsWith('group:') ? expandCodes([v.slice(6)], dataset) : [v];
    onChange([...value, ...codes.filter((c) => !value.includes(c))]);
  };
  const remove = (c: string) => {
    onChange(value.filter((x) => x !== c));
    select.current?.focus();
  };
  const same = value.length === defaults.length && value.every((c, k) => c === defaults[k]);
  return (
    <fieldset className="country-picker" data-testid="country-picker">
      <legend>Countries in {purpose}</legend>
      <ul className="chips" aria-label="Chosen countries">
        {value.map((c) => (
          <li key={c} data-code={c}>
            {name(c)} <code>{c}</code>
            <button type="button" onClick={() => remove(c)} aria-label={`Remove ${name(c)}`}>
              ×
            </button>
          </li>
        ))}
        {value.length === 0 && <li className="muted">none chosen</li>}
      </ul>
      <label>
        Add{' '}
        <select
          ref={select}
          value=""
          onChange={(e) => add(e.target.value)}
          aria-label={`Add a country or group to ${purpose}`}
        >
          <option value="">a country or group…</option>
          {groups.length > 0 && (
            <optgroup label="Groups (adds every member)">
              {groups.map(([g, members]) => (
                <option key={g} value={`group:${g}`}>
                  {groupText(g, members, name)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Countries and regions">
            {rest.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {!same && (
        <button type="button" className="link" onClick={() => onChange(defaults)}>
          reset
        </button>
      )}
    </fieldset>
  );
}
