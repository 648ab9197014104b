/**
 * The dated event strip of a timeline: one lane for US measures, one for China's, one for talks,
 * truces and deadlines. Shapes carry the meaning (▲ tariff up, ▼ suspension, ◆ export control,
 * ● talks, ○ other) as well as colour. Keyboard: Tab to the strip, ←/→ (and Home/End) move from
 * event to event in date order, the selected event drives the charts, map and bars below.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { TimelineStep } from '../api.ts';
import type { StepActions } from '../scenarioText.ts';
import { OKABE_ITO, date, day } from '../format.ts';

export const STRIP_DOMAIN: [Date, Date] = [date('2025-01-01'), date('2025-12-15')];
/** Left margin shared by the strip and the charts under it, so dates line up. */
export const LANE_LABEL_WIDTH = 128;
export const RIGHT_MARGIN = 150;
/** Narrowest layout of the strip: on a narrower screen it scrolls sideways (the page does not). */
export const STRIP_MIN_WIDTH = 680;

type Lane = 'US' | 'CHN' | 'talks';
type Kind = 'tariff' | 'suspend' | 'control' | 'talks' | 'other';

interface Marker {
  step: number;
  lane: Lane;
  kind: Kind;
  x: number;
  label?: string;
  low?: boolean;
}

const GLYPH: Record<Kind, string> = { tariff: '▲', suspend: '▼', control: '◆', talks: '●', other: '○' };
const KIND_TEXT: Record<Kind, string> = {
  tariff: 'tariff increase',
  suspend: 'suspension or cut',
  control: 'export control',
  talks: 'talks',
  other: 'event',
};
const LANE_COLOUR: Record<Lane, string> = { US: OKABE_ITO.blue, CHN: OKABE_ITO.vermillion, talks: '#222' };
const LANES: { id: Lane; label: string }[] = [
  { id: 'US', label: 'United States' },
  { id: 'CHN', label: 'China' },
  { id: 'talks', label: 'Talks & truces' },
];

function markersOf(steps: TimelineStep[], actions: StepActions[], scale: (d: Date) => number): Marker[] {
  const out: Marker[] = [];
  steps.forEach((s, k) => {
    const a = actions[k] ?? { tariffsBy: [], controlsBy: [], suspends: [], hasControls: false };
    const x = scale(date(s.date));
    let placed = false;
    const prev = k > 0 ? steps[k - 1].average_tariffs : undefined;
    const delta = (key: string) =>
      prev && s.average_tariffs[key] !== undefined && prev[key] !== undefined ? s.average_tariffs[key] - prev[key] : 0;
    const side = (who: string, key: string, controllers: string[]) => {
      const d = delta(key);
      if (a.tariffsBy.includes(who) || Math.abs(d) > 1e-6) return d < -1e-6 ? 'suspend' : 'tariff';
      return a.controlsBy.some((c) => controllers.includes(c)) ? 'control' : null;
    };
    const us = side('USA', 'USA<-CHN', ['USA', 'TWN']);
    const cn = side('CHN', 'CHN<-USA', ['CHN']);
    if (us) {
      out.push({ step: k, lane: 'US', kind: us, x });
      placed = true;
    }
    if (cn) {
      out.push({ step: k, lane: 'CHN', kind: cn, x });
      placed = true;
    }
    if (s.talks) {
      out.push({ step: k, lane: 'talks', kind: 'talks', x, label: s.talks.city ?? s.talks.venue });
      placed = true;
    }
    if (!placed) out.push({ step: k, lane: 'talks', kind: a.suspends.length ? 'suspend' : 'other', x });
  });
  // Dodge: within a lane, keep markers at least 13px apart (dates stay exact in labels).
  for (const lane of ['US', 'CHN', 'talks'] as Lane[]) {
    let last = -Infinity;
    for (const m of out.filter((o) => o.lane === lane).sort((p, q) => p.x - q.x)) {
      m.x = Math.max(m.x, last + 13);
      last = m.x;
    }
  }
  // Stagger talk labels that would overlap (Kuala Lumpur and Busan are five days apart).
  let lastLabel = -Infinity;
  let low = false;
  for (const m of out.filter((o) => o.label).sort((p, q) => p.x - q.x)) {
    low = m.x - lastLabel < 72 ? !low : false;
    if (low) m.low = true;
    lastLabel = m.x;
  }
  return out;
}

export interface EventStripProps {
  steps: TimelineStep[];
  actions: StepActions[];
  selected: number;
  onSelect: (k: number) => void;
  /** Steps whose export controls are not in the numbers (tariff-only cut). */
  unmodelled?: Set<number>;
}

export function EventStrip({ steps, actions, selected, onSelect, unmodelled }: EventStripProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 900);
  const layout = Math.max(width, STRIP_MIN_WIDTH);
  const inner = layout - LANE_LABEL_WIDTH - RIGHT_MARGIN;
  const [t0, t1] = STRIP_DOMAIN.map((d) => d.getTime());
  const scale = (d: Date) => LANE_LABEL_WIDTH + ((d.getTime() - t0) / (t1 - t0)) * inner;
  const markers = markersOf(steps, actions, scale);
  const { refs, onKey } = useStepKeys(selected, steps.length, onSelect);
  const deadlines = steps
    .flatMap((s) => (s.deadline ? [s.deadline] : []))
    .filter((d) => date(d.date) <= STRIP_DOMAIN[1]);
  const first = firstMarkers(markers);
  return (
    <div className="strip" ref={box}>
      <div className="strip-inner" style={{ width: layout }}>
        <StripAxis scale={scale} />
        <div
          className="strip-lanes"
          role="toolbar"
          aria-label="Events of 2025: use the left and right arrow keys to move between events"
          aria-orientation="horizontal"
          onKeyDown={onKey}
        >
          {LANES.map((lane) => (
            <div className="lane" key={lane.id} data-lane={lane.id}>
              <span className="lane-label" style={{ width: LANE_LABEL_WIDTH - 8 }}>
                {lane.label}
              </span>
              <span className="lane-line" style={{ left: LANE_LABEL_WIDTH, width: inner }} aria-hidden="true" />
              {lane.id === 'talks' &&
                deadlines.map((d) => (
                  <span
                    key={d.date + d.label}
                    className="deadline"
                    style={{ left: scale(date(d.date)) }}
                    title={`Deadline ${day(d.date)}: ${d.label}`}
                    aria-hidden="true"
                  />
                ))}
              {markers
                .filter((m) => m.lane === lane.id)
                .map((m) => (
                  <MarkerButton
                    key={`${m.step}-${m.lane}`}
                    marker={m}
                    step={steps[m.step]}
                    first={first.has(m)}
                    selected={m.step === selected}
                    unmodelled={unmodelled?.has(m.step) ?? false}
                    buttonRef={(el) => {
                      if (el) refs.current.set(m.step, el);
                    }}
                    onSelect={onSelect}
                  />
                ))}
            </div>
          ))}
        </div>
        <p className="strip-key" aria-hidden="true">
          ▲ tariff raised · ▼ suspension or cut · ◆ export control · ● talks · ┊ truce deadline · ○ other
        </p>
      </div>
    </div>
  );
}

/** The width of the element `box` holds, followed as it resizes (`initial` before the first measure). */
function useBoxWidth(box: RefObject<HTMLElement | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
  return width;
}

/** The step a key moves the selection to from `selected` (of `count` steps), or null for another key. */
function keyTarget(key: string, selected: number, count: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return selected + 1;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return selected - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Arrow keys, Home and End move the selection from step to step; the step's marker button (kept in
 * `refs` by step) takes the focus after a move by key, not after a click or a change from outside.
 */
function useStepKeys(selected: number, count: number, onSelect: (k: number) => void) {
  const refs = useRef(new Map<number, HTMLButtonElement>());
  const focusNext = useRef(false);
  useEffect(() => {
    if (focusNext.current) refs.current.get(selected)?.focus();
    focusNext.current = false;
  }, [selected]);
  const onKey = (e: KeyboardEvent) => {
    const to = keyTarget(e.key, selected, count);
    if (to === null) return;
    e.preventDefault();
    focusNext.current = true;
    onSelect(Math.max(0, Math.min(count - 1, to)));
  };
  return { refs, onKey };
}

/**
 * The first marker of each step in the order the lanes are drawn: the one that takes the focus and
 * the tab stop (a step can have a marker in several lanes).
 */
function firstMarkers(markers: Marker[]): Set<Marker> {
  const seen = new Set<number>();
  const first = new Set<Marker>();
  for (const lane of LANES)
    for (const m of markers)
      if (m.lane === lane.id && !seen.has(m.step)) {
        seen.add(m.step);
        first.add(m);
      }
  return first;
}

/** The month names along the top of the strip (screen readers get the dates from the markers). */
function StripAxis({ scale }: { scale: (d: Date) => number }) {
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2025, m, 1)));
  return (
    <div className="strip-axis" aria-hidden="true">
      {months.map((m) => (
        <span key={m.getTime()} style={{ left: scale(m) }}>
          {m.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}
        </span>
      ))}
    </div>
  );
}

function MarkerButton({
  marker: m,
  step: s,
  first,
  selected,
  unmodelled,
  buttonRef,
  onSelect,
}: {
  marker: Marker;
  step: TimelineStep;
  first: boolean;
  selected: boolean;
  unmodelled: boolean;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onSelect: (k: number) => void;
}) {
  return (
    <button
      type="button"
      ref={first ? buttonRef : undefined}
      className={`marker kind-${m.kind}${selected ? ' selected' : ''}${unmodelled ? ' unmodelled' : ''}`}
      style={{ left: m.x, color: LANE_COLOUR[m.lane] }}
      tabIndex={first && selected ? 0 : -1}
      aria-pressed={selected}
      aria-label={`${day(s.date)}, ${KIND_TEXT[m.kind]}: ${s.label}`}
      title={`${day(s.date)}: ${s.label}`}
      data-step={m.step}
      onClick={() => onSelect(m.step)}
    >
      <span aria-hidden="true">{GLYPH[m.kind]}</span>
      {m.label && (
        <span className={`marker-label${m.low ? ' low' : ''}`} aria-hidden="true">
          {m.label}
        </span>
      )}
    </button>
  );
}
