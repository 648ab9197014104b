/**
 * What the London view's parts share: the colours of the parties and marks (Okabe–Ito, USA blue and
 * China vermillion as everywhere in the app), the three partitions in display order, and the number
 * formats of utilities (percentage points) and probabilities.
 */
import type { PartitionName } from '../../api.ts';
import { OKABE_ITO } from '../../format.ts';

export const PARTY = [OKABE_ITO.blue, OKABE_ITO.vermillion] as const;
export const RATIFIABLE = OKABE_ITO.green;
export const OTHER = '#9aa1a9';
export const KS = OKABE_ITO.purple;

export const PARTITIONS: { key: PartitionName; label: string }[] = [
  { key: 'separate', label: 'Separate' },
  { key: 'linked', label: 'Linked' },
  { key: 'full', label: 'Full linkage' },
];

const missing = (x: number | null | undefined): x is null | undefined =>
  x === null || x === undefined || !Number.isFinite(x);

/** A utility in percentage points with a true minus sign: "−0.012"; "—" when there is none. */
export const pp = (x: number | null | undefined, d = 3) =>
  missing(x) ? '—' : `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(d)}`;

/** A probability or share as a percent: "42.0%"; "—" when there is none. */
export const share = (x: number | null | undefined, d = 1) => (missing(x) ? '—' : `${(100 * x).toFixed(d)}%`);
