/**
 * World map of a result: each country in the colour of its dataset region's value (welfare by
 * default), on a diverging orange–purple scale centred on zero (symlog, so third countries'
 * small gains stay visible next to the large losses of the two parties).
 */
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import type { CountryResult, DatasetInfo } from '../api.ts';
import { DIVERGING_SCHEME, pct } from '../format.ts';
import { featureIso, regionOf } from '../geo/regions.ts';
import { Figure } from './Figure.tsx';

type CountryFeature = Feature<Geometry, { name: string }>;

const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const COUNTRIES = (feature(topo, topo.objects.countries).features as CountryFeature[]).filter(
  (f) => f.properties.name !== 'Antarctica',
);

export interface WorldMapProps {
  id?: string;
  title: string;
  /** What is coloured, e.g. "at 10 Apr 2025". */
  subtitle: string;
  countries: Record<string, CountryResult>;
  dataset: DatasetInfo | undefined;
  field?: string;
  source: string;
  /** Regions chosen in the country picker: outlined on the map and listed under it. */
  highlight?: string[];
}

/** What the map draws: the dataset's regions and names, each country's value, and the chosen ones. */
interface MapData {
  regions: string[];
  names: Record<string, string>;
  /** The value of the country's region; undefined for a country not in the dataset. */
  valueAt: (f: CountryFeature) => number | undefined;
  isChosen: (f: CountryFeature) => boolean;
  /** Half the colour scale's width: the largest magnitude of the values. */
  extent: number;
}

/** The map at `width`: countries coloured by value (grey: not in the dataset), the chosen ones outlined, tips. */
function mapPlot(width: number, { regions, names, valueAt, isChosen, extent }: MapData) {
  return Plot.plot({
    width,
    height: Math.round(width * 0.5),
    projection: { type: 'equal-earth', domain: { type: 'Sphere' } },
    color: {
      type: 'diverging-symlog',
      scheme: DIVERGING_SCHEME,
      reverse: true,
      domain: [-extent, extent],
      pivot: 0,
      constant: 0.01,
      legend: true,
      label: 'Welfare, % change (orange: loss, purple: gain)',
      ticks: [-extent, -extent / 10, 0, extent / 10, extent],
      tickFormat: (v: number) => pct(v, 2),
      width: Math.min(420, width),
    } as Plot.ScaleOptions,
    marks: [
      Plot.sphere({ fill: '#f4f6f8', stroke: '#c8ccd0' }),
      Plot.geo(COUNTRIES, { fill: (f: CountryFeature) => valueAt(f) ?? null, stroke: '#fff', strokeWidth: 0.5 }),
      Plot.geo(
        COUNTRIES.filter((f) => valueAt(f) === undefined),
        { fill: '#d9d9d9', stroke: '#fff', strokeWidth: 0.5 },
      ),
      Plot.geo(COUNTRIES.filter(isChosen), { fill: null, stroke: '#1b1f24', strokeWidth: 1.4 }),
      Plot.tip(
        COUNTRIES,
        Plot.pointer(
          Plot.geoCentroid({
            title: (f: CountryFeature) => {
              const r = regionOf(featureIso(f), regions);
              const named = r && r !== featureIso(f) ? ` (${names[r] ?? r})` : '';
              return `${f.properties.name}\n${r ? `region ${r}${named}: ${pct(valueAt(f))}` : 'not in the dataset'}`;
            },
          }),
        ),
      ),
    ],
  });
}

export function WorldMap({
  id = 'welfare-map',
  title,
  subtitle,
  countries,
  dataset,
  field = 'welfare_pct',
  source,
  highlight = [],
}: WorldMapProps) {
  const regions = dataset?.regions.map((r) => r.code) ?? Object.keys(countries);
  const names = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name]));
  const valueAt = (f: CountryFeature) => {
    const r = regionOf(featureIso(f), regions);
    return r ? countries[r]?.[field] : undefined;
  };
  const values = regions.map((r) => countries[r]?.[field]).filter((v): v is number => typeof v === 'number');
  const extent = Math.max(0.01, ...values.map(Math.abs));
  const chosen = new Set(highlight);
  const isChosen = (f: CountryFeature) => {
    const r = regionOf(featureIso(f), regions);
    return r !== undefined && chosen.has(r);
  };
  const rows = regions
    .filter((r) => typeof countries[r]?.[field] === 'number')
    .map((r) => ({ region: r, name: names[r] ?? r, [field]: countries[r][field] as number }));
  return (
    <Figure
      id={id}
      title={title}
      description={
        `${subtitle}. Each country takes the value of its region in the dataset (other EU members: EUR; the ` +
        `rest of the world: ROW). Orange is a loss, purple a gain; grey: not in the dataset.`
      }
      render={(width) => mapPlot(width, { regions, names, valueAt, isChosen, extent })}
      rows={rows}
      format={{ [field]: (v) => pct(v as number, 3) }}
      legend={highlight.length ? [{ label: 'outlined: the chosen countries', color: '#1b1f24', shape: 'band' }] : []}
      source={source}
      deps={[countries, dataset, field, highlight.join(',')]}
    >
      {highlight.length > 0 && (
        <ul className="chosen-values" data-testid="map-chosen">
          {highlight.map((c) => (
            <li key={c}>
              <strong>{names[c] ?? c}</strong> {pct(countries[c]?.[field], 2)}
            </li>
          ))}
        </ul>
      )}
    </Figure>
  );
}
