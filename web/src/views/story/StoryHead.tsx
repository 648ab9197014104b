/**
 * The head of the 2025 story: the headline numbers in a paragraph and as key figures, the horizon
 * switch, why the averages differ from the news' rates, and whether export controls are in the numbers.
 */
import type { TimelineStep } from '../../api.ts';
import { day, level, pct } from '../../format.ts';
import { HORIZON_TEXT, TariffNote, type Horizon } from './Explain.tsx';

const T = (s: TimelineStep, key: string) => level(s.average_tariffs[key], 1);
const W = (s: TimelineStep, c: string) => pct(s.countries[c]?.welfare_pct, 2);

export function StoryHead({
  steps,
  peakUs,
  peakCn,
  horizon,
  onHorizon,
  tariffsOnly,
}: {
  steps: TimelineStep[];
  /** The steps of the highest US and Chinese average tariff. */
  peakUs: number;
  peakCn: number;
  horizon: Horizon;
  onHorizon: (h: Horizon) => void;
  /** Set when the page runs the tariff steps alone: the model, and why it cannot apply the controls. */
  tariffsOnly: { model: string; reason: string | undefined } | null;
}) {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const geneva = steps.find((s) => s.talks?.city === 'Geneva');
  const london = steps.find((s) => s.talks?.city === 'London');
  return (
    <header className="story-head">
      <p className="kicker">A simulation of 2025, step by step · {HORIZON_TEXT[horizon].label.toLowerCase()}</p>
      <h1>The US–China trade war of 2025, and the talks that pulled it back</h1>
      <p className="lede">
        On 20 January the United States charged on average {T(first, 'USA<-CHN')} on Chinese goods and China{' '}
        {T(first, 'CHN<-USA')} on American ones. By {day(steps[peakUs].date, false)} the US average had reached{' '}
        <strong>{T(steps[peakUs], 'USA<-CHN')}</strong>, and by {day(steps[peakCn].date, false)} China's{' '}
        <strong>{T(steps[peakCn], 'CHN<-USA')}</strong>: trade between the two all but stopped.
        {geneva && (
          <>
            {' '}
            Talks in <strong>Geneva</strong> ({day(geneva.date, false)}) cut the rates to {T(geneva, 'USA<-CHN')} and{' '}
            {T(geneva, 'CHN<-USA')} for 90 days;
          </>
        )}
        {london && (
          <>
            {' '}
            at Lancaster House in <strong>London</strong> ({day(london.date, false)}) the two sides agreed a framework
            to keep the truce.
          </>
        )}{' '}
        After the last step ({day(last.date)}) the averages stand at {T(last, 'USA<-CHN')} and {T(last, 'CHN<-USA')},
        and the model puts welfare at {W(last, 'USA')} for the United States and {W(last, 'CHN')} for China, against the
        January baseline.
      </p>
      <KeyNumbers steps={steps} peakUs={peakUs} peakCn={peakCn} />
      <HorizonSwitch horizon={horizon} onHorizon={onHorizon} />
      <TariffNote first={first} peakUs={steps[peakUs]} peakCn={steps[peakCn]} />
      {tariffsOnly && (
        <p className="notice" role="note">
          <strong>Tariffs only, for now.</strong> The export controls of 2025 (rare earths, chips, EDA software) are on
          the strip, marked as not modelled, but they are not in the numbers: this version of the {tariffsOnly.model}{' '}
          model cannot apply them yet ({tariffsOnly.reason}). The page runs the full scenario as soon as it can.
        </p>
      )}
    </header>
  );
}

/** The peaks of both average tariffs and the US welfare at the peak and now. */
function KeyNumbers({ steps, peakUs, peakCn }: { steps: TimelineStep[]; peakUs: number; peakCn: number }) {
  const last = steps[steps.length - 1];
  return (
    <dl className="key-numbers">
      <div>
        <dt>Peak US tariff on China</dt>
        <dd>{T(steps[peakUs], 'USA<-CHN')}</dd>
        <dd className="when">{day(steps[peakUs].date)}</dd>
      </div>
      <div>
        <dt>Peak China tariff on the US</dt>
        <dd>{T(steps[peakCn], 'CHN<-USA')}</dd>
        <dd className="when">{day(steps[peakCn].date)}</dd>
      </div>
      <div>
        <dt>US welfare at the peak</dt>
        <dd>{W(steps[peakUs], 'USA')}</dd>
        <dd className="when">China {W(steps[peakUs], 'CHN')}</dd>
      </div>
      <div>
        <dt>US welfare now</dt>
        <dd>{W(last, 'USA')}</dd>
        <dd className="when">
          China {W(last, 'CHN')}, {day(last.date)}
        </dd>
      </div>
    </dl>
  );
}

/** The horizon switch: which equilibrium the numbers are, said in words. */
function HorizonSwitch({ horizon, onHorizon }: { horizon: Horizon; onHorizon: (h: Horizon) => void }) {
  return (
    <fieldset className="horizon-switch" data-testid="horizon">
      <legend>Horizon of the numbers</legend>
      {(['long-run', 'short-run'] as const).map((h) => (
        <label key={h}>
          <input type="radio" name="horizon" value={h} checked={horizon === h} onChange={() => onHorizon(h)} />{' '}
          {HORIZON_TEXT[h].label}
        </label>
      ))}
      <p data-testid="horizon-shown">
        Shown: <strong>{HORIZON_TEXT[horizon].label.toLowerCase()}</strong> — {HORIZON_TEXT[horizon].says}.
      </p>
    </fieldset>
  );
}
