/**
 * Where the talks start (the 2025 state on a date), the protocol, the pairings of agents (each
 * delegation's agent with its concession exponent), the deadline, and the seeds.
 */
import { AGENTS, type AgentChoice, type AgentKind, type Setup } from './setup.ts';

type Edit = (f: (s: Setup) => Setup) => void;

/** A whole number of at least `min` from an input (its minimum when empty or not a number). */
const whole = (v: string, min: number) => Math.max(min, Math.round(Number(v) || min));

/** Delegation i's agent in pairing k (labels of pairings after the first carry its number). */
function Agent({ i, k, setup, set }: { i: 0 | 1; k: number; setup: Setup; set: Edit }) {
  const p = setup.parties[i].code;
  const a = setup.pairings[k][i];
  const known = AGENTS.find((x) => x.kind === a.kind)!;
  const which = k === 0 ? '' : `, pairing ${k + 1}`;
  const agent = (x: AgentChoice) =>
    set((s) => ({
      ...s,
      pairings: s.pairings.map((q, j) => (j === k ? (i === 0 ? [x, q[1]] : [q[0], x]) : q)),
    }));
  return (
    <>
      <label>
        {p} delegation{which}{' '}
        <select
          aria-label={`${p} delegation${which}`}
          value={a.kind}
          onChange={(e) => agent({ kind: e.target.value as AgentKind })}
        >
          {AGENTS.map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      {'e' in known && (
        <label>
          {p} concession exponent e{which}{' '}
          <input
            type="number"
            aria-label={`${p} concession exponent e${which}`}
            step="any"
            min={0.01}
            value={a.e ?? known.e}
            onChange={(e) => agent({ ...a, e: Number(e.target.value) })}
          />
        </label>
      )}
    </>
  );
}

/** The pairings of agents: each is a session, run under the linked and the separate partition. */
function Pairings({ setup, set }: { setup: Setup; set: Edit }) {
  return (
    <div className="pairings">
      {setup.pairings.map((_, k) => (
        <span key={k} className="agent" data-testid={`pairing-${k + 1}`}>
          {([0, 1] as const).map((i) => (
            <Agent key={i} i={i} k={k} setup={setup} set={set} />
          ))}
          {setup.pairings.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() => set((s) => ({ ...s, pairings: s.pairings.filter((_, j) => j !== k) }))}
            >
              Remove pairing {k + 1}
            </button>
          )}
        </span>
      ))}
      <button
        type="button"
        onClick={() => set((s) => ({ ...s, pairings: [...s.pairings, [{ kind: 'linear' }, { kind: 'linear' }]] }))}
      >
        Add a pairing of agents
      </button>
    </div>
  );
}

export function SessionInput({ setup, set }: { setup: Setup; set: Edit }) {
  return (
    <fieldset>
      <legend>Start, protocol and agents</legend>
      <label>
        Start from the 2025 state on{' '}
        <input
          type="date"
          min="2025-01-01"
          max="2025-12-31"
          value={setup.date}
          onChange={(e) => set((s) => ({ ...s, date: e.target.value }))}
        />
      </label>
      <p className="muted small hint">
        Protocol: alternating offers (SAOP), one per agreement. The mediated single-text protocol is not offered: trade
        negotiations run alternating offers only, and the server refuses a mediated one.
      </p>
      <Pairings setup={setup} set={set} />
      <label>
        Deadline (rounds){' '}
        <input
          type="number"
          min={1}
          max={200}
          value={setup.rounds}
          onChange={(e) => set((s) => ({ ...s, rounds: whole(e.target.value, 1) }))}
        />
      </label>
      <label>
        Replications (seeds){' '}
        <input
          type="number"
          min={1}
          max={500}
          value={setup.replications}
          onChange={(e) => set((s) => ({ ...s, replications: whole(e.target.value, 1) }))}
        />
      </label>
      <label>
        First seed{' '}
        <input
          type="number"
          step={1}
          value={setup.seed}
          onChange={(e) => set((s) => ({ ...s, seed: Math.round(Number(e.target.value) || 0) }))}
        />
      </label>
    </fieldset>
  );
}
