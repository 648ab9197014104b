/**
 * Plain-language notes of the 2025 story: what the measures mean (welfare, real income, real GDP),
 * which horizon the numbers are at, and why the cards' average tariffs are not the news' 145% and
 * 125% (headline additional rates vs trade-weighted averages that include the earlier layers;
 * specs/timeline-2025.md, "Conventions").
 */
import type { TimelineStep } from '../../api.ts';
import { day, level } from '../../format.ts';

export type Horizon = 'long-run' | 'short-run';

export const HORIZON_TEXT: Record<Horizon, { label: string; says: string }> = {
  'long-run': {
    label: 'Long run',
    says:
      'the equilibrium once trade has fully adjusted to each step (years): ' +
      'trade elasticities as estimated for the dataset',
  },
  'short-run': {
    label: 'Short run',
    says:
      'within about a year of each step: trade elasticities × 0.4, because firms and buyers switch suppliers only ' +
      'slowly (Boehm, Levchenko & Pandalai-Nayar 2023: ≈ 0.8 within a year against ≈ 2 in the long run)',
  },
};

/** What welfare, real income and real GDP mean here, in plain words. */
export function Measures() {
  return (
    <section aria-labelledby="measures-h" className="panel measures">
      <h2 id="measures-h">What the numbers mean</h2>
      <dl>
        <dt>Welfare</dt>
        <dd>
          How much better or worse off a country's households are, as a percent of what they could buy before: the
          change in real income that would leave them exactly as well off as the policy does. −0.5% means the policy
          costs as much as losing half a percent of income. It counts the tariff revenue a government collects (handed
          back to its households), so a tariff can raise a large country's welfare while it lowers its trade.
        </dd>
        <dt>Real income</dt>
        <dd>
          Everything a country earns — wages, profits and tariff revenue, plus the trade deficit it can run — divided by
          the prices its buyers pay. When tariffs raise prices faster than incomes, real income falls.
        </dd>
        <dt>Real GDP</dt>
        <dd>
          The value of what a country produces, at the prices before the policy. It moves much less than trade: in the
          model, workers and machines that stop making goods for export make something else.
        </dd>
        <dt>Trade changes and tariffs</dt>
        <dd>
          Exports and imports are goods flows, percent change from the state on 20 January 2025. Tariffs are
          trade-weighted averages (see the note on the averages).
        </dd>
      </dl>
      <p className="muted">
        All changes are against the dataset's baseline: the world of 2023 with the tariffs in force on 20 January 2025
        (including the 2018–19 trade-war layers).
      </p>
    </section>
  );
}

/**
 * Why the cards show averages such as 165.8% and 147.8% when the news said 145% and 125%: the news
 * quoted the headline additional duties of April 2025; the cards are trade-weighted averages of all
 * duties, including the layers in force before 2025. The numbers are read from the run.
 */
export function TariffNote({
  first,
  peakUs,
  peakCn,
}: {
  first: TimelineStep;
  peakUs: TimelineStep;
  peakCn: TimelineStep;
}) {
  const us0 = first.average_tariffs['USA<-CHN'],
    cn0 = first.average_tariffs['CHN<-USA'];
  const us = peakUs.average_tariffs['USA<-CHN'],
    cn = peakCn.average_tariffs['CHN<-USA'];
  return (
    <aside className="panel note" aria-labelledby="tariff-note-h" data-testid="tariff-note">
      <h2 id="tariff-note-h">
        Why {level(us)} and {level(cn)}, when the news said 145% and 125%?
      </h2>
      <p>
        The news quoted <strong>headline rates</strong>: the additional duties announced in April 2025 on all goods —
        for the United States 125% “reciprocal” plus the 20% fentanyl tariff (145%), for China 125%. They come{' '}
        <em>on top of</em> the duties already in force: the most-favoured-nation tariffs and the 2018–19 trade-war
        layers, which averaged {level(us0)} (US on China) and {level(cn0)} (China on the US) on 20 January 2025 (PIIE).
      </p>
      <p>
        The cards show <strong>trade-weighted averages of all duties</strong>, earlier layers included:{' '}
        {`${level(us)} = ${level(us0)} before 2025 +${(us - us0).toFixed(1)} points added by ` +
          `${day(peakUs.date)}; ${level(cn)} = ${level(cn0)} +${(cn - cn0).toFixed(1)} points by ` +
          `${day(peakCn.date)}.`}
        The two kinds of figure should not be mixed (specs/timeline-2025.md, “Conventions”). PIIE's own average for
        mid-April, after the exemptions (energy, pharmaceuticals and other Annex II goods), was 124.1%: the model takes
        that level on 16 April.
      </p>
    </aside>
  );
}
