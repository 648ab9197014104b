/** The selected event of the strip: its date, talks, deadline, the numbers after it, and its sources. */
import { Fragment } from 'react';
import type { TimelineStep } from '../../api.ts';
import { day, level, pct } from '../../format.ts';

export function EventCard({
  step,
  index,
  total,
  unmodelled,
  onSelect,
}: {
  step: TimelineStep;
  index: number;
  total: number;
  unmodelled: boolean;
  onSelect: (k: number) => void;
}) {
  return (
    <div className="event-card" aria-live="polite" data-testid="event-card">
      <div className="event-nav">
        <button type="button" onClick={() => onSelect(index - 1)} disabled={index === 0} aria-label="Previous event">
          ←
        </button>
        <span>
          Event {index + 1} of {total}
        </span>
        <button
          type="button"
          onClick={() => onSelect(index + 1)}
          disabled={index === total - 1}
          aria-label="Next event"
        >
          →
        </button>
      </div>
      <p className="event-date">
        {day(step.date)}
        {step.talks && <> · talks in {step.talks.city ?? step.talks.venue}</>}
      </p>
      <h3>{step.label}</h3>
      {unmodelled && <p className="notice small">Export controls of this step are not in the numbers yet.</p>}
      {step.talks && <Talks talks={step.talks} />}
      {step.deadline && (
        <p>
          <strong>Deadline set:</strong> {day(step.deadline.date)}, {step.deadline.label}
        </p>
      )}
      <StepNumbers step={step} />
      <p className="cite">
        <span className="label">Source</span> {step.source}
      </p>
      {step.assumption && (
        <p className="cite">
          <span className="label">Assumption</span> {step.assumption}
        </p>
      )}
      {!step.solved && (
        <p className="cite muted">No policy change at this step: the previous equilibrium carries over.</p>
      )}
    </div>
  );
}

function Talks({ talks }: { talks: NonNullable<TimelineStep['talks']> }) {
  return (
    <dl className="talks">
      <dt>Venue</dt>
      <dd>
        {talks.venue}
        {talks.city ? `, ${talks.city}` : ''}
      </dd>
      {talks.delegations &&
        Object.entries(talks.delegations).map(([c, people]) => (
          <Fragment key={c}>
            <dt>{c}</dt>
            <dd>{people.join(', ')}</dd>
          </Fragment>
        ))}
      {talks.outcome && (
        <>
          <dt>Outcome</dt>
          <dd>{talks.outcome}</dd>
        </>
      )}
    </dl>
  );
}

/** The average tariffs each way and the two welfare changes after the step. */
function StepNumbers({ step }: { step: TimelineStep }) {
  return (
    <dl className="step-numbers">
      <div>
        <dt>US tariff on China</dt>
        <dd>{level(step.average_tariffs['USA<-CHN'])}</dd>
      </div>
      <div>
        <dt>China tariff on the US</dt>
        <dd>{level(step.average_tariffs['CHN<-USA'])}</dd>
      </div>
      <div>
        <dt>US welfare</dt>
        <dd>{pct(step.countries.USA?.welfare_pct)}</dd>
      </div>
      <div>
        <dt>China welfare</dt>
        <dd>{pct(step.countries.CHN?.welfare_pct)}</dd>
      </div>
    </dl>
  );
}
