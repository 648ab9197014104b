/** Escaping of text for the HTML and SVG the reports write. */

/** `s` safe inside HTML/SVG text and double-quoted attributes. */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
