/** The 2025 one-sector model (Ignatenko, Macedoni, Lashkaripour & Simonovska 2025): public API. */
export { solveOneSector2025, MODEL_ID, type OneSector2025Solution } from './solve.ts';
export type { OneSector2025Options } from './economy.ts';
export {
  usOptimalTariff, optimalRetaliationTariff, applyTariffPreset, buildTariffMatrix, PAPER_CASES, TARIFF_PRESETS,
  type TariffPreset, type PresetEntry,
} from './tariffs.ts';
export { calibrateBaseline, type OneSectorBaseline } from './baseline.ts';
export { INDICATORS, type Indicator } from './outcomes.ts';
