/**
 * The critical-supply view (issue 12's results): China's rare-earth licensing of April 2025
 * (scenarios/controls/china-ree-licensing-2025.yaml) run as a solve with its weekly inventory
 * clock — which industries run short of separated rare earths (RES) and magnets (MAG), when each
 * region's stocks run out, and at what price the short supply clears (`chain.<REM|RES|MAG>.<region>`,
 * `users`, `inventories`). The elasticity of the critical-input nest is a stated choice; the page
 * shows the range over the scenario's sweep of it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import { api, runScenario, type Progress, type Run } from '../../api.ts';
import { useDataset, sourceLine } from '../../data.tsx';
import { day, pct, regionColour, sectorName } from '../../format.ts';
import { Figure } from '../../components/Figure.tsx';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { RunStatus } from '../../components/RunStatus.tsx';

const SCENARIO = 'controls/china-ree-licensing-2025';
const STAGES = ['RES', 'MAG'] as const;
/** The scenario's report countries, and Taiwan (chips): the rows of the tables. */
const SHOWN = ['USA', 'CHN', 'JPN', 'KOR', 'TWN', 'DEU', 'EUR'];
const STAGE_NAME: Record<string, string> = { REM: 'ores', RES: 'separated rare earths', MAG: 'magnets' };

type Measures = Record<string, Record<string, number>>;
interface ChainRow {
  price_pct: number;
  shortage_pct: number;
  output_pct: number;
}
/** The fields of the solve result the view reads (src/model/registry.ts GeModelResult). */
interface CriticalResult {
  model: string;
  dataset: string;
  countries: Record<string, Record<string, number>>;
  chain?: Record<string, Record<string, ChainRow>>;
  users?: Record<string, Record<string, { real_output_pct: number }>>;
  elasticities?: { critical_inputs?: { elasticity?: number; users?: string[] } };
  inventories?: {
    start: string;
    end: string;
    weeks: number;
    stockouts: { region: string; sector: string; weeks_of_stock: number; date: string | null }[];
    path: { week: number; date: string; measures: Measures }[];
    average: Measures;
  };
  sweep?: { sigma: number; status: string; measures: Measures }[];
}

/** A finished solve of exactly this text, if stored; else a new run. */
async function solveOnce(
  text: string,
  name: string | null,
  onProgress: (p: Progress) => void,
): Promise<Run<CriticalResult>> {
  const runs = await api.runs({ kind: 'solve', status: 'done', limit: 30 });
  for (const r of runs.filter((r) => r.name === name)) {
    const full = await api.run<CriticalResult>(r.id);
    if (full.scenario === text && full.result) return full;
  }
  return runScenario<CriticalResult>('solve', text, onProgress);
}

export function CriticalSupply() {
  const [run, setRun] = useState<Run<CriticalResult> | null>(null);
  const [file, setFile] = useState<string>('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const s = (await api.embedded()).find((x) => x.id === SCENARIO);
      if (!s) throw new Error(`Expected the embedded scenario ${SCENARIO}, found none`);
      setFile(s.file);
      const r = await solveOnce(s.text, s.name, (p) => live && setProgress(p));
      if (live) setRun(r);
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="critical-h" className="panel" data-testid="critical-supply">
      <h2 id="critical-h">Critical supply: who runs short of rare earths, when, and at what price</h2>
      <p>
        On 4 April 2025 China made exports of seven rare earths and the magnets that contain them subject to licences;
        in April–May about a quarter of requests were granted. The model caps China's exports of separated rare earths
        and magnets at 25% of 2023, lets no plant outside China expand within months, and gives every user eight weeks
        of stock; a weekly clock then finds when each region's stocks run out.
      </p>
      {error && (
        <p className="error" role="alert">
          The rare-earth scenario could not be run: {error}
        </p>
      )}
      {!run && !error && <RunStatus label="Solving the rare-earth licensing scenario" progress={progress} />}
      {run?.result && <CriticalBody run={run} file={file} />}
    </section>
  );
}

type Inventories = NonNullable<CriticalResult['inventories']>;
type RegionName = (code: string) => string;

function CriticalBody({ run, file }: { run: Run<CriticalResult>; file: string }) {
  const r = run.result!;
  const dataset = useDataset(r.dataset);
  const inv = r.inventories;
  // The economies the scenario reports on (its report.countries), in that order, where the result has them.
  const regions = SHOWN.filter((c) => r.users?.[c]);
  const name = (code: string) =>
    code === 'defence' ? 'Defence' : sectorName(code, dataset?.sectors.find((s) => s.code === code)?.name);
  const region = (c: string) => dataset?.regions.find((x) => x.code === c)?.name ?? c;
  const sigma = r.elasticities?.critical_inputs?.elasticity;
  return (
    <>
      {inv && <StockoutTable inv={inv} regions={regions} region={region} />}
      <ShortIndustries r={r} regions={regions} region={region} sectorName={name} />
      {r.chain && <ChainPrices r={r} chain={r.chain} regions={regions} region={region} />}
      {inv && (
        <WeeklyOutput
          inv={inv}
          watch={['JPN', 'KOR', 'USA', 'DEU'].filter((c) => regions.includes(c))}
          region={region}
          source={sourceLine(r.model, dataset, `Scenario ${file}.`)}
          deps={[r]}
        />
      )}
      <p className="muted">
        How hard a shortage hits depends on how well users can do without the input: the model treats rare earths as a
        near-complement of everything else in the using industries (σ = {sigma ?? '?'}, a stated choice — no point
        estimate exists), so prices rise far more than the cost share suggests. The stock-out dates are an in-sample
        comparison: the 8 weeks of stock come from the same reports as the stoppages. Run{' '}
        <code>{run.id.slice(0, 8)}</code>. Open the file in the <a href="#/editor">scenario editor</a> (Example:{' '}
        {SCENARIO}) to change the approval, the stocks or σ.
      </p>
    </>
  );
}

/**
 * A table of the regions (rows) by `columns`: each cell from `cell`. The three tables of this
 * section (stock-outs, short industries, chain prices) are this shape.
 */
function RegionTable({
  label,
  testId,
  caption,
  columns,
  regions,
  region,
  cell,
}: {
  label: string;
  testId: string;
  caption: ReactNode;
  columns: { key: string; head: ReactNode }[];
  regions: string[];
  region: RegionName;
  cell: (c: string, key: string) => ReactNode;
}) {
  return (
    <ScrollBox label={label}>
      <table className="result-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            {columns.map((k) => (
              <th key={k.key} scope="col">
                {k.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regions.map((c) => (
            <tr key={c}>
              <th scope="row">{region(c)}</th>
              {columns.map((k) => (
                <td key={k.key}>{cell(c, k.key)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function StockoutTable({ inv, regions, region }: { inv: Inventories; regions: string[]; region: RegionName }) {
  return (
    <RegionTable
      label="When stocks run out"
      testId="stockouts"
      caption={
        `When stocks run out (8 weeks of use at the start, from ` +
        `${day(inv.start)}; the clock runs ${inv.weeks} weeks)`
      }
      columns={STAGES.map((s) => ({ key: s, head: `${STAGE_NAME[s]} (${s})` }))}
      regions={regions}
      region={region}
      cell={(c, s) => {
        const o = inv.stockouts.find((x) => x.region === c && x.sector === s);
        return !o ? '—' : o.date ? day(o.date) : 'no stock-out';
      }}
    />
  );
}

/** Real output of the industries that use rare earths, once stocks are gone and on average over the clock. */
function ShortIndustries({
  r,
  regions,
  region,
  sectorName: name,
}: {
  r: CriticalResult;
  regions: string[];
  region: RegionName;
  sectorName: (code: string) => string;
}) {
  const inv = r.inventories;
  const users = Object.keys(r.users?.[regions[0]] ?? {});
  return (
    <RegionTable
      label="Which industries run short"
      testId="short-industries"
      caption={
        `Which industries run short: real output of the industries that use rare earths once stocks are ` +
        `gone (and the average over the ${inv?.weeks ?? ''} weeks), percent change`
      }
      columns={users.map((u) => ({ key: u, head: name(u) }))}
      regions={regions}
      region={region}
      cell={(c, u) => {
        const avg = inv?.average[c]?.[`${u}_output_pct`];
        return (
          <>
            {pct(r.users![c][u].real_output_pct, 1)}
            {avg !== undefined && <span className="muted"> (avg {pct(avg, 1)})</span>}
          </>
        );
      }}
    />
  );
}

/** The range of a measure of region `c` over the converged solves of the scenario's σ sweep. */
function sweepRange(r: CriticalResult, c: string, key: string): [number, number] | undefined {
  const v = (r.sweep ?? [])
    .filter((s) => s.status === 'converged')
    .map((s) => s.measures[c]?.[key])
    .filter((x): x is number => Number.isFinite(x));
  return v.length ? [Math.min(...v), Math.max(...v)] : undefined;
}

/** The buyers' price of the controlled stages and the unmet share of their use, with the range over σ. */
function ChainPrices({
  r,
  chain,
  regions,
  region,
}: {
  r: CriticalResult;
  chain: NonNullable<CriticalResult['chain']>;
  regions: string[];
  region: RegionName;
}) {
  return (
    <RegionTable
      label="At what price"
      testId="chain-prices"
      caption={`At what price: the buyers' price of the controlled stages and the share of their use that goes unmet, once stocks are gone${r.sweep?.length ? `; in brackets the range over σ = ${r.sweep.map((s) => s.sigma).join(', ')}` : ''}`}
      columns={STAGES.map((s) => ({ key: s, head: `${STAGE_NAME[s]}: price, shortage` }))}
      regions={regions}
      region={region}
      cell={(c, s) => {
        const row = chain[s]?.[c];
        const rg = sweepRange(r, c, `${s}_price_pct`);
        return (
          <>
            {row ? `${pct(row.price_pct, 0)}, ${row.shortage_pct.toFixed(0)}% short` : '—'}
            {rg && (
              <span className="muted">
                {' '}
                [{pct(rg[0], 0)} … {pct(rg[1], 0)}]
              </span>
            )}
          </>
        );
      }}
    />
  );
}

/** Weekly real output of electrical and optical equipment (c14) in the `watch` regions, along the inventory clock. */
function WeeklyOutput({
  inv,
  watch,
  region,
  source,
  deps,
}: {
  inv: Inventories;
  watch: string[];
  region: RegionName;
  source: string;
  deps: unknown[];
}) {
  const weekly = inv.path.flatMap((p) =>
    watch
      .map((c) => ({
        date: new Date(`${p.date}T12:00:00Z`),
        day: p.date,
        region: c,
        value: p.measures[c]?.c14_output_pct,
      }))
      .filter((x) => x.value !== undefined),
  ) as { date: Date; day: string; region: string; value: number }[];
  if (!weekly.length) return null;
  return (
    <Figure
      id="critical-weekly"
      title="Electrical and optical equipment, week by week"
      description={
        `Real output of electrical and optical equipment (c14), percent change, each week from ` +
        `${day(inv.start)}: output holds while stocks last and falls when they run out.`
      }
      render={(width) =>
        Plot.plot({
          width,
          height: 240,
          marginLeft: 48,
          marginRight: width < 500 ? 12 : 24,
          x: { type: 'utc', label: null, ticks: width < 500 ? 4 : 8 },
          y: { label: '% change', grid: true, tickFormat: (v: number) => pct(v, 0) },
          color: { domain: watch, range: watch.map(regionColour) },
          marks: [
            Plot.ruleY([0], { stroke: '#888' }),
            Plot.line(weekly, { x: 'date', y: 'value', stroke: 'region', strokeWidth: 2, curve: 'step-after' }),
            Plot.tip(
              weekly,
              Plot.pointerX({
                x: 'date',
                y: 'value',
                stroke: 'region',
                title: (d: (typeof weekly)[number]) =>
                  `${region(d.region)}, week of ${day(d.day)}\nelectrical & optical output ${pct(d.value, 1)}`,
              }),
            ),
          ],
        })
      }
      rows={weekly.map(({ day: d, region: c, value }) => ({
        week_of: d,
        region: c,
        c14_output_pct: Math.round(value * 1000) / 1000,
      }))}
      legend={watch.map((c) => ({ label: region(c), color: regionColour(c) }))}
      source={source}
      deps={deps}
    />
  );
}
