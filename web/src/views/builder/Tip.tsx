/**
 * A small "?" button with a tooltip: shown while the button is hovered or focused, and kept open by
 * a click (touch screens); the text is the button's description for screen readers.
 */
import { useId, useState } from 'react';

export function Tip({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={`tip${open ? ' open' : ''}`}>
      <button
        type="button"
        className="tip-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
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
