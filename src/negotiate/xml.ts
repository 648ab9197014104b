/**
 * A small XML parser for the GENIUS subset: elements, attributes (single or
 * double quoted), self-closing tags, text, comments, CDATA, processing
 * instructions and a DOCTYPE line (skipped), and the five predefined entities
 * plus numeric character references. No namespaces, no DTD validation.
 *
 * Written here instead of adding a dependency; errors carry the source name
 * and the line number so a broken profile points at its own text.
 */

/** One parsed element. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated text directly inside the element (trimmed). */
  readonly text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: () => string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const r = ENTITIES[e];
    if (r === undefined) throw new SyntaxError(`${where()}: expected a known XML entity, found "&${e};".`);
    return r;
  });
}

/**
 * Parse an XML document and return its root element.
 *
 * @param source - name used in error messages (usually the file path)
 * @example
 * ```ts
 * parseXml('<a x="1"><b/></a>').children[0].name; // 'b'
 * ```
 */
export function parseXml(text: string, source = 'XML input'): XmlElement {
  let pos = 0;
  const lineAt = (p: number): number => {
    let n = 1;
    for (let i = 0; i < p && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  const fail = (expected: string, p = pos): never => {
    const found = p >= text.length ? 'end of input' : JSON.stringify(text.slice(p, p + 20));
    throw new SyntaxError(`${source}, line ${lineAt(p)}: expected ${expected}, found ${found}.`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('"-->" closing a comment');
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos + 2);
        if (end < 0) fail('"?>" closing a processing instruction');
        pos = end + 2;
      } else if (text.startsWith('<!DOCTYPE', pos)) {
        const end = text.indexOf('>', pos);
        if (end < 0) fail('">" closing the DOCTYPE');
        pos = end + 1;
      } else return;
    }
  };
  const nameRe = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const readName = (): string => {
    nameRe.lastIndex = pos;
    const m = nameRe.exec(text);
    if (!m) return fail('a tag or attribute name');
    pos += m[0].length;
    return m[0];
  };
  const skipWs = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };

  const parseElement = (): XmlElement => {
    const start = pos;
    if (text[pos] !== '<') fail('"<" starting an element');
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipWs();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '', line: lineAt(start) };
      }
      if (text[pos] === '>') {
        pos++;
        break;
      }
      const attr = readName();
      skipWs();
      if (text[pos] !== '=') fail(`"=" after attribute "${attr}"`);
      pos++;
      skipWs();
      const q = text[pos];
      if (q !== '"' && q !== "'") fail(`a quoted value for attribute "${attr}"`);
      const end = text.indexOf(q, pos + 1);
      if (end < 0) fail(`a closing quote for attribute "${attr}"`);
      attributes[attr] = decode(text.slice(pos + 1, end), () => `${source}, line ${lineAt(pos)}`);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let body = '';
    for (;;) {
      if (pos >= text.length) fail(`"</${name}>" closing the element opened on line ${lineAt(start)}`);
      if (text.startsWith('</', pos)) {
        pos += 2;
        const close = readName();
        if (close !== name) fail(`"</${name}>" closing the element opened on line ${lineAt(start)}`, pos - close.length - 2);
        skipWs();
        if (text[pos] !== '>') fail(`">" ending "</${name}"`);
        pos++;
        return { name, attributes, children, text: body.trim(), line: lineAt(start) };
      }
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('"-->" closing a comment');
        pos = end + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos);
        if (end < 0) fail('"]]>" closing a CDATA section');
        body += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos);
        if (end < 0) fail('"?>" closing a processing instruction');
        pos = end + 2;
      } else if (text[pos] === '<') {
        children.push(parseElement());
      } else {
        const next = text.indexOf('<', pos);
        const chunk = text.slice(pos, next < 0 ? text.length : next);
        body += decode(chunk, () => `${source}, line ${lineAt(pos)}`);
        pos += chunk.length;
      }
    }
  };

  // Strip a UTF-8 byte-order mark, common in files saved on Windows.
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  skipMisc();
  if (pos >= text.length) fail('a root element');
  const root = parseElement();
  skipMisc();
  if (pos < text.length) fail('end of input after the root element');
  return root;
}

/** Depth-first search for all descendants (and self) with the given tag name. */
export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  if (el.name === name) out.push(el);
  for (const c of el.children) findAll(c, name, out);
  return out;
}
