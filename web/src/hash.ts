/**
 * The hash route of the app (#/editor?x=1), as React state: the shell and the views read it from
 * here (not from App.tsx, which imports the views: no import cycle).
 */
import { useEffect, useState } from 'react';

/** The route of the hash (#/editor?x=1 → editor). */
export const routeOf = (hash: string) => hash.replace(/^#\/?/, '').split('?')[0];

/** The current location.hash, updated on every hashchange (links, back/forward, edits). */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The query of a hash (#/runs?id=x → {id: x}). */
export const hashQuery = (hash: string) => new URLSearchParams(hash.split('?')[1] ?? '');

/**
 * Sets parameters of the current route's query (null removes one), so the view's state is its
 * address (a permalink). `push` adds a history entry (back returns to the previous state); else
 * the entry is replaced (event-by-event browsing does not fill the history). Lists keep their
 * commas readable (countries=USA,CHN).
 */
export function setHashQuery(patch: Record<string, string | null>, push = false): void {
  const [path, q] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(q ?? '');
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString().replace(/%2C/g, ',');
  const next = `#/${path}${query ? `?${query}` : ''}`;
  if (next === location.hash || (next === '#/' && location.hash === '')) return;
  if (push) {
    location.hash = next;
    return;
  }
  history.replaceState(history.state, '', next);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A comma-separated list parameter of the hash (countries=USA,CHN), or null when absent. */
export function hashList(hash: string, key: string): string[] | null {
  const v = hashQuery(hash).get(key);
  return v === null
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
