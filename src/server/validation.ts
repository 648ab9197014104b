/**
 * The validator of every route's body, query string and params: zod with the error map of user
 * files (src/spec/issues.ts), so a bad request answers 400 with what was expected and what was
 * found at its path (`body.kind: expected one of …, found "dance"`, `querystring.limit: …`), as
 * `lancaster validate` words a bad scenario. fastify-type-provider-zod's validatorCompiler parses
 * without an error map, which leaves zod's "Invalid input".
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { formatPath, type ScenarioIssue } from '../spec/errors.ts';
import { issueAt, PARSE_OPTIONS } from '../spec/issues.ts';
import { ApiError } from './errors.ts';

/** Compiles a route schema (a zod type) into fastify's validator of one part of the request. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    // fastify hands a missing body (and an empty JSON one) over as null: it is nothing, not a null sent.
    const r = schema.safeParse(httpPart === 'body' && data === null ? undefined : data, PARSE_OPTIONS);
    if (r.success) return { value: r.data };
    const issues = r.error.issues.flatMap(branchIssues).map((i) => ({ ...i, path: [httpPart ?? 'body', ...i.path] }));
    return {
      error: new ApiError(
        400,
        'bad_request',
        issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'),
        issues,
      ),
    };
  };

/**
 * A union (e.g. "YAML text or a JSON envelope") fails with one issue at its place; report instead
 * the issues of the branch whose type matched, so that the path points at the offending field. A
 * union no branch of which has the input's type keeps its own message.
 */
function branchIssues(iss: z.core.$ZodIssue): ScenarioIssue[] {
  if (iss.code !== 'invalid_union') return [issueAt(iss)];
  const matched = iss.errors.find((b) => !(b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0));
  if (!matched) return [issueAt(iss)];
  const at = issueAt(iss).path;
  return matched.flatMap(branchIssues).map((i) => ({ ...i, path: [...at, ...i.path] }));
}
