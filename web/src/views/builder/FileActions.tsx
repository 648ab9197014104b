/** The negotiation file the builder writes: shown, saved, or opened in the scenario editor. */

function saveFile(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'my-negotiation.yaml';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function FileActions({ text }: { text: string }) {
  return (
    <details>
      <summary>The negotiation file this builds (YAML)</summary>
      <pre className="yaml-preview" data-testid="builder-yaml" tabIndex={0}>
        {text}
      </pre>
      <button type="button" onClick={() => saveFile(text)}>
        Save the file (my-negotiation.yaml)
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          sessionStorage.setItem('lancaster.editor', text);
          location.hash = '#/editor';
        }}
      >
        Open it in the scenario editor
      </button>
      <p className="muted small">
        <code>lancaster validate my-negotiation.yaml</code> checks it and{' '}
        <code>lancaster negotiate my-negotiation.yaml</code> runs it, as this page does.
      </p>
    </details>
  );
}
