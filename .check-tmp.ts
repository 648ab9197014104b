import * as cli from './src/spec/messages/cli.ts';
import * as data from './src/spec/messages/data.ts';
import * as exec from './src/spec/messages/exec.ts';
import * as model from './src/spec/messages/model.ts';
import * as negotiate from './src/spec/messages/negotiate.ts';
import * as policy from './src/spec/messages/policy.ts';
import * as run from './src/spec/messages/run.ts';
import * as scenario from './src/spec/messages/scenario.ts';
import * as server from './src/spec/messages/server.ts';
import * as strategy from './src/spec/messages/strategy.ts';
import * as reasons from './src/spec/messages/reasons.ts';
const PLACE = 'PLACE';
function sample(f: any): string { const args = Array.from({ length: f.length }, (_, k) => (k === 0 ? PLACE : 'x')); try { return f(...args); } catch { return f(...args.map((a) => [a])); } }
const mods: Record<string, any> = { cli, data, exec, model, negotiate, policy, run, scenario, server, strategy, reasons };
for (const [mn, m] of Object.entries(mods)) for (const [name, f] of Object.entries(m)) {
  if (typeof f !== 'function') continue;
  const t = sample(f);
  const bad: string[] = [];
  if (/expected/i.test(t) && !/found/.test(t)) bad.push('nofound');
  if (['scenario', 'policy', 'reasons'].includes(mn)) { if (!/^[a-z]/.test(t)) bad.push('notlower'); }
  else if (t.startsWith(PLACE)) { if (!/^[^A-Za-z]*(?:[a-z]|[A-Z]{2}|$)/.test(t.slice(PLACE.length))) bad.push('afterplace'); }
  else if (!/^(?:[A-Z]|lancaster\b)/.test(t)) bad.push('notcap');
  if (bad.length) console.log(`${mn}.${name}\t${bad.join(',')}\t${t.slice(0, 120)}`);
}
