/**
 * Messages of the HTTP API (src/server): access (token, Origin, Host, rate limits, body deadline),
 * the run queue, request errors and the serve command's options. Rules of the catalogue:
 * src/spec/messages/README.md.
 */

// Access

export const tokenTooShort = (min: number, found: number) =>
  `Expected a token of at least ${min} characters (--token or LANCASTER_TOKEN), found ${found}`;

export const tokenRequiredToExpose = (host: string) =>
  `Expected a token (--token or LANCASTER_TOKEN) to listen on ${host}, beyond loopback, ` +
  `found none: anyone who reaches the port could submit and delete runs`;

export const crossSite = () =>
  "Expected a request from this server's own pages or a non-browser client, found " +
  'a cross-site browser request (Sec-Fetch-Site: cross-site)';

export const foreignOrigin = (host: string, origin: string) =>
  `Expected a request from this server's own origin (http://${host}), found Origin ${origin}`;

export const rateLimited = (max: number, seconds: number) =>
  `Expected at most ${max} requests per minute from one client, found more: retry in ${seconds} s`;

export const badHost = (hosts: string[], found: string) =>
  `Expected a Host this server answers to (${hosts.join(', ')}), found ` +
  `${found}: add it with --allow-host if it is yours`;

export const tokenMissing = () =>
  'Expected an Authorization: Bearer <token> header (this server requires a token for writes), found none';

export const tokenWrong = () => "Expected the server's token in Authorization: Bearer, found a different one";

export const bodyTimeout = (seconds: number) =>
  `Expected the request body within ${seconds} s, found it still arriving`;

// Runs

export const shuttingDown = () => 'Expected a running server, found it shutting down: submit the run again later';

export const queueFull = (max: number, seconds: number) =>
  `Expected room in the run queue (at most ${max} waiting runs), found it full: retry in ${seconds} s`;

/** A run's stored `error` (it starts with the status word: lower case). */
export const stored = {
  notConverged: (reason: string | undefined) => `not-converged: ${reason ?? 'the solve did not converge'}`,
  cancelledByDelete: 'cancelled by a DELETE request',
  incomplete: (reason: string | undefined) => `incomplete: ${reason ?? 'some runs failed'}`,
};

export const runNotFound = (id: string) => `Expected the id of a stored run, found "${id}" (no such run)`;

export const notASolveRun = (id: string, kind: string) =>
  `Expected a solve run to compare, found run ${id} of kind ${kind}`;

export const notADoneRun = (id: string, status: string) =>
  `Expected a finished (done) run to compare, found run ${id} ${status}`;

export const notANegotiationRun = (id: string, kind: string) =>
  `Expected a negotiation run, found run ${id} of kind ${kind}`;

export const negotiationFailed = (id: string, error: string | null) =>
  `Expected a negotiation run that did not fail, found run ${id} failed: ${error ?? 'no error message'}`;

// Requests

export const unsupportedMediaType = (accepted: string, found: string) =>
  `Expected a JSON or YAML body (${accepted}), found ${found || 'another content type'}`;

export const payloadTooLarge = (limit: string) => `Expected a request body of at most ${limit}, found a larger one`;

export const badJson = (found: string) => `Expected a valid JSON body, found ${found}`;

export const noSuchRoute = (method: string, path: string) =>
  `Expected an API route (see /api/openapi.json), found ${method} ${path}`;

/** Issues (they follow a path: lower case). */
export const issues = {
  badJson: (found: string) => `expected valid JSON, found ${found}`,
};

// The serve command's options

export const badPort = (found: string) => `Expected a port number between 0 and 65535, found "${found}"`;

export const notWholeNumber = (option: string, found: string) =>
  `Expected ${option} as a whole number >= 0, found "${found}"`;
