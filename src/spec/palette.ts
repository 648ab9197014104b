/**
 * The one colour scheme of the web app and the HTML report (so the two never disagree): Okabe–Ito
 * colours, distinguishable with the common colour-vision deficiencies, one per region drawn as a
 * series, and the rule that a series takes the colour of the country that acts — the importer for
 * a tariff (`USA<-CHN`: the US on China, US blue), the exporter for a trade flow (`CHN->USA`:
 * China's exports, China vermillion), the country itself for its welfare. Text drawn in a series
 * colour uses `textColour`, darkened until it reads at WCAG AA (4.5:1) on white.
 *
 * Plain constants and pure functions with no imports: the web app may import this module's values
 * (the one exception to its types-only rule, .dependency-cruiser.cjs).
 */
import * as msg from './messages/run.ts';

/** Okabe & Ito (2008). */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  orange: '#E69F00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Neutral grey of reference series (equilibria, other deals). */
export const GREY = '#767676';

/** Colours of the regions drawn as series (others fall back to grey). */
const REGION_COLOURS: Readonly<Record<string, string>> = {
  USA: OKABE_ITO.blue,
  CHN: OKABE_ITO.vermillion,
  EU: OKABE_ITO.green,
  JPN: OKABE_ITO.purple,
  KOR: OKABE_ITO.orange,
  TWN: OKABE_ITO.sky,
  MEX: '#7a5c00',
  CAN: '#555555',
  IND: '#8c6bb1',
};

export const regionColour = (code: string): string => REGION_COLOURS[code] ?? '#8a8a8a';

/**
 * Colour of a directed pair key of a result: `A<-B` (A's tariff on B) is A's colour, `A->B` (A's
 * exports to B) is A's colour too: the acting country's.
 */
export function directionColour(key: string): string {
  const m = /^([A-Z0-9]+)\s*(<-|->)\s*([A-Z0-9*]+)$/.exec(key);
  if (!m) throw new Error(msg.directedPairSuch(JSON.stringify(key)));
  return regionColour(m[1]);
}

/** Diverging colours of losses and gains (the map, sign-coloured bars): orange losses, purple gains (PuOr). */
export const LOSS = '#b35806';
export const GAIN = '#542788';
export const DIVERGING_SCHEME = 'PuOr';

const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(channel(hex, 0)) + 0.7152 * lin(channel(hex, 1)) + 0.0722 * lin(channel(hex, 2));
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour darkened (towards black, hue kept) until its contrast on `background` is at least `ratio`. */
export function textColour(hex: string, background = '#ffffff', ratio = 4.5): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new Error(msg.rrggbbColour(JSON.stringify(hex)));
  let f = 1;
  const at = (x: number) =>
    `#${[0, 1, 2]
      .map((k) =>
        Math.round(channel(hex, k) * x)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  while (contrast(at(f), background) < ratio && f > 0) f = Math.max(0, f - 0.02);
  return at(f);
}
