/** Progress of a run being solved: a labelled progress bar and the step being solved. */
import type { Progress } from '../api.ts';

export function RunStatus({ label, progress }: { label: string; progress: Progress | null }) {
  const f = progress ? Math.round(progress.fraction * 100) : undefined;
  return (
    <div className="run-status" role="status" aria-live="polite">
      <p>{label}…</p>
      <progress max={100} value={f} aria-label={label} />
      <p className="muted">{progress?.message ?? 'queued'}</p>
    </div>
  );
}
