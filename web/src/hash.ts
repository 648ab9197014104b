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
