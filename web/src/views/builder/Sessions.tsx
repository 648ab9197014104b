/**
 * Where the talks start (the 2025 state on a date), the protocol, each delegation's agent with its
 * concession exponent, the deadline, and the seeds.
 */
import { AGENTS, type AgentKind, PARTIES, type Setup } from './setup.ts';

type Edit = (f: (s: Setup) => Setup) => void;

/** A whole number of at least `min` from an input (its minimum when empty or not a number). */
const whole = (v: string, min: number) => Math.max(min, Math.round(Number(v) || min));

function Agent({ p, setup, set }: { p: (typeof PARTIES)[number]; setup: Setup; set: Edit }) {
  const a = setup.agents[p];
  const known = AGENTS.find((x) => x.kind === a.kind)!;
  const agent = (x: Setup['agents'][typeof p]) => set((s) => ({ ...s, agents: { ...s.agents, [p]: x } }));
  return (
    <span className="agent">
      <label>
        {p} delegation{' '}
        <select value={a.kind} onChange={(e) => agent({ kind: e.target.value as AgentKind })}>
          {AGENTS.map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      {'e' in known && (
        <label>
          {p} concession exponent e{' '}
          <input
            type="number"
            step="any"
            min={0.01}
            value={a.e ?? known.e}
            onChange={(e) => agent({ ...a, e: Number(e.target.value) })}
          />
        </label>
      )}
    </span>
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
      {PARTIES.map((p) => (
        <Agent key={p} p={p} setup={setup} set={set} />
      ))}
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
