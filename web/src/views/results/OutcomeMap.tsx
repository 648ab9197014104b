/**
 * The map and the sector bars of a solve or timeline run (a timeline at its last step), with the
 * country picker: the chosen countries are outlined on the map and drawn in the sector bars. The
 * choice is in the address (countries=…), so the editor's and the runs page's views are
 * permalinks. A run has sector detail only for the regions of its scenario's `report.sectors`
 * (the US and China when it names none); chosen countries without it are named, with the fix.
 */
import type { CountryResult, DatasetInfo, SectorRow } from '../../api.ts';
import { hashList, setHashQuery, useHash } from '../../hash.ts';
import { CountryPicker } from '../../components/CountryPicker.tsx';
import { SectorBars, goodsSectors } from '../../components/SectorBars.tsx';
import { WorldMap } from '../../components/WorldMap.tsx';

export interface OutcomeMapProps {
  runId: string;
  countries: Record<string, CountryResult>;
  sectors?: Record<string, Record<string, SectorRow>>;
  dataset: DatasetInfo | undefined;
  /** "in the new equilibrium", "after the last step (14 Nov 2025)". */
  label: string;
  source: string;
}

export function OutcomeMap({ runId, countries, sectors, dataset, label, source }: OutcomeMapProps) {
  const hash = useHash();
  const withDetail = Object.keys(sectors ?? {});
  const defaults = withDetail.length ? withDetail : ['USA', 'CHN'].filter((c) => countries[c]);
  const chosen = hashList(hash, 'countries') ?? defaults;
  const names = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name]));
  const oneSector = (dataset?.sectors.length ?? 0) <= 1;
  const missing = oneSector ? [] : chosen.filter((c) => !sectors?.[c]);
  return (
    <section className="outcome-map" aria-label="Map and sectors" data-testid="outcome-map">
      <CountryPicker
        dataset={dataset}
        value={chosen}
        onChange={(cs) => setHashQuery({ countries: cs.join(',') === defaults.join(',') ? null : cs.join(',') }, true)}
        purpose={oneSector ? 'the map' : 'the map and the sector bars'}
        defaults={defaults}
      />
      <WorldMap
        id={`welfare-map-${runId.slice(0, 8)}`}
        title="Welfare by country"
        subtitle={`Welfare, percent change, ${label}`}
        countries={countries}
        dataset={dataset}
        source={source}
        highlight={chosen}
      />
      {sectors && chosen.some((c) => sectors[c]) && (
        <SectorBars
          sectors={sectors}
          countries={chosen}
          dataset={dataset}
          subtitle={label}
          source={source}
          goods={goodsSectors(dataset)}
        />
      )}
      {missing.length > 0 && (
        <p className="muted" data-testid="no-sector-detail">
          No sector detail for {missing.map((c) => names[c] ?? c).join(', ')} in this run: a run gives it for the
          regions of its scenario's <code>report.sectors</code>
          {withDetail.length ? ` (here ${withDetail.join(', ')})` : ' (this one names none)'}. Add them there and run
          again.
        </p>
      )}
      {oneSector && (
        <p className="muted" data-testid="no-sector-detail">
          The dataset of this run has one sector: there is no sector detail to draw.
        </p>
      )}
    </section>
  );
}
