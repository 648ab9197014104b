/**
 * A plain-text YAML editor with line numbers, where lines with problems are marked in the gutter
 * and highlighted behind the text. A textarea (so every browser, screen reader and keyboard
 * shortcut works), with a highlight layer scrolled in step with it.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';

export interface CodeAreaHandle {
  /** Puts the caret at the start of `line` (1-based), scrolls to it and focuses the editor. */
  goTo(line: number, col?: number): void;
}

export interface CodeAreaProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** line → messages */
  problems: Map<number, string[]>;
  describedBy?: string;
}

/** The offset in the text of `lines` of line `line`, column `col` (both 1-based). */
const caretOffset = (lines: string[], line: number, col: number) =>
  lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, col - 1);

export const CodeArea = forwardRef<CodeAreaHandle, CodeAreaProps>(function CodeArea(
  { id, label, value, onChange, problems, describedBy },
  ref,
) {
  const ta = useRef<HTMLTextAreaElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n');
  // Keyed by line number: line n is the n-th row of the gutter and of the highlight layer.
  const numbers = lines.map((_, i) => i + 1);
  const sync = () => {
    const t = ta.current!;
    layer.current!.style.transform = `translate(${-t.scrollLeft}px, ${-t.scrollTop}px)`;
    gutter.current!.style.transform = `translateY(${-t.scrollTop}px)`;
  };
  useImperativeHandle(ref, () => ({
    goTo(line, col = 1) {
      const t = ta.current!;
      const pos = caretOffset(lines, line, col);
      t.focus();
      t.setSelectionRange(pos, pos);
      const lh = parseFloat(getComputedStyle(t).lineHeight) || 20;
      t.scrollTop = Math.max(0, (line - 4) * lh);
      sync();
    },
  }));
  // Tab is left to the browser: it moves the focus on, so the editor is no focus trap.
  return (
    <div className="code" data-testid="code">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="gutter-clip" aria-hidden="true">
        <div className="gutter" ref={gutter}>
          {numbers.map((n) => (
            <div
              key={n}
              className={problems.has(n) ? 'err' : undefined}
              data-line={n}
              title={problems.get(n)?.join('\n')}
            >
              {problems.has(n) ? '● ' : ''}
              {n}
            </div>
          ))}
        </div>
      </div>
      <div className="code-body">
        <div className="hl" ref={layer} aria-hidden="true">
          {numbers.map((n) => (
            <div key={n} className={problems.has(n) ? 'err' : undefined}>
              {lines[n - 1] || ' '}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          ref={ta}
          value={value}
          spellCheck={false}
          wrap="off"
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={problems.size > 0}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onScroll={sync}
        />
      </div>
    </div>
  );
});
