/**
 * The result of a strategy run (docs/strategy.md): what was solved (a best response, the Nash
 * tariffs of a trade war, cooperative agreements), whether it converged, each player's tariffs
 * from the start to the war / agreement and its objective against the factual policy, every
 * instrument's value, and the model's country results at the policy found.
 */
import type { DatasetInfo } from '../../api.ts';
import { useDataset, sourceLine } from '../../data.tsx';
import { INDICATORS, pct, sectorName } from '../../format.ts';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { Provenance } from '../../components/Provenance.tsx';
import type { Run } from '../../api.ts';
import type { StrategyResult as StrategyResultType } from '../../../../src/contract/strategy.ts';

/**
 * A strategy result (the contract's, src/contract/strategy.ts): the solve at the policy found and
 * the game's outcome.
 */
export type StrategyResultShape = StrategyResultType;
type TariffMeans = StrategyResultShape['mean_over_players']['tariff_weighted'];
type Agreement = NonNullable<StrategyResultShape['agreements']>['nash-bargaining'];

const KIND: Record<StrategyResultShape['kind'], string> = {
  'best-response': "Best response: each player's optimal tariffs against the others' start values",
  nash: "Nash equilibrium (trade war): every player's tariffs are a best response to the others'",
  cooperative: "Cooperative agreements: tariffs that raise every player's objective over the reference",
};

const STAGE: Record<string, string> = { start: 'start', war: 'war (Nash)', policy: 'result' };

/** "us_c14" → "Electrical & optical (US instrument)"-style label, from the dataset's sector names. */
function instrumentLabel(id: string, d: DatasetInfo | undefined): string {
  const m = /^([a-z]+)_(.+)$/.exec(id);
  if (!m) return id;
  const sector = d?.sectors.find((s) => s.code === m[2]);
  return sector ? `${m[1].toUpperCase()} · ${sectorName(sector.code, sector.name)}` : id;
}

/** A tariff as a percent level ("25.1%") from a fraction. */
const rate = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(1)}%`);

export function StrategyResult({ run }: { run: Run<StrategyResultShape> }) {
  const r = run.result!;
  const dataset = useDataset(run.dataset);
  const players = Object.keys(r.by_player);
  return (
    <div className="result strategy-result" data-testid="result" data-kind="strategy" data-run={run.id}>
      <h3>{KIND[r.kind] ?? r.kind}</h3>
      <p className={r.converged ? 'muted' : 'error'} data-testid="strategy-status">
        {r.converged ? '✓ Converged' : '✗ Did not converge — the numbers below are not an equilibrium'}: {r.message} (
        {r.solves.solves} model solves)
      </p>
      <PlayerTable r={r} players={players} dataset={dataset} />
      {r.responses && (
        <ul className="plain" data-testid="responses">
          {r.responses.map((b) => (
            <li key={b.player}>
              <strong>{b.player}</strong>: objective {pct(b.before, 3)} → {pct(b.after, 3)} by {b.method} in{' '}
              {b.evaluations} evaluations{b.converged ? '' : ' (did not converge)'}.
            </li>
          ))}
        </ul>
      )}
      {r.agreements && <AgreementTable agreements={r.agreements} players={Object.keys(r.objectives)} />}
      <InstrumentTable r={r} dataset={dataset} />
      <CountryTable r={r} countries={players.length ? players : Object.keys(r.objectives)} />
      <p className="source">
        {sourceLine(run.model, dataset)} Run <code>{run.id.slice(0, 8)}</code>.
      </p>
      <Provenance dataset={dataset} model={run.model} runId={run.id} />
    </div>
  );
}

/** Each player's average tariff at each stage (start, war, result) and its objective against the factual policy. */
function PlayerTable({
  r,
  players,
  dataset,
}: {
  r: StrategyResultShape;
  players: string[];
  dataset: DatasetInfo | undefined;
}) {
  const stages = Object.keys(Object.values(r.by_player)[0]?.tariff_weighted ?? {}) as (keyof TariffMeans)[];
  return (
    <ScrollBox label="Tariffs and objectives by player">
      <table className="result-table" data-testid="by-player">
        <caption>
          By player: trade-weighted average tariff at each stage, and the objective against the factual policy (percent)
        </caption>
        <thead>
          <tr>
            <th scope="col">Player</th>
            {stages.map((s) => (
              <th key={s} scope="col">
                Tariff, {STAGE[s] ?? s}
              </th>
            ))}
            <th scope="col">Objective at the result vs factual</th>
          </tr>
        </thead>
        <tbody>
          {players.map((p) => {
            const b = r.by_player[p];
            const vs = b.response_vs_factual_pct ?? b.war_vs_factual_pct;
            return (
              <tr key={p}>
                <th scope="row">{dataset?.regions.find((x) => x.code === p)?.name ?? p}</th>
                {stages.map((s) => (
                  <td key={s}>{rate(b.tariff_weighted[s])}</td>
                ))}
                <td>{pct(vs ?? r.objectives[p] - r.factual[p], 3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function AgreementTable({ agreements, players }: { agreements: Record<string, Agreement>; players: string[] }) {
  return (
    <ScrollBox label="Agreements">
      <table className="result-table" data-testid="agreements">
        <caption>Agreements: gains of each player over the reference (percentage points of its objective)</caption>
        <thead>
          <tr>
            <th scope="col">Agreement</th>
            {players.map((p) => (
              <th key={p} scope="col">
                Gain, {p}
              </th>
            ))}
            <th scope="col">Converged</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(agreements).map(([name, a]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {players.map((p) => (
                <td key={p}>{pct(a.gains[p], 3)}</td>
              ))}
              <td>{a.converged ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Every instrument's value at the start, in the war (when there was one) and in the result, in a closed disclosure. */
function InstrumentTable({ r, dataset }: { r: StrategyResultShape; dataset: DatasetInfo | undefined }) {
  const ids = Object.keys(r.policy);
  return (
    <details>
      <summary>
        Every instrument ({ids.length}): start{r.war ? ', war' : ''} and result
      </summary>
      <ScrollBox label="Instruments">
        <table className="result-table" data-testid="instruments">
          <caption>Instrument values (tariffs as rates)</caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Start</th>
              {r.war && <th scope="col">War</th>}
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row" title={id}>
                  {instrumentLabel(id, dataset)}
                </th>
                <td>{rate(r.start.policy[id])}</td>
                {r.war && <td>{rate(r.war.policy[id])}</td>}
                <td>{rate(r.policy[id])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}

/** The model's results for `countries` at the policy found (nothing when the result has none of the fields). */
function CountryTable({ r, countries }: { r: StrategyResultShape; countries: string[] }) {
  const fields = ['welfare_pct', 'real_income_pct', 'real_gdp_pct'].filter((f) =>
    countries.some((c) => r.countries[c]?.[f] !== undefined),
  );
  if (!fields.length) return null;
  return (
    <ScrollBox label="Country results at the policy found">
      <table className="result-table">
        <caption>The model's results at the policy found, percent change from the baseline</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            {fields.map((f) => (
              <th key={f} scope="col">
                {INDICATORS[f] ?? f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {countries.map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {fields.map((f) => (
                <td key={f}>{pct(r.countries[c]?.[f], 3)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
