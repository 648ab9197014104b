// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the samples are source code whose template literals the scan reads, and the texts it reports
import { describe, expect, it } from 'vitest';
import { inlineMessages, inlineMessagesOf } from '../../../scripts/inline-messages.ts';

/**
 * Sentences the scan finds that are not user-facing messages, each with its reason. Keyed by file
 * and the sentence's start, so a new message in the same file is still caught.
 */
const ALLOWED: { file: string; starts: string; why: string }[] = [];

const allowed = (m: { file: string; text: string }) =>
  ALLOWED.some((a) => a.file === m.file && m.text.startsWith(a.starts));

describe('the message catalogue is the only place of user-facing sentences', () => {
  it('finds no message written inline in src/ outside src/spec/messages (scripts/inline-messages.ts lists them)', () => {
    const inline = inlineMessages().filter((m) => !allowed(m));
    expect(inline.map((m) => `${m.file}:${m.line}:${m.col} ${m.text}`)).toEqual([]);
  });

  it('keeps every allow-list entry in use', () => {
    const all = inlineMessages();
    for (const a of ALLOWED)
      expect(
        all.some((m) => m.file === a.file && m.text.startsWith(a.starts)),
        `${a.file}: ${a.starts}`,
      ).toBe(true);
  });

  it('finds errors, scenario issues, zod messages, stderr lines and any "expected …" sentence, and nothing else', () => {
    const found = (code: string) => inlineMessagesOf('x.ts', code).map((m) => m.text);
    expect(found('throw new RangeError(`Expected a rate >= 0, found ${r}`);')).toEqual([
      'Expected a rate >= 0, found ${…}',
    ]);
    expect(found("throw new ScenarioError(file, [{ path, message: 'no such thing here' }]);")).toEqual([
      'no such thing here',
    ]);
    expect(found("const s = z.string().regex(/^a$/, 'an id of letters');")).toEqual(['an id of letters']);
    expect(found('const s = z.number({ error: (iss) => `a number, got ${iss.input}` });')).toEqual([
      'a number, got ${…}',
    ]);
    expect(found("process.stderr.write(ok ? 'all went well\\n' : `it failed: ${why}\\n`);")).toEqual([
      'all went well\n',
      'it failed: ${…}\n',
    ]);
    expect(found("fail(path, 'expected one of a or b');")).toEqual(['expected one of a or b']);
    expect(
      found('if (bad) return fail(r, `The solve ended with ${bad}`); message = `No convergence in ${n} iterations`;'),
    ).toEqual(['The solve ended with ${…}', 'No convergence in ${…} iterations']);
    // Formatting without words of its own, keys, paths and code are not messages.
    expect(
      found("throw new Error(`${file}: ${msg.x()}`); const k = `${a}->${b}`; import('./solve.ts'); out(`${name}\\n`);"),
    ).toEqual([]);
    expect(found('throw new Error(msg.tableMissing(file, name));')).toEqual([]);
  });
});
