import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executorCases } from '../../test/support/exec/executors.ts';
import { builtinHandler, defaultRegistry, HandlerRegistry, UnsupportedKindError } from './registry.ts';
import type { ExecEvent, Executor, Job } from '../contract/run.ts';
import { ENGLAND_ZIMBABWE } from '../../test/support/negotiate/test-fixtures.ts';

const nafta = readFileSync(new URL('../../scenarios/nafta-cp2015.yaml', import.meta.url), 'utf8');
const job = (id: string, input = nafta, kind: Job['kind'] = 'solve'): Job => ({
  id,
  kind,
  module: builtinHandler(kind === 'analyze' ? 'analyze' : 'solve'),
  input,
});

for (const c of executorCases())
  describe.skipIf(c.skip)(`the ${c.name} executor${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
    let ex: Executor;
    beforeAll(async () => {
      ex = await c.make();
    });
    afterAll(() => c.cleanup());

    it('solves a scenario and reports started, then progress up to 1', async () => {
      const events: ExecEvent[] = [];
      const r = (await ex.submit(job('a'), (e) => events.push(e))) as {
        status: string;
        countries: Record<string, unknown>;
      };
      expect(r.status).toBe('converged');
      expect(Object.keys(r.countries)).toContain('MEX');
      expect(events[0]).toEqual({ type: 'started' });
      // The last progress events may trail the result on the queue (its event stream); see pool.test.ts for threads.
      await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'progress', fraction: 1 }), { timeout: 5000 });
    });

    it('rejects with the scenario message when a run fails', async () => {
      const bad = nafta.replace('schedule: tariffs-2005', 'schedule: tariffs-1900');
      await expect(ex.submit(job('b', bad), () => {})).rejects.toThrow(/tariffs-1900/);
    });

    it('analyses a GENIUS domain', async () => {
      const input = JSON.stringify({
        domain: readFileSync(ENGLAND_ZIMBABWE.domain, 'utf8'),
        profile_a: readFileSync(ENGLAND_ZIMBABWE.a, 'utf8'),
        profile_b: readFileSync(ENGLAND_ZIMBABWE.b, 'utf8'),
      });
      const r = (await ex.submit(job('c', input, 'analyze'), () => {})) as { outcomes: number };
      expect(r.outcomes).toBe(576);
    });

    it('does not start a job whose signal is already aborted', async () => {
      const ac = new AbortController();
      ac.abort();
      await expect(ex.submit(job('d'), () => {}, ac.signal)).rejects.toThrow(/cancelled/);
    });
  });

describe('the handler registry', () => {
  it('refuses kinds without a handler, saying which kinds it can run', () => {
    const reg = defaultRegistry();
    expect(reg.kinds()).toEqual(['solve', 'timeline', 'strategy', 'negotiation', 'analyze', 'gravity']);
    const partial = new HandlerRegistry().register('solve', builtinHandler('solve'));
    expect(() => partial.module('strategy')).toThrow(UnsupportedKindError);
    expect(() => partial.module('strategy')).toThrow(
      'Expected a run kind this server can run (solve), found "strategy": strategy runs are not supported yet',
    );
    expect(() => reg.module('forecast')).toThrow(
      'Expected a run kind (solve, timeline, strategy, negotiation, analyze, gravity), found "forecast"',
    );
  });
});
