/**
 * Request bodies that carry scenarios. JSON bodies keep their raw text so that a scenario sent as
 * a JSON object is parsed (and its errors located, line:col) exactly as sent; YAML arrives as
 * text (application/yaml, text/yaml, application/x-yaml). Other types (text/plain, forms: what a
 * cross-site page can send without a preflight) get 415, so no CSRF request reaches a route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';
import * as msg from '../spec/messages/server.ts';

/** Content types read as YAML text. */
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

const RAW = Symbol('rawBody');

/** The body text exactly as received (JSON and YAML bodies). */
export function rawBody(req: FastifyRequest): string | undefined {
  return (req as unknown as Record<symbol, string | undefined>)[RAW];
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, pos: number): { line: number; col: number } {
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/** Installs the JSON and YAML/text parsers. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, text, done) => {
    const s = text as string;
    (req as unknown as Record<symbol, string>)[RAW] = s;
    try {
      done(null, s.trim() === '' ? undefined : JSON.parse(s));
    } catch (e) {
      const m = /position (\d+)/.exec((e as Error).message);
      const where = m ? lineCol(s, Number(m[1])) : undefined;
      done(
        new ApiError(400, 'bad_request', msg.badJson((e as Error).message), [
          { path: [], message: msg.issues.badJson((e as Error).message), ...where },
        ]),
        undefined,
      );
    }
  });
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (req, text, done) => {
    (req as unknown as Record<symbol, string>)[RAW] = text as string;
    done(null, text);
  });
}

/**
 * The scenario text of a body: YAML text as is, a JSON object as its raw JSON text (when the body
 * is that object) or pretty-printed (when nested in a `{kind, scenario}` envelope).
 */
export function scenarioText(value: unknown, raw?: string): string {
  if (typeof value === 'string') return value;
  if (raw !== undefined) return raw;
  return `${JSON.stringify(value, null, 2)}\n`;
}
