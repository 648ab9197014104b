/**
 * Published estimates and observed effects of China's 2025 rare-earth controls that the model is set
 * beside (critical-supply-2025.md §3, §7; timeline-2025.md §2b; satellites/ree_c, ree_d). Values as
 * printed by the sources; nothing in the model is fitted to them.
 */
export interface PublishedRow {
  id: string;
  what: string;
  value: string;
  source: string;
}

export const PUBLISHED_REE: readonly PublishedRow[] = [
  {
    id: 'ecb-partial',
    what: 'ECB: US output, 18-month partial restriction (calibrated to Apr–May 2025)',
    value: '−0.3% to −0.6%',
    source: 'ECB Occasional Paper, 31 Mar 2026 (satellites/ree_d)',
  },
  { id: 'ecb-ban', what: 'ECB: US output, near-total ban, very low substitutability', value: '≈ −2%', source: 'same' },
  {
    id: 'ford',
    what: 'Ford: Chicago Assembly idled about one week (May); "we shut down plants for three weeks" (CEO, Jun)',
    value: '1–3 weeks',
    source: 'CBT News; Ford Authority (satellites/ree_c)',
  },
  {
    id: 'suzuki',
    what: 'Suzuki: Swift production halted 26 May, full restart after 16 Jun',
    value: '≈ 3 weeks',
    source: 'Reuters via The Japan News, 6 Jun 2025',
  },
  {
    id: 'clepa',
    what: 'CLEPA: European supplier lines shut by 4 Jun; more "in the next three to four weeks"',
    value: 'early Jun – early Jul',
    source: 'CLEPA press release, 4 Jun 2025',
  },
  {
    id: 'magnet-exports',
    what: "China's magnet exports, May 2025, y/y",
    value: '−74%',
    source: 'Automotive World citing WSJ (timeline-2025 §2b)',
  },
  {
    id: 'eu-price',
    what: 'European magnet prices over Chinese domestic prices',
    value: '6×',
    source: 'IEA commentary, 23 Oct 2025 (timeline-2025 §2b)',
  },
];
