/**
 * The result of a gravity run (docs/gravity.md): the PPML estimates with standard errors, how the
 * estimation went, and the general-equilibrium counterfactual of the estimated effect — each
 * country's welfare change, with the bootstrap interval when the scenario asked for one.
 */
import type { Run } from '../../api.ts';
import { pct } from '../../format.ts';
import { ScrollBox } from '../../components/ScrollBox.tsx';

interface GeCountry {
  welfare_factor: number;
  real_wage_factor: number;
  nominal_wage_factor: number;
  price_index_factor: number;
}

/** The fields of a gravity result the view reads (src/scenario/gravity/run.ts GravityResult). */
export interface GravityResultShape {
  kind: 'gravity';
  name: string;
  status: string;
  converged: boolean;
  message: string;
  estimates: Record<string, { coef: number | null; se: number | null; omitted?: true }>;
  estimation: { observations: number; vce: string; fixed_effects: string[]; clusters: number | null };
  ge?: {
    year: string | null;
    theta: number;
    imbalances: string;
    status: string;
    shock: { regressor: string; coefficient: number; pairs_shocked: number };
    countries: Record<string, GeCountry>;
  };
  bands?: {
    replications: number;
    level: number;
    estimates: Record<string, { coef: [number, number]; se: number }>;
    ge?: { countries: Record<string, { welfare_factor: [number, number] }> };
  };
}

const f3 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3);
/** A factor (new / old) as a percent change. */
const change = (f: number | undefined) => (f === undefined ? undefined : 100 * (f - 1));

export function GravityResult({ run }: { run: Run<GravityResultShape> }) {
  const r = run.result!;
  return (
    <div className="result gravity-result" data-testid="result" data-kind="gravity" data-run={run.id}>
      <h3>{r.name}</h3>
      <p className={r.converged ? 'muted' : 'error'}>
        {r.converged ? '✓' : '✗'} {r.message}; {r.estimation.observations} observations, fixed effects{' '}
        {r.estimation.fixed_effects.join(', ')}, {r.estimation.vce} standard errors
        {r.estimation.clusters ? ` (${r.estimation.clusters} clusters)` : ''}.
      </p>
      <EstimatesTable r={r} />
      {r.ge && <Counterfactual ge={r.ge} bands={r.bands} />}
      <p className="source">
        Lancaster gravity estimate (PPML) and structural counterfactual on the scenario's data file. Run{' '}
        <code>{run.id.slice(0, 8)}</code>.
      </p>
    </div>
  );
}

function EstimatesTable({ r }: { r: GravityResultShape }) {
  return (
    <ScrollBox label="Estimates">
      <table className="result-table" data-testid="estimates">
        <caption>PPML estimates (coefficients and standard errors)</caption>
        <thead>
          <tr>
            <th scope="col">Regressor</th>
            <th scope="col">Coefficient</th>
            <th scope="col">Std. error</th>
            {r.bands && (
              <th scope="col">
                Bootstrap {Math.round(100 * r.bands.level)}% interval ({r.bands.replications} draws)
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {Object.entries(r.estimates).map(([k, e]) => {
            const b = r.bands?.estimates[k]?.coef;
            return (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{e.omitted ? 'omitted' : f3(e.coef)}</td>
                <td>{f3(e.se)}</td>
                {r.bands && <td>{b ? `${f3(b[0])} … ${f3(b[1])}` : '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The general-equilibrium counterfactual of the estimated effect: welfare and real wage by country. */
function Counterfactual({
  ge,
  bands,
}: {
  ge: NonNullable<GravityResultShape['ge']>;
  bands: GravityResultShape['bands'];
}) {
  const band = bands?.ge?.countries;
  const rows = Object.entries(ge.countries).sort(([, a], [, b]) => b.welfare_factor - a.welfare_factor);
  return (
    <>
      <p>
        Counterfactual{ge.year ? ` in ${ge.year}` : ''}: the estimated effect of <code>{ge.shock.regressor}</code> (
        {f3(ge.shock.coefficient)}) on {ge.shock.pairs_shocked} pairs, trade elasticity θ = {ge.theta}, {ge.imbalances}{' '}
        imbalances — {ge.status}.
      </p>
      <ScrollBox label="Welfare by country">
        <table className="result-table" data-testid="gravity-welfare">
          <caption>
            Welfare and real wage, percent change
            {band ? `; ${Math.round(100 * (bands?.level ?? 0))}% bootstrap interval of welfare` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Welfare</th>
              {band && <th scope="col">Interval</th>}
              <th scope="col">Real wage</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([c, v]) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                <td>{pct(change(v.welfare_factor), 3)}</td>
                {band && (
                  <td>
                    {band[c]
                      ? `${pct(change(band[c].welfare_factor[0]), 3)} … ${pct(change(band[c].welfare_factor[1]), 3)}`
                      : '—'}
                  </td>
                )}
                <td>{pct(change(v.real_wage_factor), 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
