/**
 * The members of the aggregate regions datasets use, as ISO alpha-3 codes: one list for the data
 * builder (which maps countries into regions) and for the web app's world map (which colours a
 * country by the region that holds it). Pure data, so that the browser bundle may import it.
 */

/**
 * WIOD 2013's other EU members (agg_19x35/regions.csv): the multisector dataset's EUR, the 23 EU
 * members other than Germany, France, Italy and the United Kingdom (Croatia joined later: in ROW).
 * WIOD writes Romania ROM; it is ROU here, as in ISO.
 */
export const WIOD_OTHER_EU: readonly string[] = [
  'AUT',
  'BEL',
  'BGR',
  'CYP',
  'CZE',
  'DNK',
  'ESP',
  'EST',
  'FIN',
  'GRC',
  'HUN',
  'IRL',
  'LTU',
  'LUX',
  'LVA',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'SWE',
];

/** The ASEAN members other than Indonesia (a WIOD region) and Vietnam: multisector-2025's ASN, carved out of ROW. */
export const ASEAN_OTHER: readonly string[] = ['THA', 'MYS', 'SGP', 'PHL', 'KHM', 'MMR', 'LAO', 'BRN'];
