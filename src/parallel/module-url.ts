/**
 * Module URLs that hold both from the sources and from the compiled build. Worker threads and run
 * handlers are found by URL, and the sources name them `foo.ts` while the build (dist/, what
 * `bin/lancaster.js` and the package's exports run) holds `foo.js`: when this file runs compiled, a
 * `.ts` module URL becomes its `.js` twin. Plain `new URL('./worker.ts', import.meta.url)` would
 * point the compiled code at a file that is not there.
 */

/** True when this code runs from the tsc build rather than through tsx/vitest on the sources. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * The URL of the module `specifier` relative to `base`, with `.ts` turned into `.js` when compiled.
 *
 * @example
 * ```ts
 * const worker = moduleUrl('./worker.ts', import.meta.url); // …/src/exec/worker.ts or …/dist/exec/worker.js
 * ```
 */
export function moduleUrl(specifier: string, base: string | URL): URL {
  return runnableUrl(new URL(specifier, base));
}

/**
 * `url` itself, or its `.js` twin when this code runs compiled and `url` names a `.ts` file.
 *
 * @example
 * ```ts
 * new Worker(runnableUrl(new URL('./worker.ts', import.meta.url)));
 * ```
 */
export function runnableUrl(url: URL): URL {
  if (!COMPILED || !url.pathname.endsWith('.ts') || url.pathname.endsWith('.d.ts')) return url;
  const out = new URL(url.href);
  out.pathname = `${url.pathname.slice(0, -3)}.js`;
  return out;
}
