/**
 * Server-sent events of one run: what already happened (the service's event log, or the stored
 * record when the log is gone), then live events until the run ends. Event ids are stable — 1, 2,
 * 3… in the run's order and `end` for the last event — so a client that reconnects with
 * `Last-Event-ID` gets exactly the events it missed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TradeSession } from '../contract/negotiation.ts';
import { offerProgress, offersOf } from '../contract/offers.ts';
import type { Progress } from '../contract/run.ts';
import type { RunRecord } from '../store/types.ts';
import { runNotFound } from './errors.ts';
import type { LoggedEvent, RunService } from './service.ts';

/** Seconds between keep-alive comments on an idle stream. */
const HEARTBEAT_MS = 15_000;

function frame(e: LoggedEvent): string {
  return `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event.data)}\n\n`;
}

/** A finished negotiation's offers, from its stored result (none for other runs). */
function storedOffers(r: RunRecord): Progress[] {
  const result = r.result as { sessions?: unknown } | null;
  if (r.kind !== 'negotiation' || !Array.isArray(result?.sessions)) return [];
  return offersOf(result as { sessions: TradeSession[] }).map(offerProgress);
}

/**
 * Events implied by a stored record (when the service holds no log of the run): ids 1, 2, then a
 * finished negotiation's offers (3, 4, …: its result holds every move) or a running run's last
 * progress, then end.
 */
function replayEvents(r: RunRecord, progress?: Progress): LoggedEvent[] {
  const out: LoggedEvent[] = [
    { id: '1', event: { type: 'queued', data: { id: r.id, status: 'queued', created_at: r.created_at } } },
  ];
  if (r.started_at)
    out.push({ id: '2', event: { type: 'running', data: { id: r.id, status: 'running', started_at: r.started_at } } });
  if (r.status === 'running' && progress) out.push({ id: '3', event: { type: 'progress', data: progress } });
  if (r.status === 'done')
    for (const data of storedOffers(r)) out.push({ id: String(out.length + 1), event: { type: 'progress', data } });
  const at = r.finished_at ?? r.created_at;
  if (r.status === 'done')
    out.push({ id: 'end', event: { type: 'done', data: { id: r.id, status: 'done', finished_at: at } } });
  if (r.status === 'failed')
    out.push({
      id: 'end',
      event: { type: 'failed', data: { id: r.id, status: 'failed', finished_at: at, error: r.error ?? '' } },
    });
  if (r.status === 'cancelled')
    out.push({ id: 'end', event: { type: 'cancelled', data: { id: r.id, status: 'cancelled', finished_at: at } } });
  return out;
}

/** The position after an event id: `end` is past everything, a number past its events, anything else the start. */
function position(id: string | undefined): number {
  if (id === 'end') return Infinity;
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * Streams the events of run `id` on `reply` (hijacked), resuming after the request's
 * Last-Event-ID. Subscribes before reading the stored state, so no event falls in between.
 */
export async function streamRunEvents(
  req: FastifyRequest,
  reply: FastifyReply,
  svc: RunService,
  id: string,
): Promise<void> {
  let live: ((e: LoggedEvent) => void) | undefined;
  const early: LoggedEvent[] = [];
  const onEvent = (e: LoggedEvent) => (live ? live(e) : early.push(e));
  svc.events.on(id, onEvent);
  const record = await svc.opts.store.get(id);
  if (!record) {
    svc.events.off(id, onEvent);
    throw runNotFound(id);
  }
  const header = req.headers['last-event-id'];
  let sent = position(Array.isArray(header) ? header[0] : header);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let ended = false;
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(beat);
    svc.events.off(id, onEvent);
    res.end();
  };
  live = (e: LoggedEvent) => {
    if (ended) return;
    const p = position(e.id);
    if (p <= sent) return; // already sent (replay and live overlap) or before the resume point
    sent = p;
    res.write(frame(e));
    if (e.id === 'end') end();
  };
  req.raw.on('close', end);
  if (sent === Infinity) return end(); // the client saw the last event
  const past = svc.log(id) ?? replayEvents(record, svc.progress(id));
  for (const e of [...past, ...early]) live(e);
  // A run that is neither finished nor tracked here (deleted meanwhile) would never end the stream.
  if (!ended && !svc.activeIds().includes(id)) end();
}
