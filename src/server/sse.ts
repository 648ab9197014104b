/**
 * Server-sent events of one run: replays what already happened (from the store), then streams
 * live events until the run is done or failed, then ends the stream.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RunRecord } from '../store/types.ts';
import { runNotFound } from './errors.ts';
import type { RunEvent, RunService } from './service.ts';

/** Seconds between keep-alive comments on an idle stream. */
const HEARTBEAT_MS = 15_000;

function frame(e: RunEvent, seq: number): string {
  return `id: ${seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** Events implied by a stored record (what a late subscriber missed). */
export function replayEvents(r: RunRecord, progress?: RunEvent['data']): RunEvent[] {
  const out: RunEvent[] = [{ type: 'queued', data: { id: r.id, status: 'queued', created_at: r.created_at } }];
  if (r.started_at) out.push({ type: 'running', data: { id: r.id, status: 'running', started_at: r.started_at } });
  if (r.status === 'running' && progress) out.push({ type: 'progress', data: progress as { fraction: number; message: string } });
  if (r.status === 'done') out.push({ type: 'done', data: { id: r.id, status: 'done', finished_at: r.finished_at! } });
  if (r.status === 'failed') out.push({ type: 'failed', data: { id: r.id, status: 'failed', finished_at: r.finished_at!, error: r.error ?? '' } });
  return out;
}

/**
 * Streams the events of run `id` on `reply` (hijacked). Subscribes before reading the stored
 * state, so no event falls between the replay and the live stream; replayed states are not repeated.
 */
export async function streamRunEvents(req: FastifyRequest, reply: FastifyReply, svc: RunService, id: string): Promise<void> {
  let live: ((e: RunEvent) => void) | undefined;
  const early: RunEvent[] = [];
  const onEvent = (e: RunEvent) => (live ? live(e) : early.push(e));
  svc.events.on(id, onEvent);
  const record = await svc.opts.store.get(id);
  if (!record) {
    svc.events.off(id, onEvent);
    throw runNotFound(id);
  }
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let seq = 0;
  let ended = false;
  const seen = new Set<string>();
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(beat);
    svc.events.off(id, onEvent);
    res.end();
  };
  live = (e: RunEvent) => {
    if (ended) return;
    if (e.type !== 'progress') {
      if (seen.has(e.type)) return;
      seen.add(e.type);
    }
    res.write(frame(e, ++seq));
    if (e.type === 'done' || e.type === 'failed') end();
  };
  req.raw.on('close', end);
  for (const e of [...replayEvents(record, svc.progress(id)), ...early]) live(e);
  // A run that is neither finished nor tracked here (deleted meanwhile) would never end the stream.
  if (!ended && !svc.activeIds().includes(id)) end();
}
