/** The 2025 one-sector model (Ignatenko, Macedoni, Lashkaripour & Simonovska 2025): public API. */
export { solveOneSector2025 } from './solve.ts';
export type { OneSector2025Options } from './economy.ts';
export { usOptimalTariff, optimalRetaliationTariff, PAPER_CASES, TARIFF_PRESETS } from './tariffs.ts';
