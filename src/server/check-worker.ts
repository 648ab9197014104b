/**
 * The body checker's worker thread (offload.ts): parses and validates large scenario bodies away
 * from the event loop. Errors cross the thread boundary as plain data (wire.ts) and are rebuilt
 * as the same error classes, so a large body gets exactly the answer a small one gets.
 * Loaded by ThreadPool through worker-boot.mjs; must not import piscina or src/parallel/threads.ts.
 */
import { HandlerRegistry, importHandler } from '../exec/registry.ts';
import type { RunKind } from '../contract/run.ts';
import { validateScenarioText } from './validate.ts';
import { toWire, type CheckTask, type CheckReply } from './wire.ts';

/** Runs one task; never throws (a failure is a reply with the error as data). */
export default async function check(task: CheckTask): Promise<CheckReply> {
  try {
    if (task.op === 'validate') {
      const registry = new HandlerRegistry();
      for (const [kind, module] of Object.entries(task.modules)) registry.register(kind as RunKind, module);
      return { ok: true, value: await validateScenarioText(registry, task.text) };
    }
    const handler = await importHandler(task.module);
    return { ok: true, value: await handler.check(task.input, task.label) };
  } catch (e) {
    return { ok: false, error: toWire(e) };
  }
}
