/**
 * The option lists the builder's selects share: the dataset's groups then regions, and its sector
 * groups then sectors (codes with names, so a user need not know the codes).
 */
import type { DatasetInfo } from '../../api.ts';

/** Every group (EU, …) then every region of the dataset, as options. */
export function RegionOptions({ dataset }: { dataset: DatasetInfo }) {
  return (
    <>
      {Object.keys(dataset.groups).map((g) => (
        <option key={g} value={g}>
          {g} (group)
        </option>
      ))}
      {dataset.regions.map((r) => (
        <option key={r.code} value={r.code}>
          {r.code}: {r.name}
        </option>
      ))}
    </>
  );
}

/** Every sector group then every sector of the dataset, as options. */
export function SectorOptions({ dataset }: { dataset: DatasetInfo }) {
  return (
    <>
      {Object.entries(dataset.sector_groups ?? {}).map(([g, members]) => (
        <option key={g} value={g}>
          {g} (group of {members.length})
        </option>
      ))}
      {dataset.sectors.map((s) => (
        <option key={s.code} value={s.code}>
          {s.code}: {s.name}
        </option>
      ))}
    </>
  );
}
