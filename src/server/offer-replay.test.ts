/**
 * A negotiation's offers over server-sent events, for a client that was not there while they were
 * made: one that connects after the run (the service's event log keeps every offer, beyond the
 * window of the newest progress events), and one that connects to another server process on the
 * same store (no log there: the offers come from the stored result, which holds every move).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { InlineExecutor } from '../exec/inline.ts';
import { SqliteRunStore } from '../store/sqlite.ts';
import { buildApp } from './app.ts';
import { createContext } from './index.ts';
import type { AppContext } from './context.ts';
import { offersOf } from '../contract/offers.ts';
import type { TradeNegotiationRun } from '../contract/negotiation.ts';
import type { OfferEvent } from '../contract/run.ts';

/** Two hard bargainers on one two-option issue: they hold out for 150 rounds, several hundred moves. */
const TALKS = JSON.stringify({
  lancaster: 1,
  name: 'long talks',
  model: 'multisector',
  dataset: 'multisector-2025',
  options: { baseline: 'keep-deficits' },
  negotiation: {
    deadline: { rounds: 150 },
    domain: {
      current_state: { scenario: 'us-china-2025', date: '2025-06-09' },
      issues: [
        {
          id: 'ree',
          owner: 'CHN',
          export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
          grid: [0.25, 1],
        },
      ],
    },
    parties: {
      USA: { delegation: [{ name: 'Greer' }], agent: { kind: 'boulware', e: 0.02 } },
      CHN: { delegation: [{ name: 'He Lifeng' }], agent: { kind: 'boulware', e: 0.02 } },
    },
  },
});

type Frame = { id: string; type: string; data: { offer?: OfferEvent } };

async function events(app: FastifyInstance, id: string): Promise<Frame[]> {
  const body = (await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
  return [...body.matchAll(/^id: (\S+)\nevent: (\S+)\ndata: (.*)$/gm)].map((m) => ({
    id: m[1],
    type: m[2],
    data: JSON.parse(m[3]),
  }));
}

const offers = (frames: Frame[]) =>
  frames.flatMap((f) => (f.type === 'progress' && f.data.offer ? [f.data.offer] : []));

describe('a negotiation run’s offers over SSE', () => {
  const store = new SqliteRunStore(':memory:');
  const apps: FastifyInstance[] = [];
  const serve = async () => {
    const { recovered: _r, ...ctx } = await createContext({ store, executor: new InlineExecutor() });
    const app = await buildApp(ctx as AppContext);
    apps.push(app);
    return { app, ctx };
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  let id = '';
  let result: TradeNegotiationRun;

  it('reach a client that connects after the run ended: every offer, in order, beyond the newest 200 progress events', async () => {
    const { app, ctx } = await serve();
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=negotiation',
      payload: TALKS,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(res.statusCode).toBe(202);
    id = res.json().id;
    await ctx.service.settle();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(run.status).toBe('done');
    result = run.result;
    const moves = offersOf(result);
    expect(moves.length).toBeGreaterThan(250); // more than the window of plain progress events
    expect(moves.every((o) => o.bid === null || o.utilities !== null)).toBe(true);
    const frames = await events(app, id);
    expect(offers(frames)).toEqual(moves);
    expect(frames.at(-1)).toMatchObject({ id: 'end', type: 'done' });
  }, 120_000);

  it('reach a client of another server on the same store (no event log there): every offer, from the stored result', async () => {
    expect(id).not.toBe('');
    const { app } = await serve();
    const frames = await events(app, id);
    expect(offers(frames)).toEqual(offersOf(result));
    expect(frames.map((f) => f.id)).toEqual([...frames.slice(0, -1).map((_, k) => String(k + 1)), 'end']);
    expect(frames.map((f) => f.type)).toEqual(['queued', 'running', ...offers(frames).map(() => 'progress'), 'done']);
    // A resume after the 10th event gets the rest.
    const rest = (
      await app.inject({ method: 'GET', url: `/api/runs/${id}/events`, headers: { 'last-event-id': '10' } })
    ).body;
    expect(rest.match(/^id: /gm)).toHaveLength(frames.length - 10);
  });
});
