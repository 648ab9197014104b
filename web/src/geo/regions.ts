/**
 * Maps the regions of a dataset to the countries of the world map: a country is drawn in the colour
 * of its own region when the dataset has it, else of the aggregate that holds it (the multisector
 * dataset's EUR = the 23 other EU members of WIOD 2013, ASN = the rest of ASEAN, then ROW = the rest of the world).
 */
import { ASEAN_OTHER, WIOD_OTHER_EU } from '../../../src/spec/regions.ts';
import { ISO_NUMERIC } from './iso.ts';

/** Aggregate regions some datasets use, and the ISO codes they hold (ROW: everything not listed). */
const AGGREGATES: Record<string, readonly string[]> = { EUR: WIOD_OTHER_EU, ASN: ASEAN_OTHER };

/** Features of world-atlas without an ISO id, by name. */
const BY_NAME: Record<string, string> = { 'N. Cyprus': 'CYP', Somaliland: 'SOM', Kosovo: 'XKX' };

const NUMERIC_TO_ISO = new Map([...ISO_NUMERIC].map(([a, n]) => [n, a]));

/** ISO alpha-3 of a world-atlas feature. */
export function featureIso(f: { id?: string | number; properties?: { name?: string } | null }): string | undefined {
  if (f.id !== undefined) return NUMERIC_TO_ISO.get(String(f.id).padStart(3, '0'));
  return BY_NAME[f.properties?.name ?? ''];
}

/**
 * The dataset region that represents country `iso`, or undefined when the dataset covers it with
 * no region (no ROW).
 */
export function regionOf(iso: string | undefined, regions: readonly string[]): string | undefined {
  if (!iso) return regions.includes('ROW') ? 'ROW' : undefined;
  if (regions.includes(iso)) return iso;
  for (const [agg, members] of Object.entries(AGGREGATES))
    if (regions.includes(agg) && members.includes(iso)) return agg;
  return regions.includes('ROW') ? 'ROW' : undefined;
}
