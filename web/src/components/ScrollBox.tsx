/**
 * A container that scrolls sideways when its table is wider than the column, with a visible
 * affordance: shadows on the sides that have more, a "more columns →" hint, and a keyboard stop
 * (a labelled section, so a region, with tabindex 0, so the arrow keys scroll it).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollBox({
  label,
  className = '',
  children,
  testId,
}: {
  label: string;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const box = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = box.current!;
    const check = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
    };
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    el.addEventListener('scroll', check, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', check);
    };
  }, []);
  const overflow = more.left || more.right;
  return (
    <div
      className={`scroll-box${more.left ? ' more-left' : ''}${more.right ? ' more-right' : ''}`}
      data-testid={testId}
      data-overflow={overflow ? 'true' : 'false'}
    >
      <section
        ref={box}
        className={`table-scroll ${className}`}
        aria-label={overflow ? `${label} (scrolls sideways)` : label}
        // A box that scrolls must be reachable by keyboard to be scrolled with the arrow keys (WCAG 2.1.1;
        // axe scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable by keyboard
        tabIndex={0}
      >
        {children}
      </section>
      {more.right && (
        <p className="scroll-hint" aria-hidden="true">
          more columns →
        </p>
      )}
    </div>
  );
}
