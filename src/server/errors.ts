/**
 * HTTP errors of the API and the one error handler that turns every failure into
 * `{error, message, issues?}` with the right status.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ScenarioError, type ScenarioIssue } from '../spec/errors.ts';
import { DataError } from '../data/errors.ts';
import { UnsupportedKindError } from '../exec/registry.ts';
import * as msg from '../spec/messages/server.ts';

/** An error with an HTTP status and a short machine-readable code. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ScenarioIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 404 for an unknown run id. */
export function runNotFound(id: string): ApiError {
  return new ApiError(404, 'not_found', msg.runNotFound(id));
}

/** The body of every error response. */
export interface ErrorBody {
  error: string;
  message: string;
  issues?: ScenarioIssue[];
}

function toBody(e: unknown): [number, ErrorBody] {
  if (e instanceof ApiError)
    return [e.status, { error: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) }];
  if (e instanceof ScenarioError) return [400, { error: 'invalid_scenario', message: e.message, issues: e.issues }];
  if (e instanceof UnsupportedKindError)
    return [400, { error: 'unsupported_kind', message: e.message, issues: [{ path: ['kind'], message: e.message }] }];
  const fe = e as FastifyError;
  if (fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return [
      415,
      {
        error: 'unsupported_media_type',
        message: msg.unsupportedMediaType(ACCEPTED_TYPES, fe.message.replace(/^Unsupported Media Type:?\s*/i, '')),
      },
    ];
  }
  if (fe.statusCode === 413)
    return [413, { error: 'payload_too_large', message: msg.payloadTooLarge(BODY_LIMIT_TEXT) }];
  if (e instanceof DataError || e instanceof TypeError || e instanceof RangeError) {
    if (!fe.code?.startsWith('FST_')) return [400, { error: 'bad_request', message: (e as Error).message }];
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return [fe.statusCode, { error: 'bad_request', message: fe.message }];
  return [500, { error: 'internal', message: (e as Error).message ?? String(e) }];
}

/** The body types the API reads, for the 415 message. */
const ACCEPTED_TYPES = 'application/json, application/yaml, application/x-yaml, text/yaml';

/** The body limit as text, for the 413 message. */
const BODY_LIMIT_TEXT = 'the body limit (1 MB unless configured otherwise)';

/** Installs the JSON error and not-found handlers on `app`. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((e, req, reply) => {
    const [status, body] = toBody(e);
    if (status >= 500) req.log.error(e);
    if (e instanceof ApiError && e.headers) reply.headers(e.headers);
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="lancaster"');
    return reply.status(status).type('application/json').send(body);
  });
}
