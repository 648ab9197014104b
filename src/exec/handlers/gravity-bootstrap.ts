/**
 * One chunk of a gravity bootstrap (jobs made by exec/gravityBootstrap.ts, never by users): the
 * replications [from, to) of the scenario's pairs bootstrap.
 */
import { loadGravity } from '../../scenario/gravity/parse.ts';
import { bootstrapChunk } from '../../scenario/gravity/bootstrap.ts';
import type { BootstrapJobInput } from '../gravityBootstrap.ts';
import type { RunHandler } from '../../contract/run.ts';
import * as msg from '../../spec/messages/exec.ts';

/** Handler of bootstrap chunks; the result is a BootstrapChunk. */
export const handler: RunHandler = {
  check(input) {
    const j = JSON.parse(input) as BootstrapJobInput;
    return { name: `${j.file} bootstrap ${j.from}–${j.to}`, model: 'gravity' };
  },
  async run(input, progress) {
    const j = JSON.parse(input) as BootstrapJobInput;
    const p = loadGravity(j.text, j.file, j.scenarioDir);
    const r = bootstrapChunk(p, j.seed, j.from, j.to);
    progress({ fraction: 1, message: msg.progress.replications(j.from, j.to - 1) });
    return r;
  },
};
