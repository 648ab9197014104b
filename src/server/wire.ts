/**
 * Tasks and replies of the body checker's worker (check-worker.ts, offload.ts), and its errors as
 * structured-cloneable data: a ScenarioError keeps its file and located issues, an
 * UnsupportedKindError its kind and the supported ones, a DataError,
 * TypeError or RangeError its class and message (HTTP 400 as in the request thread); anything else
 * comes back as a plain Error (HTTP 500).
 */
import { ScenarioError, type ScenarioIssue } from '../spec/errors.ts';
import { DataError } from '../data/errors.ts';
import { UnsupportedKindError } from '../exec/registry.ts';

/** One task: the validate route's answer (with the registry's kind → module map), or a run handler's quick check. */
export type CheckTask =
  | { op: 'validate'; text: string; modules: Record<string, string> }
  | { op: 'check'; module: string; input: string; label: string };

/** An error as data. */
export type WireError =
  | { type: 'scenario'; file: string; issues: ScenarioIssue[] }
  | { type: 'kind'; kind: string; supported: string[] }
  | { type: 'data' | 'type' | 'range' | 'other'; message: string };

/** What the worker answers. */
export type CheckReply = { ok: true; value: unknown } | { ok: false; error: WireError };

/** An error as data (the worker side). */
export function toWire(e: unknown): WireError {
  if (e instanceof ScenarioError) return { type: 'scenario', file: e.file, issues: e.issues };
  if (e instanceof UnsupportedKindError) return { type: 'kind', kind: e.kind, supported: e.supported };
  const message = e instanceof Error ? e.message : String(e);
  const type =
    e instanceof DataError ? 'data' : e instanceof TypeError ? 'type' : e instanceof RangeError ? 'range' : 'other';
  return { type, message };
}

/** The error again (the request side), of the class it had in the worker. */
export function fromWire(w: WireError): Error {
  switch (w.type) {
    case 'scenario':
      return new ScenarioError(w.file, w.issues);
    case 'kind':
      return new UnsupportedKindError(w.kind, w.supported);
    case 'data':
      return new DataError(w.message);
    case 'type':
      return new TypeError(w.message);
    case 'range':
      return new RangeError(w.message);
    default:
      return new Error(w.message);
  }
}
