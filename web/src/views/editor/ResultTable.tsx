/** A solve's or a timeline's result by country, beside the previous run's welfare, with its map and provenance. */
import type { Run, SectorRow, SolveResult, TimelineResult } from '../../api.ts';
import { useDataset, sourceLine } from '../../data.tsx';
import { INDICATORS, day, level, pct } from '../../format.ts';
import { OutcomeMap } from '../results/OutcomeMap.tsx';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { Provenance } from '../../components/Provenance.tsx';

export type Result = SolveResult | TimelineResult;

type Outcome = ReturnType<typeof outcome>;

/** Countries, sectors and values of a run: the solve's, or the last step's of a timeline. */
function outcome(run: Run<Result>) {
  const r = run.result!;
  if ('steps' in r) {
    const last = r.steps[r.steps.length - 1];
    return {
      countries: last.countries,
      sectors: last.sectors,
      label: `after the last step (${day(last.date)})`,
      tariffs: last.average_tariffs,
    };
  }
  // A solve gives sector detail for the regions of report.sectors (GeModelResult.sectors).
  const sectors = (r as SolveResult & { sectors?: Record<string, Record<string, SectorRow>> }).sectors;
  return { countries: r.countries, sectors, label: 'in the new equilibrium', tariffs: undefined };
}

/** The countries the scenario's `report.countries` names (those the result has), else the first 12. */
function reportedCountries(scenario: string, codes: string[]): string[] {
  const m = /countries:\s*\[([^\]]*)\]/.exec(scenario);
  const want = m ? m[1].split(',').map((s) => s.trim()) : [];
  const have = want.filter((c) => codes.includes(c));
  return have.length ? have : codes.slice(0, 12);
}

/** A signed percent change without the % sign (the table says its unit once). */
const num = (x: number | null | undefined) => pct(x, 3).replace('%', '');

export function ResultTable({ cur, prev }: { cur: Run<Result>; prev?: Run<Result> }) {
  const dataset = useDataset(cur.dataset);
  const a = outcome(cur);
  const b = prev ? outcome(prev) : undefined;
  return (
    <div className="result" data-testid="result" data-run={cur.id}>
      <h3>Result {a.label}</h3>
      {a.tariffs && (
        <p className="muted">
          Average tariffs: US on China {level(a.tariffs['USA<-CHN'])}, China on the US {level(a.tariffs['CHN<-USA'])}
          {b?.tariffs && (
            <>
              {' '}
              (previous run: {level(b.tariffs['USA<-CHN'])}, {level(b.tariffs['CHN<-USA'])})
            </>
          )}
        </p>
      )}
      <CountryTable a={a} b={b} countries={reportedCountries(cur.scenario, Object.keys(a.countries))} />
      <p className="source">
        {sourceLine(cur.model, dataset)} Run <code>{cur.id.slice(0, 8)}</code>.{' '}
        {prev && <a href={`#/compare?a=${prev.id}&b=${cur.id}`}>Compare this run with the previous one</a>}
      </p>
      <OutcomeMap
        runId={cur.id}
        countries={a.countries}
        sectors={a.sectors}
        dataset={dataset}
        label={a.label}
        source={sourceLine(cur.model, dataset, `Run ${cur.id.slice(0, 8)}.`)}
      />
      <Provenance dataset={dataset} model={cur.model} runId={cur.id} />
    </div>
  );
}

/** Percent changes of `countries` in outcome `a`, and, with a previous outcome `b`, its welfare and the change. */
function CountryTable({ a, b, countries }: { a: Outcome; b?: Outcome; countries: string[] }) {
  const fields = ['welfare_pct', 'real_income_pct', 'exports_pct', 'imports_pct'].filter((f) =>
    Object.values(a.countries).some((c) => c[f] !== undefined),
  );
  return (
    <ScrollBox label="Result by country" testId="result-scroll">
      <table className="result-table">
        <caption>
          Percent changes by country{b ? <>; Δ welfare: this run − the previous one, percentage points</> : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            {fields.map((f) => (
              <th key={f} scope="col">
                {INDICATORS[f] ?? f}
              </th>
            ))}
            {b && (
              <>
                <th scope="col">Welfare, previous</th>
                <th scope="col">
                  <abbr title="Change of welfare from the previous run, percentage points">Δ welfare</abbr>
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {countries.map((c) => {
            const w = a.countries[c]?.welfare_pct;
            const pw = b?.countries[c]?.welfare_pct;
            return (
              <tr key={c}>
                <th scope="row">{c}</th>
                {fields.map((f) => (
                  <td key={f} data-testid={`result-${c}-${f}`}>
                    {num(a.countries[c]?.[f])}
                  </td>
                ))}
                {b && (
                  <>
                    <td>{num(pw)}</td>
                    <td data-testid={`change-${c}`}>{w !== undefined && pw !== undefined ? num(w - pw) : '—'}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
