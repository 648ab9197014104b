/** Browser stand-in for node:fs: the bundled scenario parser never reads files in the browser. */
export function readFileSync(): never {
  throw new Error('Expected no file access in the browser, found a call to readFileSync');
}

/** Browser stand-in for statSync (never called: see readFileSync). */
export function statSync(): never {
  throw new Error('Expected no file access in the browser, found a call to statSync');
}
