/**
 * The builder's data: the London template (and what it says about the leaders), the server's check
 * of the file as it is edited, and the run with its offers as they arrive.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import { offersOf } from '../../../../src/contract/offers.ts';
import type { OfferEvent } from '../../../../src/contract/run.ts';
import { ApiFailure, api, type Progress, type Run, type TradeNegotiationRun, waitForRun } from '../../api.ts';
import { templateDelegations } from './setup.ts';

const TEMPLATE_ID = 'negotiation/london-2025';

/** The London file's text, its dataset and its delegations (leaders and members by code). */
export function useTemplate() {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.embedded().then(
      (all) => {
        const t = all.find((s) => s.id === TEMPLATE_ID);
        if (!t) return setError(`Expected the embedded scenario ${TEMPLATE_ID}, found none`);
        setText(t.text);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const facts = useMemo(() => {
    if (!text) return null;
    const t = parse(text) as { dataset: string };
    return { dataset: t.dataset, known: templateDelegations(text) };
  }, [text]);
  return { text, facts, error };
}

/** The server's answer on the built file, or the builder's own problems before it. */
export type Check = { ok: boolean; text: string };

/** Checks the file with POST /api/scenarios/validate as a negotiation, 400 ms after the last change. */
export function useServerCheck(text: string, problems: string[]): Check | null {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    if (problems.length) return setCheck({ ok: false, text: `✗ ${problems.join(' ')}` });
    if (!text) return;
    setCheck(null);
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) =>
          setCheck(
            v.kind === 'negotiation'
              ? { ok: true, text: `✓ A valid negotiation on ${v.model} / ${v.dataset}.` }
              : { ok: false, text: `✗ Checked as a ${v.kind}, not a negotiation.` },
          ),
        (e) => {
          if (ctl.signal.aborted) return;
          const issues =
            e instanceof ApiFailure && e.issues.length
              ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
              : (e as Error).message;
          setCheck({ ok: false, text: `✗ ${issues}` });
        },
      );
    }, 400);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text, problems.join('\n')]);
  return check;
}

/**
 * Runs a negotiation file, collecting the offers the progress events carry as they arrive, then
 * the offers of the result (every move of its sessions) once it is done.
 */
export function useNegotiationRun() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [offers, setOffers] = useState<OfferEvent[]>([]);
  /** Offers that came as events (all of them unless the events were cut off); shown with the result. */
  const received = useRef(0);
  const [streamed, setStreamed] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run<TradeNegotiationRun> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (text: string) => {
    setRunning(true);
    setError(null);
    setRun(null);
    setProgress(null);
    setOffers([]);
    setStreamed(null);
    received.current = 0;
    try {
      const id = await api.submit('negotiation', text);
      const r = await waitForRun<TradeNegotiationRun>(id, (p) => {
        setProgress(p);
        const o = p.offer;
        if (!o) return;
        received.current++;
        setOffers((list) => [...list, o]);
      });
      if (r.status !== 'done') throw new Error(r.error ?? `the run ${r.status}`);
      // The result holds every move: the streams are rebuilt from it, whatever the events brought.
      if (r.result) setOffers(offersOf(r.result));
      setStreamed(received.current);
      setRun(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return { progress, offers, streamed, running, run, error, start };
}
