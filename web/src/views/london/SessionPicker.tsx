/**
 * The controls beside the deal chart: which partition's ratifiable deals are green, and which
 * session (pairing of agents, linkage, agreement) has its offers drawn.
 */
import type { PartitionName, TradeNegotiationRun, TradeSession } from '../../api.ts';
import { PARTITIONS } from './format.ts';

/**
 * The session shown: a pairing's label, its linkage, and one agreement (basket index), every one
 * ('all') or the longest ('auto').
 */
export interface SessionChoice {
  pairing: string;
  mode: 'linked' | 'separate';
  basket: string;
}

interface Props {
  r: TradeNegotiationRun;
  pairings: string[];
  partition: PartitionName;
  onPartition: (p: PartitionName) => void;
  choice: SessionChoice;
  onChoice: (c: SessionChoice) => void;
  session: TradeSession;
  /** The basket with the longest log (shown when the choice is 'auto'). */
  longest: number;
}

export function SessionPicker({ r, pairings, partition, onPartition, choice, onChoice, session, longest }: Props) {
  return (
    <>
      <fieldset className="radios">
        <legend>Ratifiable deals shown for</legend>
        {PARTITIONS.map((p) => (
          <label key={p.key}>
            <input
              type="radio"
              name="partition"
              value={p.key}
              checked={partition === p.key}
              onChange={() => onPartition(p.key)}
            />{' '}
            {p.label} ({r.linkage[p.key].ratifiable})
          </label>
        ))}
      </fieldset>
      <fieldset className="session-pick">
        <legend>Session</legend>
        <label>
          Pairing{' '}
          <select
            value={choice.pairing}
            onChange={(e) => onChoice({ ...choice, pairing: e.target.value, basket: 'auto' })}
          >
            {pairings.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Linkage{' '}
          <select
            value={choice.mode}
            onChange={(e) => onChoice({ ...choice, mode: e.target.value as SessionChoice['mode'], basket: 'auto' })}
          >
            <option value="linked">linked</option>
            <option value="separate">separate</option>
          </select>
        </label>
        <label>
          Agreement (basket){' '}
          <select
            value={choice.basket === 'auto' ? String(longest) : choice.basket}
            onChange={(e) => onChoice({ ...choice, basket: e.target.value })}
          >
            {session.baskets.map((b, k) => (
              <option key={k} value={String(k)}>
                {b.issues.join(' + ')} ({b.reason === 'accepted' ? 'agreed' : b.reason}, round {b.round})
              </option>
            ))}
            <option value="all">every agreement</option>
          </select>
        </label>
      </fieldset>
    </>
  );
}
