/** What the server's validation says of the editor's text: checking, valid as a kind, or its problems by line. */
import { formatPath } from '../../../../src/spec/errors.ts';
import type { Issue } from '../../api.ts';
import type { Validation } from './useValidation.ts';

export function ValidationStatus({
  id,
  validation,
  onGoTo,
}: {
  id: string;
  validation: Validation;
  onGoTo: (line: number, col?: number) => void;
}) {
  return (
    <div id={id} className={`validation ${validation.state}`} role="status" aria-live="polite" data-testid="validation">
      {validation.state === 'checking' && <p>Checking…</p>}
      {validation.state === 'valid' && (
        <p>
          ✓ Valid: model <strong>{validation.model}</strong> on <strong>{validation.dataset}</strong>
          {validation.version ? ` v${validation.version}` : ''} — a{' '}
          <strong data-testid="kind">{validation.kind}</strong> file, run as one.
        </p>
      )}
      {validation.state === 'invalid' && <IssueList issues={validation.issues} onGoTo={onGoTo} />}
    </div>
  );
}

function IssueList({ issues, onGoTo }: { issues: Issue[]; onGoTo: (line: number, col?: number) => void }) {
  return (
    <>
      <p>
        ✗ {issues.length} problem{issues.length > 1 ? 's' : ''} (schema and dataset checks, by the server):
      </p>
      <ul className="issues">
        {issues.map((i) => (
          <li
            key={`${i.line ?? ''}:${i.col ?? ''}:${formatPath(i.path)}:${i.message}`}
            data-testid="issue"
            data-line={i.line ?? ''}
          >
            {i.line ? (
              <button type="button" className="link" onClick={() => onGoTo(i.line!, i.col)}>
                Line {i.line}, column {i.col}
              </button>
            ) : (
              <span>Scenario</span>
            )}{' '}
            <code>{formatPath(i.path)}</code>: {i.message}
          </li>
        ))}
      </ul>
    </>
  );
}
