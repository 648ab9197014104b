import { describe, expect, it } from 'vitest';
import * as cli from './cli.ts';
import * as data from './data.ts';
import * as exec from './exec.ts';
import * as model from './model.ts';
import * as negotiate from './negotiate.ts';
import * as policy from './policy.ts';
import * as reasons from './reasons.ts';
import * as run from './run.ts';
import * as scenario from './scenario.ts';
import * as server from './server.ts';
import * as strategy from './strategy.ts';

const PLACE = 'PLACE';

/** Calls a message with every argument a sample (strings, or lists where the message joins one). */
function sample(f: (...a: never[]) => string): string {
  const args = Array.from({ length: f.length }, (_, k) => (k === 0 ? PLACE : 'x'));
  try {
    return f(...(args as never[]));
  } catch {
    return f(...(args.map((a) => [a]) as never[]));
  }
}

const messages = (m: Record<string, unknown>) =>
  Object.entries(m).filter((e): e is [string, (...a: never[]) => string] => typeof e[1] === 'function');

describe('the message catalogue', () => {
  it('says what was found wherever it says what was expected', () => {
    for (const m of [cli, data, exec, model, negotiate, policy, reasons, run, scenario, server, strategy]) {
      for (const [name, f] of messages(m)) {
        const text = sample(f);
        if (/expected/i.test(text)) expect(text, name).toMatch(/found/);
      }
    }
  });

  it('starts a message that stands alone with a capital, and continues one after its place in lower case', () => {
    for (const m of [cli, data, exec, model, negotiate, run, server, strategy]) {
      for (const [name, f] of messages(m)) {
        const text = sample(f);
        if (text.startsWith(PLACE))
          expect(text.slice(PLACE.length), name).toMatch(/^[^A-Za-z]*(?:[a-z]|[A-Z]{2}|$)/); // an acronym (PPML, GE) may follow
        else expect(text, name).toMatch(/^(?:[A-Z]|lancaster\b)/);
      }
    }
  });

  it('writes scenario and policy issues (which follow `file:line:col path:`), reasons and progress phrases in lower case', () => {
    for (const [name, f] of [...messages(scenario), ...messages(policy), ...messages(reasons)])
      expect(sample(f), name).toMatch(/^[a-z]/);
    for (const [name, f] of messages(server.issues)) expect(sample(f), name).toMatch(/^expected .* found /);
    for (const [name, p] of Object.entries(exec.progress)) {
      const text = typeof p === 'function' ? sample(p as (...a: never[]) => string) : p;
      expect(text, name).toMatch(/^[a-z]|^PLACE/);
    }
  });
});
