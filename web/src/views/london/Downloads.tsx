/** CSV and JSON downloads of a table's rows. */
import { downloadCsv, downloadJson } from '../../components/exporting.ts';

export function Downloads({ name, rows, label }: { name: string; rows: Record<string, unknown>[]; label: string }) {
  return (
    <div className="toolbar" role="group" aria-label={`Download ${label}`}>
      <button
        type="button"
        onClick={() => downloadCsv(`lancaster-${name}`, rows)}
        aria-label={`Download ${label} as CSV`}
      >
        CSV
      </button>
      <button
        type="button"
        onClick={() => downloadJson(`lancaster-${name}`, rows)}
        aria-label={`Download ${label} as JSON`}
      >
        JSON
      </button>
    </div>
  );
}
