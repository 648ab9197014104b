/** Where the editor's text can come from besides typing: an embedded example or a file. */
import { useEffect, useState } from 'react';
import { api, type EmbeddedScenario } from '../../api.ts';

export function ScenarioSources({ onLoad }: { onLoad: (text: string) => void }) {
  const [examples, setExamples] = useState<EmbeddedScenario[]>([]);
  useEffect(() => {
    api.embedded().then(setExamples, () => setExamples([]));
  }, []);
  return (
    <div className="controls">
      <label>
        Example{' '}
        <select
          aria-label="Load an embedded scenario"
          value=""
          onChange={(e) => {
            const s = examples.find((x) => x.id === e.target.value);
            if (s) onLoad(s.text);
          }}
        >
          <option value="">choose…</option>
          {examples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
              {s.valid ? '' : ' (not runnable yet)'}
            </option>
          ))}
        </select>
      </label>
      <label className="file">
        Open file…
        <input
          type="file"
          accept=".yaml,.yml,.json,text/yaml,application/json"
          aria-label="Open a scenario file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) onLoad(await f.text());
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
