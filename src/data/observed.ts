/**
 * What happened, for the model-vs-observed table of the 2025 report. Every figure cites its row
 * of specs/timeline-2025.md; none of them is used to set a model parameter.
 */
import type { ObservedPoint } from '../contract/report.ts';

/**
 * A monthly (or longer) observation of a flow, year on year (the contract's,
 * src/contract/report.ts): the points the monthly paths are set against.
 */
export type { ObservedPoint } from '../contract/report.ts';

export interface ObservedTariff {
  /** The step date at which the figure holds (the scenario's step of that date). */
  date: string;
  /** "USA<-CHN": US tariff on goods from China. */
  pair: 'USA<-CHN' | 'CHN<-USA';
  pct: number;
  what: string;
  source: string;
}

export const OBSERVED_TARIFFS: ObservedTariff[] = [
  {
    date: '2025-01-20',
    pair: 'USA<-CHN',
    pct: 20.8,
    what: 'PIIE average, 20 January 2025',
    source: 'timeline-2025 §1a, row 20 Jan 2025',
  },
  {
    date: '2025-01-20',
    pair: 'CHN<-USA',
    pct: 21.2,
    what: 'PIIE, derived (32.6 − 11.4)',
    source: 'timeline-2025 §1a, row 20 Jan 2025',
  },
  {
    date: '2025-04-16',
    pair: 'USA<-CHN',
    pct: 124.1,
    what: 'PIIE average, mid-April 2025',
    source: 'timeline-2025 §1a, row Mid-April 2025',
  },
  {
    date: '2025-05-14',
    pair: 'USA<-CHN',
    pct: 51.1,
    what: 'PIIE average after Geneva',
    source: 'timeline-2025 §1a, row After Geneva',
  },
  {
    date: '2025-05-14',
    pair: 'CHN<-USA',
    pct: 32.6,
    what: 'PIIE average after Geneva',
    source: 'timeline-2025 §1a, row After Geneva',
  },
];

export interface ObservedTrade {
  /** Flow: exports of `from` to `to`, goods. */
  from: string;
  to: string;
  /** Window the observation covers (inclusive dates). */
  window: [string, string];
  pct: number;
  what: string;
  source: string;
}

export const OBSERVED_TRADE: ObservedTrade[] = [
  {
    from: 'CHN',
    to: 'USA',
    window: ['2025-05-01', '2025-05-31'],
    pct: -34.5,
    what: "China's exports to the US, May 2025, year on year",
    source: 'timeline-2025 §4b, China customs, May 2025',
  },
  {
    from: 'USA',
    to: 'CHN',
    window: ['2025-05-01', '2025-05-31'],
    pct: -18,
    what: "China's imports from the US, May 2025, year on year",
    source: 'timeline-2025 §4b, China customs, May 2025',
  },
  {
    from: 'CHN',
    to: 'USA',
    window: ['2025-01-01', '2025-12-31'],
    pct: -20,
    what: "China's exports to the US, full year 2025",
    source: 'timeline-2025 §4b, China customs (via Sputnik citing GACC; check against GACC)',
  },
  {
    from: 'USA',
    to: 'CHN',
    window: ['2025-01-01', '2025-12-31'],
    pct: -14.6,
    what: "China's imports from the US, full year 2025",
    source: 'timeline-2025 §4b, China customs (via Sputnik citing GACC)',
  },
];

const month = (m: string): [string, string] => {
  const [y, mm] = m.split('-').map(Number);
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  return [`${m}-01`, `${m}-${String(last).padStart(2, '0')}`];
};
const gacc = (m: string, pct: number, source: string): ObservedPoint => ({
  from: 'CHN',
  to: 'USA',
  period: m,
  window: month(m),
  pct,
  source,
});

/**
 * China's exports to the US, year on year, every month of 2025 the facts give (China customs, GACC;
 * China-reported, one mirror side throughout: critical-supply-2025 §6 "use one mirror side").
 * January–March are not sourced month by month. The first half is what `lancaster fit` may use;
 * the second half is only ever predicted.
 */
export const OBSERVED_CHN_USA_MONTHLY: ObservedPoint[] = [
  gacc('2025-04', -21, 'critical-supply-2025 §6 (GACC, Apr −21%, $33.0bn)'),
  gacc('2025-05', -34.5, 'timeline-2025 §4b, China customs, May 2025'),
  gacc('2025-06', -16.1, 'critical-supply-2025 §6 (GACC, Jun −16.1%, $38.17bn)'),
  gacc('2025-07', -21.7, 'timeline-2025 §4b, China customs Jul–Oct'),
  gacc('2025-08', -33.1, 'timeline-2025 §4b, China customs Jul–Oct'),
  gacc('2025-09', -27, 'timeline-2025 §4b, China customs Jul–Oct'),
  gacc('2025-10', -25.2, 'timeline-2025 §4b, China customs Jul–Oct'),
  gacc('2025-11', -28.6, 'critical-supply-2025 §6 (GACC, Nov −28.6%)'),
  gacc('2025-12', -30, 'critical-supply-2025 §6 (GACC, Dec −30%, $34.2bn)'),
];

/** Longer windows of the same flow. */
export const OBSERVED_CHN_USA_WINDOWS: ObservedPoint[] = [
  {
    from: 'CHN',
    to: 'USA',
    period: 'H1 2025',
    window: ['2025-01-01', '2025-06-30'],
    pct: -10.9,
    source: 'critical-supply-2025 §6 (GACC, H1 −10.9%, $215.55bn)',
  },
  {
    from: 'CHN',
    to: 'USA',
    period: '2025',
    window: ['2025-01-01', '2025-12-31'],
    pct: -20,
    source: 'timeline-2025 §4b, China customs, full year 2025',
  },
];

/**
 * US average tariff on all imports (Trade War Tracker, daily-tariff-latest-data.csv: import-weighted
 * with 2024 weights, 2.3% on 1 January 2025), as increases over 1 January, on step dates.
 */
export const OBSERVED_US_ALL: { date: string; increase: number; level: number; source: string }[] = [
  {
    date: '2025-04-10',
    increase: 27.1 - 2.3,
    level: 27.1,
    source: 'us_tariff_tracker_2025/daily-tariff-latest-data.csv line 101 (27.10%)',
  },
  {
    date: '2025-05-14',
    increase: 14.29 - 2.3,
    level: 14.29,
    source: 'us_tariff_tracker_2025/daily-tariff-latest-data.csv line 135 (14.29%)',
  },
  {
    date: '2025-08-07',
    increase: 18.89 - 2.3,
    level: 18.89,
    source: 'us_tariff_tracker_2025/daily-tariff-latest-data.csv line 220 (18.89%)',
  },
  {
    date: '2025-11-14',
    increase: 14.77 - 2.3,
    level: 14.77,
    source: 'us_tariff_tracker_2025/daily-tariff-latest-data.csv line 319 (14.77%)',
  },
];

/** Published model estimates on measures the model reports (timeline-2025 §6, critical-supply-2025 §7). */
export interface PublishedEstimate {
  who: string;
  /** The scenario step date whose policy is closest to the estimate's scenario. */
  date: string;
  measure: 'prices_pct' | 'real_gdp_pct' | 'real_income_pct' | 'trade';
  country?: string;
  pair?: string;
  value: number;
  what: string;
  source: string;
  /** How the model number is read (horizon, proxy). */
  note: string;
}

export const PUBLISHED: PublishedEstimate[] = [
  {
    who: 'Yale Budget Lab (Apr 2025)',
    date: '2025-04-08',
    measure: 'real_gdp_pct',
    country: 'USA',
    value: -0.6,
    what: 'US GDP level, long run (2 Apr tariffs, with retaliation)',
    source: 'timeline-2025 §6',
    note: "model: long-run equilibrium of the tracker's Annex I state; retaliation other than China's not modelled",
  },
  {
    who: 'Yale Budget Lab (Apr 2025)',
    date: '2025-04-08',
    measure: 'trade',
    pair: 'USA->*',
    value: -18.1,
    what: 'US exports',
    source: 'timeline-2025 §6',
    note: 'model: US goods exports to all, long run',
  },
  {
    who: 'Kiel KITE (Apr 2025)',
    date: '2025-04-08',
    measure: 'real_gdp_pct',
    country: 'USA',
    value: -1.7,
    what: 'US output within a year (2 Apr tariffs)',
    source: 'critical-supply-2025 §7',
    note: 'model: path after 12 months would be needed; shown: long-run equilibrium',
  },
  {
    who: 'Kiel KITE (Apr 2025)',
    date: '2025-04-08',
    measure: 'prices_pct',
    country: 'USA',
    value: 7,
    what: 'US prices (">7%")',
    source: 'critical-supply-2025 §7',
    note: 'model: CPI (final-demand price index, tariff-inclusive)',
  },
  {
    who: 'Kiel KITE (Apr 2025)',
    date: '2025-04-08',
    measure: 'trade',
    pair: 'USA->*',
    value: -20,
    what: 'US exports ("≈ −20%")',
    source: 'critical-supply-2025 §7',
    note: 'model: US goods exports to all',
  },
  {
    who: 'WTO (16 Apr 2025)',
    date: '2025-04-16',
    measure: 'trade',
    pair: 'CHN->USA',
    value: -81,
    what: 'US–China merchandise trade',
    source: 'timeline-2025 §6',
    note: 'model: China → US only, at the mid-April peak',
  },
  {
    who: 'WTO (16 Apr 2025)',
    date: '2025-04-16',
    measure: 'trade',
    pair: '*->USA',
    value: -9.6,
    what: 'North American imports',
    source: 'timeline-2025 §6',
    note: 'model: US goods imports',
  },
  {
    who: 'Yale Budget Lab (12 May 2025)',
    date: '2025-05-14',
    measure: 'prices_pct',
    country: 'USA',
    value: 1.7,
    what: 'US prices, short run',
    source: 'timeline-2025 §6',
    note: 'model: CPI',
  },
  {
    who: 'Yale Budget Lab (12 May 2025)',
    date: '2025-05-14',
    measure: 'real_gdp_pct',
    country: 'USA',
    value: -0.4,
    what: 'US GDP level, long run',
    source: 'timeline-2025 §6',
    note: 'model: long-run equilibrium after Geneva',
  },
  {
    who: 'Yale Budget Lab (12 May 2025)',
    date: '2025-05-14',
    measure: 'real_gdp_pct',
    country: 'CHN',
    value: -0.3,
    what: 'China GDP ("around 0.3%", secondary)',
    source: 'timeline-2025 §6',
    note: 'model: long-run equilibrium after Geneva',
  },
  {
    who: 'Yale Budget Lab (Jul 2025)',
    date: '2025-08-07',
    measure: 'prices_pct',
    country: 'USA',
    value: 1.8,
    what: 'US prices (all tariffs incl. copper and 1 Aug letters)',
    source: 'critical-supply-2025 §7',
    note: 'model: CPI after 7 August',
  },
  {
    who: 'Yale Budget Lab (4 Sep 2025)',
    date: '2025-08-07',
    measure: 'real_gdp_pct',
    country: 'USA',
    value: -0.4,
    what: 'US GDP level, long run (tariffs through 3 Sep)',
    source: 'critical-supply-2025 §7',
    note: 'model: long-run equilibrium after 7 August',
  },
  {
    who: 'IMF WEO (Apr 2025)',
    date: '2025-04-16',
    measure: 'real_gdp_pct',
    country: 'USA',
    value: -0.4,
    what: 'US growth 2025, the part directly from tariffs (pp)',
    source: 'timeline-2025 §6',
    note: 'a growth revision against a level change; indicative',
  },
  {
    who: 'IMF WEO (Apr 2025)',
    date: '2025-04-16',
    measure: 'real_gdp_pct',
    country: 'CHN',
    value: -0.6,
    what: 'China growth 2025 revision (pp, all causes)',
    source: 'timeline-2025 §6',
    note: 'a forecast revision, not only tariffs; indicative',
  },
  {
    who: 'WTO (7 Oct 2025)',
    date: '2025-11-14',
    measure: 'trade',
    pair: '*->USA',
    value: -4.9,
    what: 'North American imports 2025',
    source: 'critical-supply-2025 §7',
    note: 'model: US goods imports, final state',
  },
];
