/** Live validation of the editor's text by the server (POST /api/scenarios/validate), debounced. */
import { useEffect, useState } from 'react';
import { api, ApiFailure, type Issue, type RunKind } from '../../api.ts';

export type Validation =
  | { state: 'checking' }
  | { state: 'valid'; kind: RunKind; model: string; dataset: string; version: string | null }
  | { state: 'invalid'; issues: Issue[] };

/** The problems of a failed validation: the server's issues, or its message as one issue. */
function failureIssues(e: unknown): Issue[] {
  if (e instanceof ApiFailure) return e.issues.length ? e.issues : [{ path: [], message: e.message }];
  return [{ path: [], message: (e as Error).message }];
}

/** The server's parse and dataset checks of `text`, 250 ms after typing stops. */
export function useValidation(text: string): Validation {
  const [validation, setValidation] = useState<Validation>({ state: 'checking' });
  useEffect(() => {
    setValidation({ state: 'checking' });
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) =>
          setValidation({
            state: 'valid',
            kind: v.kind,
            model: v.model,
            dataset: v.dataset,
            version: v.dataset_version,
          }),
        (e) => {
          if (!ctl.signal.aborted) setValidation({ state: 'invalid', issues: failureIssues(e) });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);
  return validation;
}
