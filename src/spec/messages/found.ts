/** How messages quote a value that was found (not a message itself: the catalogue's messages use it). */

/**
 * A value as a message quotes it: numbers and words as they are, strings quoted (cut at 40), lists
 * and mappings by kind.
 */
export function foundValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}
