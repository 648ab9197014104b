/**
 * The levers a user starts an issue from: the London file's (rare-earth approvals, chip controls,
 * the US and Chinese tariffs, the farm-tariff stand-in for purchase commitments), offered when their
 * owner is one of the delegations, and for any pair a tariff each way and any tariff or export control.
 */
import type { IssueDraft } from './setup.ts';

/** Why a purchase commitment is not a lever, and what stands in for it. */
export const PURCHASE_NOTE =
  'Purchase commitments are not a lever of the model. The multisector model is a general equilibrium in prices: ' +
  'each country buys what its prices make it choose, so there is no instrument that fixes how much China buys ' +
  'from the United States. The London file stands in for them with China’s cut of its tariff on US farm goods ' +
  '(c1), a price lever; add it as a tariff issue if you want the stand-in, and read its results as a tariff cut.';

/** A lever a user starts an issue from. */
export type Preset = Omit<IssueDraft, 'key' | 'agreement'>;

/** The London file's levers (US–China). */
export const PRESETS = {
  ree: {
    id: 'ree',
    label: 'China’s rare-earth licence approval rate (exports to every destination)',
    kind: 'export_control',
    owner: 'CHN',
    from: ['CHN'],
    to: '*',
    sectors: ['REE'],
    mode: 'set',
    grid: '25, 40, 60, 80, 100',
  },
  chips: {
    id: 'chips',
    label: 'US chip-control easing, added to the approval of SEMI exports to China from TWN (0.83) and the USA (1)',
    kind: 'export_control',
    owner: 'USA',
    from: ['TWN', 'USA'],
    to: 'CHN',
    sectors: ['SEMI'],
    mode: 'add',
    grid: '-23, -13, 0, 7, 17',
  },
  us_tariff: {
    id: 'us_tariff',
    label: 'US tariff on Chinese goods, points added to the current rates',
    kind: 'tariff',
    owner: 'USA',
    from: ['USA'],
    to: 'CHN',
    sectors: ['goods'],
    mode: 'add',
    grid: '-10, -5, 0',
  },
  cn_tariff: {
    id: 'cn_tariff',
    label: 'China’s tariff on US goods, points added to the current rates',
    kind: 'tariff',
    owner: 'CHN',
    from: ['CHN'],
    to: 'USA',
    sectors: ['goods'],
    mode: 'add',
    grid: '-10, -5, 0',
  },
  farm: {
    id: 'farm',
    label: 'China’s cut of its tariff on US farm goods (c1): the London file’s stand-in for purchase commitments',
    kind: 'tariff',
    owner: 'CHN',
    from: ['CHN'],
    to: 'USA',
    sectors: ['c1'],
    mode: 'add',
    grid: '-10.8, -5, 0',
  },
} satisfies Record<string, Preset>;

/** One entry of the "Add a lever" list. */
export interface LeverChoice {
  id: string;
  label: string;
  preset: Preset;
}

const tariffOn = (id: string, importer: string, exporter: string, names: Record<string, string>): Preset => ({
  id,
  label:
    `${names[importer] ?? importer}’s tariff on goods from ` +
    `${names[exporter] ?? exporter}, points added to the current rates`,
  kind: 'tariff',
  owner: importer,
  from: [importer],
  to: exporter,
  sectors: ['goods'],
  mode: 'add',
  grid: '-10, -5, 0',
});

/** The levers to add for the delegations `a` and `b` (names: region and group names by code). */
export function leverChoices(a: string, b: string, names: Record<string, string>): LeverChoice[] {
  const has = (c: string) => a === c || b === c;
  const out: LeverChoice[] = [];
  if (has('CHN'))
    out.push({
      id: 'ree',
      label: 'Rare-earth licence approvals (China → every destination, REE)',
      preset: PRESETS.ree,
    });
  if (has('USA'))
    out.push({ id: 'chips', label: 'Chip export controls (TWN and USA → China, SEMI)', preset: PRESETS.chips });
  const id = (x: string) => x.toLowerCase();
  for (const [m, x] of [
    [a, b],
    [b, a],
  ])
    out.push({
      id: `${id(m)}_tariff`,
      label: `${names[m] ?? m}’s tariff on goods from ${names[x] ?? x}`,
      preset: tariffOn(`${id(m)}_tariff`, m, x, names),
    });
  out.push(
    {
      id: 'tariff',
      label: 'Another tariff (any importer, exporter and sectors)',
      preset: { ...tariffOn('tariff', a, b, names), label: '', sectors: [], grid: '-10, 0, 10' },
    },
    {
      id: 'control',
      label: 'Another export control (any origin, destination and sectors)',
      preset: {
        id: 'control',
        label: '',
        kind: 'export_control',
        owner: a,
        from: [a],
        to: b,
        sectors: ['SEMI'],
        mode: 'add',
        grid: '-20, 0',
      },
    },
  );
  return out;
}

/** A new issue from a preset, with an id not yet taken. */
export function newIssue(p: Preset, taken: readonly IssueDraft[], key: number): IssueDraft {
  let id = p.id;
  for (let k = 2; taken.some((i) => i.id === id); k++) id = `${p.id}_${k}`;
  return { ...p, id, from: [...p.from], sectors: [...p.sectors], key, agreement: 1 };
}
