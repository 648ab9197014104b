/**
 * Side-by-side comparison of two finished runs (solve or timeline; a timeline is compared at its
 * last step): a dot chart A → B per country for one indicator, and the table of a, b and b − a
 * with the United States and China pinned on top. Two timelines are also compared over time
 * (average tariffs). The runs are named in the hash (#/compare?a=…&b=…): choosing a run adds a
 * history entry, and back/forward (or an edited hash) switch the runs shown.
 */
import { useEffect, useMemo, useState } from 'react';
import * as Plot from '@observablehq/plot';
import { api, type Run, type RunSummary, type SolveResult, type TimelineResult } from '../api.ts';
import { useHash } from '../hash.ts';
import { useDataset, sourceLine } from '../data.tsx';
import { INDICATORS, OKABE_ITO, date, day, level, pct } from '../format.ts';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { Figure } from '../components/Figure.tsx';
import { Provenance } from '../components/Provenance.tsx';

type Result = SolveResult | TimelineResult;

const countriesOf = (r: Result) => ('steps' in r ? r.steps[r.steps.length - 1].countries : r.countries);
const A = OKABE_ITO.orange;
const B = OKABE_ITO.blue;

function describe(r: RunSummary) {
  return (
    `${r.name ?? '(unnamed)'} · ${r.kind} · ` +
    `${new Date(r.created_at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })} · ` +
    `${r.id.slice(0, 8)}`
  );
}

/**
 * A run to compare, chosen from the finished runs. A select cuts a long run name on a phone, so
 * the chosen run is the summary of a disclosure (its text wraps) and the runs are radio buttons in
 * a bounded list (each label wraps; arrow keys move between them, as in a select).
 */
function RunPicker({
  side,
  color,
  list,
  value,
  onChoose,
}: {
  side: 'A' | 'B';
  color: string;
  list: RunSummary[];
  value: string;
  onChoose: (id: string) => void;
}) {
  const chosen = list.find((r) => r.id === value);
  return (
    <details className={`run-picker side-${side}`} data-testid={`run-picker-${side}`}>
      <summary>
        <span className="swatch" style={{ background: color }} aria-hidden="true" /> <strong>Run {side}</strong>:{' '}
        <span data-testid="run-picker-chosen">{chosen ? describe(chosen) : 'none chosen'}</span>
        <span className="run-picker-hint"> (change)</span>
      </summary>
      <fieldset className="run-picker-list">
        <legend className="sr-only">Run {side}</legend>
        {list.map((r) => (
          <label key={r.id}>
            <input
              type="radio"
              name={`run-${side}`}
              value={r.id}
              checked={r.id === value}
              onChange={() => onChoose(r.id)}
            />{' '}
            {describe(r)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** The United States and China come first in the table; the rest follow by B − A. */
const PINNED = ['USA', 'CHN'];

/** Per country: the field in A, in B, and B − A (null where a run lacks it, never zero). */
export function compareField(a: Result, b: Result, field: string) {
  const ca = countriesOf(a),
    cb = countriesOf(b);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const codes = [...new Set([...Object.keys(ca), ...Object.keys(cb)])];
  const rows = codes
    .map((country) => {
      const va = num(ca[country]?.[field]),
        vb = num(cb[country]?.[field]);
      return { country, a: va, b: vb, diff: va !== null && vb !== null ? vb - va : null };
    })
    .filter((r) => r.a !== null || r.b !== null);
  return { rows, onlyA: codes.filter((c) => !(c in cb)), onlyB: codes.filter((c) => !(c in ca)) };
}

const compareHash = (a: string, b: string) => `#/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

/** The finished solve and timeline runs (the ones that can be compared), newest first. */
function useFinishedRuns() {
  const [list, setList] = useState<RunSummary[] | null>(null);
  const [listError, setError] = useState<string | null>(null);
  useEffect(() => {
    api.runs({ status: 'done', limit: 200 }).then(
      (rs) => setList(rs.filter((r) => r.kind === 'solve' || r.kind === 'timeline')),
      (e: Error) => setError(e.message),
    );
  }, []);
  return { list, listError };
}

/** Runs `a` and `b`, fetched; the address names them (replacing the entry) when it did not (`named`). */
function useRunPair(a: string, b: string, named: boolean) {
  const [runs, setRuns] = useState<[Run<Result>, Run<Result>] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!a || !b) return;
    if (!named) history.replaceState(null, '', compareHash(a, b));
    let live = true;
    setError(null);
    Promise.all([api.run<Result>(a), api.run<Result>(b)]).then(
      ([ra, rb]) => live && setRuns([ra, rb]),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [a, b, named]);
  return { runs, error };
}

export function Compare() {
  const hash = useHash();
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const [field, setField] = useState('welfare_pct');
  const { list, listError } = useFinishedRuns();
  // The hash is the state: the runs shown are the ones it names (else the two latest).
  const ids: [string, string] = [query.get('a') || list?.[1]?.id || '', query.get('b') || list?.[0]?.id || ''];
  const [a, b] = ids;
  const named = Boolean(query.get('a') && query.get('b'));
  const choose = (k: 0 | 1, id: string) => {
    location.hash = compareHash(k ? ids[0] : id, k ? id : ids[1]);
  };

  const { runs, error: runError } = useRunPair(a, b, named);
  const error = listError ?? runError;

  return (
    <div className="compare-view">
      <header className="view-head">
        <h1>Compare runs</h1>
        <p className="lede">
          Two finished runs side by side: A → B for every country, and the difference B − A. A timeline is compared at
          its last step.
        </p>
      </header>
      <section className="panel" aria-labelledby="pick-h">
        <h2 id="pick-h" className="sr-only">
          Choose the runs
        </h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {list && list.length < 2 && (
          <p>
            At least two finished runs are needed: solve or run timelines in the <a href="#/editor">editor</a> first.
          </p>
        )}
        {list && list.length >= 2 && (
          <div className="pickers compare-pickers">
            {(['A', 'B'] as const).map((side, k) => (
              <RunPicker
                key={side}
                side={side}
                color={k ? B : A}
                list={list}
                value={ids[k]}
                onChoose={(id) => choose(k as 0 | 1, id)}
              />
            ))}
            <label className="picker">
              Indicator{' '}
              <select value={field} onChange={(e) => setField(e.target.value)}>
                {Object.entries(INDICATORS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </section>
      {runs && <Comparison a={runs[0]} b={runs[1]} field={field} />}
    </div>
  );
}

function Comparison({ a, b, field }: { a: Run<Result>; b: Run<Result>; field: string }) {
  const dsA = useDataset(a.dataset);
  const cmp = useMemo(() => compareField(a.result!, b.result!, field), [a, b, field]);
  const rows = cmp.rows;
  const order = [...rows].sort((p, q) => (p.b ?? p.a ?? 0) - (q.b ?? q.a ?? 0)).map((r) => r.country);
  const pinned = PINNED.filter((c) => rows.some((r) => r.country === c));
  const tableRows = [
    ...pinned.map((c) => rows.find((r) => r.country === c)!),
    ...rows.filter((r) => !pinned.includes(r.country)).sort((p, q) => (p.diff ?? Infinity) - (q.diff ?? Infinity)),
  ];
  const label = INDICATORS[field] ?? field;
  const same = a.dataset === b.dataset && a.model === b.model;
  const both = 'steps' in a.result! && 'steps' in b.result!;
  return (
    <>
      <section className="panel" aria-labelledby="cmp-h">
        <div className="section-head">
          <h2 id="cmp-h">{label}: A → B</h2>
          <span className="run-meta">
            A: {a.name} ({a.id.slice(0, 8)}) · B: {b.name} ({b.id.slice(0, 8)})
          </span>
        </div>
        {!same && (
          <p className="notice">
            The runs use different models or datasets ({a.model}/{a.dataset} and {b.model}/{b.dataset}): compare with
            care.
          </p>
        )}
        <div className="compare-grid">
          <Figure
            id="compare-dots"
            title={`${label} by country, run A and run B`}
            description={
              `${label}, percent change, in run A (hollow orange circle) and run B ` +
              `(filled blue diamond), with an arrow from A to B.`
            }
            legend={[
              { label: `A: ${a.name ?? a.id.slice(0, 8)}`, color: A, shape: 'ring' },
              { label: `B: ${b.name ?? b.id.slice(0, 8)}`, color: B, shape: 'diamond' },
            ]}
            render={(width) => dotPlot(width, rows, order, label)}
            rows={rows}
            format={{ a: (v) => pct(v as number, 3), b: (v) => pct(v as number, 3), diff: (v) => pct(v as number, 3) }}
            source={sourceLine(a.model, dsA)}
            deps={[a.id, b.id, field]}
          />
          <div>
            <CompareTable label={label} rows={tableRows} pinned={pinned} />
            {(cmp.onlyA.length > 0 || cmp.onlyB.length > 0) && (
              <p className="muted">
                Only in A: {cmp.onlyA.join(', ') || '—'}; only in B: {cmp.onlyB.join(', ') || '—'}.
              </p>
            )}
          </div>
        </div>
        <Provenance dataset={dsA} model={a.model} runId={a.id} />
      </section>
      {both && (
        <TimelineCompare a={a as Run<TimelineResult>} b={b as Run<TimelineResult>} source={sourceLine(a.model, dsA)} />
      )}
    </>
  );
}

function TimelineCompare({ a, b, source }: { a: Run<TimelineResult>; b: Run<TimelineResult>; source: string }) {
  const rows = [...tariffSeries(a, 'A'), ...tariffSeries(b, 'B')].filter((r) => Number.isFinite(r.value));
  return (
    <section className="panel" aria-labelledby="tl-h">
      <h2 id="tl-h">Average tariffs over time, A and B</h2>
      <Figure
        id="compare-tariffs"
        title="Average tariffs, run A (dashed) and run B (solid)"
        description={
          'Trade-weighted average tariffs each way after each step of the two timelines; ' +
          'A dashed, B solid; blue: US on China, vermillion: China on the US.'
        }
        legend={[
          { label: 'US on China, A', color: OKABE_ITO.blue, dashed: true },
          { label: 'US on China, B', color: OKABE_ITO.blue },
          { label: 'China on US, A', color: OKABE_ITO.vermillion, dashed: true },
          { label: 'China on US, B', color: OKABE_ITO.vermillion },
        ]}
        render={(width) => tariffPlot(width, rows)}
        rows={rows.map(({ side, run, day: d, series: s, value }) => ({
          side,
          run,
          date: d,
          series: s,
          average_tariff_pct: value,
        }))}
        source={source}
        deps={[a.id, b.id]}
      />
    </section>
  );
}

type CompareRow = ReturnType<typeof compareField>['rows'][number];

/** Each country's value in A (ring) and B (diamond), an arrow from A to B, countries in `order`. */
function dotPlot(width: number, rows: CompareRow[], order: string[], label: string) {
  return Plot.plot({
    width: Math.min(width, 640),
    height: rows.length * 22 + 50,
    marginLeft: 60,
    x: { label: `${label}, % change`, grid: true, tickFormat: (v: number) => pct(v, 2) },
    y: { domain: order, label: null },
    marks: [
      Plot.ruleX([0], { stroke: '#999' }),
      Plot.link(
        rows.filter((r) => r.a !== null && r.b !== null),
        { x1: 'a', x2: 'b', y1: 'country', y2: 'country', stroke: '#888', markerEnd: 'arrow' },
      ),
      Plot.dot(
        rows.filter((r) => r.a !== null),
        { x: 'a', y: 'country', stroke: A, strokeWidth: 2, r: 5, fill: 'white' },
      ),
      Plot.dot(
        rows.filter((r) => r.b !== null),
        { x: 'b', y: 'country', fill: B, r: 4, symbol: 'diamond' },
      ),
      Plot.tip(
        rows,
        Plot.pointerY({
          x: 'b',
          y: 'country',
          title: (d: CompareRow) => `${d.country}\nA ${pct(d.a, 3)}\nB ${pct(d.b, 3)}\nB − A ${pct(d.diff, 3)}`,
        }),
      ),
    ],
  });
}

function CompareTable({ label, rows, pinned }: { label: string; rows: CompareRow[]; pinned: string[] }) {
  return (
    <ScrollBox label={`${label}: A, B and B − A by country`}>
      <table data-testid="compare-table">
        <caption>{label}, percent change: A, B and B − A (the United States and China first, then by B − A)</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const c = r.country;
            return (
              <tr key={c} data-country={c} className={pinned.includes(c) ? 'pinned' : undefined}>
                <th scope="row">{c}</th>
                <td>{pct(r.a, 3)}</td>
                <td>{pct(r.b, 3)}</td>
                <td className={r.diff === null ? '' : r.diff < 0 ? 'neg' : 'pos'}>{pct(r.diff, 3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The two average tariffs of a timeline run after each step, as rows of side `side`. */
function tariffSeries(run: Run<TimelineResult>, side: string) {
  return run.result!.steps.flatMap((s) => [
    {
      side,
      run: run.id,
      date: date(s.date),
      day: s.date,
      series: 'US on China',
      value: s.average_tariffs['USA<-CHN'],
    },
    {
      side,
      run: run.id,
      date: date(s.date),
      day: s.date,
      series: 'China on US',
      value: s.average_tariffs['CHN<-USA'],
    },
  ]);
}

type TariffRow = ReturnType<typeof tariffSeries>[number];

/** The averages of A dashed and B solid, blue the US on China, vermillion China on the US. */
function tariffPlot(width: number, rows: TariffRow[]) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 60,
    marginRight: 20,
    x: { type: 'utc', label: null, tickFormat: '%b' },
    y: { label: 'Average tariff (%)', grid: true, zero: true },
    marks: [
      ...(['A', 'B'] as const).flatMap((side) =>
        ['US on China', 'China on US'].map((s) =>
          Plot.line(
            rows.filter((r) => r.side === side && r.series === s),
            {
              x: 'date',
              y: 'value',
              curve: 'step-after',
              stroke: s === 'US on China' ? OKABE_ITO.blue : OKABE_ITO.vermillion,
              strokeDasharray: side === 'A' ? '5 4' : undefined,
              strokeWidth: 2,
            },
          ),
        ),
      ),
      Plot.tip(
        rows,
        Plot.pointer({
          x: 'date',
          y: 'value',
          title: (d: (typeof rows)[number]) => `${d.side}: ${d.series}\n${day(d.day)}: ${level(d.value)}`,
        }),
      ),
    ],
  });
}
