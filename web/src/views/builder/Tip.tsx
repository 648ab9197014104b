/**
 * A small "?" button with a tooltip: shown while the button is hovered or has focus, kept open by a
 * click (touch screens, or to read it while the pointer moves on), closed by Escape (WCAG 1.4.13
 * dismissible), a second click or leaving; it never takes the pointer from the controls it covers.
 * Its text is the button's description for screen readers.
 */
import { useId, useState } from 'react';

export function Tip({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  /** Escape hides it under the pointer too, until the button is entered or focused again. */
  const [dismissed, setDismissed] = useState(false);
  const shown = !dismissed && (focused || pinned);
  return (
    <span className={`tip${shown ? ' open' : ''}${dismissed ? ' dismissed' : ''}`}>
      <button
        type="button"
        className="tip-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={shown}
        onMouseEnter={() => setDismissed(false)}
        onFocus={() => {
          setDismissed(false);
          setFocused(true);
        }}
        onBlur={() => {
          setFocused(false);
          setPinned(false);
        }}
        onClick={() => {
          setFocused(false);
          setDismissed(false);
          setPinned((p) => !p);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setPinned(false);
          setDismissed(true);
        }}
      >
        ?
      </button>
      <span role="tooltip" id={id} className="tip-text">
        {text}
      </span>
    </span>
  );
}
