/**
 * What happened, for the model-vs-observed table of the 2025 report. Every figure cites its row
 * of specs/timeline-2025.md; none of them is used to set a model parameter.
 */

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
  { date: '2025-01-20', pair: 'USA<-CHN', pct: 20.8, what: 'PIIE average, 20 January 2025', source: 'timeline-2025 §1a, row 20 Jan 2025' },
  { date: '2025-01-20', pair: 'CHN<-USA', pct: 21.2, what: 'PIIE, derived (32.6 − 11.4)', source: 'timeline-2025 §1a, row 20 Jan 2025' },
  { date: '2025-04-16', pair: 'USA<-CHN', pct: 124.1, what: 'PIIE average, mid-April 2025', source: 'timeline-2025 §1a, row Mid-April 2025' },
  { date: '2025-05-14', pair: 'USA<-CHN', pct: 51.1, what: 'PIIE average after Geneva', source: 'timeline-2025 §1a, row After Geneva' },
  { date: '2025-05-14', pair: 'CHN<-USA', pct: 32.6, what: 'PIIE average after Geneva', source: 'timeline-2025 §1a, row After Geneva' },
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
  { from: 'CHN', to: 'USA', window: ['2025-05-01', '2025-05-31'], pct: -34.5, what: "China's exports to the US, May 2025, year on year", source: 'timeline-2025 §4b, China customs, May 2025' },
  { from: 'USA', to: 'CHN', window: ['2025-05-01', '2025-05-31'], pct: -18, what: "China's imports from the US, May 2025, year on year", source: 'timeline-2025 §4b, China customs, May 2025' },
  { from: 'CHN', to: 'USA', window: ['2025-01-01', '2025-12-31'], pct: -20, what: "China's exports to the US, full year 2025", source: 'timeline-2025 §4b, China customs (via Sputnik citing GACC; check against GACC)' },
  { from: 'USA', to: 'CHN', window: ['2025-01-01', '2025-12-31'], pct: -14.6, what: "China's imports from the US, full year 2025", source: 'timeline-2025 §4b, China customs (via Sputnik citing GACC)' },
];
