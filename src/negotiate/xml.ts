/**
 * A small XML parser for the GENIUS subset: elements, attributes (single or
 * double quoted), self-closing tags, text, comments, CDATA, processing
 * instructions and a DOCTYPE line (skipped), and the five predefined entities
 * plus numeric character references. No namespaces, no DTD validation.
 *
 * Written here instead of adding a dependency; errors carry the source name
 * and the line number so a broken profile points at its own text.
 */
import * as msg from '../spec/messages/negotiate.ts';

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
    if (r === undefined) throw new SyntaxError(msg.expectedKnownXml(where(), e));
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
  const r = new XmlReader(text, source);
  // Strip a UTF-8 byte-order mark, common in files saved on Windows.
  if (text.charCodeAt(0) === 0xfeff) r.pos = 1;
  r.skipMisc();
  if (r.atEnd()) r.fail('a root element');
  const root = r.element();
  r.skipMisc();
  if (!r.atEnd()) r.fail('end of input after the root element');
  return root;
}

/** Markup skipped where it appears: [opening, closing, what the closing is called in errors]. */
const COMMENT = ['<!--', '-->', '"-->" closing a comment'] as const;
const PROCESSING = ['<?', '?>', '"?>" closing a processing instruction'] as const;
const DOCTYPE = ['<!DOCTYPE', '>', '">" closing the DOCTYPE'] as const;

/** A cursor over the document text; each method reads one construct and moves past it. */
class XmlReader {
  pos = 0;
  readonly #nameRe = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  lineAt(p: number): number {
    let n = 1;
    for (let i = 0; i < p && i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) n++;
    return n;
  }

  fail(expected: string, p = this.pos): never {
    const found = p >= this.text.length ? 'end of input' : JSON.stringify(this.text.slice(p, p + 20));
    throw new SyntaxError(`${this.source}, line ${this.lineAt(p)}: expected ${expected}, found ${found}.`);
  }

  /** Skips `open … close` if it starts here (`close` searched from `from` on); true if it did. */
  skip([open, close, what]: readonly [string, string, string], from = open.length): boolean {
    if (!this.text.startsWith(open, this.pos)) return false;
    const end = this.text.indexOf(close, this.pos + from);
    if (end < 0) this.fail(what);
    this.pos = end + close.length;
    return true;
  }

  /** Whitespace, comments, processing instructions and a DOCTYPE, before or after the root. */
  skipMisc(): void {
    do this.skipWs();
    while (this.skip(COMMENT) || this.skip(PROCESSING) || this.skip(DOCTYPE));
  }

  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  name(): string {
    this.#nameRe.lastIndex = this.pos;
    const m = this.#nameRe.exec(this.text);
    if (!m) return this.fail('a tag or attribute name');
    this.pos += m[0].length;
    return m[0];
  }

  decode(s: string): string {
    return decode(s, () => `${this.source}, line ${this.lineAt(this.pos)}`);
  }

  element(): XmlElement {
    const start = this.pos;
    if (this.text[this.pos] !== '<') this.fail('"<" starting an element');
    this.pos++;
    const name = this.name();
    const attributes: Record<string, string> = {};
    const selfClosing = this.attributes(attributes);
    if (selfClosing) return { name, attributes, children: [], text: '', line: this.lineAt(start) };
    const { children, body } = this.content(name, start);
    return { name, attributes, children, text: body.trim(), line: this.lineAt(start) };
  }

  /** Reads attributes into `out` up to the end of the start tag; true for a self-closing tag. */
  attributes(out: Record<string, string>): boolean {
    for (;;) {
      this.skipWs();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return true;
      }
      if (this.text[this.pos] === '>') {
        this.pos++;
        return false;
      }
      const attr = this.name();
      this.skipWs();
      if (this.text[this.pos] !== '=') this.fail(`"=" after attribute "${attr}"`);
      this.pos++;
      this.skipWs();
      const q = this.text[this.pos];
      if (q !== '"' && q !== "'") this.fail(`a quoted value for attribute "${attr}"`);
      const end = this.text.indexOf(q, this.pos + 1);
      if (end < 0) this.fail(`a closing quote for attribute "${attr}"`);
      out[attr] = this.decode(this.text.slice(this.pos + 1, end));
      this.pos = end + 1;
    }
  }

  /** Children and text of element `name` (opened at `start`), through its end tag. */
  content(name: string, start: number): { children: XmlElement[]; body: string } {
    const children: XmlElement[] = [];
    let body = '';
    for (;;) {
      if (this.atEnd()) this.fail(`"</${name}>" closing the element opened on line ${this.lineAt(start)}`);
      if (this.text.startsWith('</', this.pos)) {
        this.endTag(name, start);
        return { children, body };
      }
      // (the three openings exclude each other, so the order of the tests does not matter)
      if (this.skip(COMMENT) || this.skip(PROCESSING, 0)) continue;
      if (this.text.startsWith('<![CDATA[', this.pos)) {
        const end = this.text.indexOf(']]>', this.pos);
        if (end < 0) this.fail('"]]>" closing a CDATA section');
        body += this.text.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.text[this.pos] === '<') {
        children.push(this.element());
      } else {
        const next = this.text.indexOf('<', this.pos);
        const chunk = this.text.slice(this.pos, next < 0 ? this.text.length : next);
        body += this.decode(chunk);
        this.pos += chunk.length;
      }
    }
  }

  endTag(name: string, start: number): void {
    this.pos += 2;
    const close = this.name();
    if (close !== name) {
      this.fail(`"</${name}>" closing the element opened on line ${this.lineAt(start)}`, this.pos - close.length - 2);
    }
    this.skipWs();
    if (this.text[this.pos] !== '>') this.fail(`">" ending "</${name}"`);
    this.pos++;
  }
}

/** Depth-first search for all descendants (and self) with the given tag name. */
export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  if (el.name === name) out.push(el);
  for (const c of el.children) findAll(c, name, out);
  return out;
}
