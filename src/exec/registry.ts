/**
 * Which module handles which run kind. The registry holds module URLs, not functions, so the same
 * registration works for the inline executor, worker threads and (later) remote workers.
 */
import { RUN_KINDS, type RunHandler, type RunKind } from '../contract/run.ts';
import { moduleUrl } from '../parallel/module-url.ts';
import * as msg from '../spec/messages/exec.ts';

/** A run kind that has no handler (yet): HTTP 400. */
export class UnsupportedKindError extends Error {
  override name = 'UnsupportedKindError';
  constructor(
    readonly kind: string,
    readonly supported: string[],
  ) {
    super(
      (RUN_KINDS as readonly string[]).includes(kind)
        ? msg.unsupportedKind(supported, kind)
        : msg.unknownKind(supported, kind),
    );
  }
}

/**
 * Maps run kinds to handler modules.
 *
 * @example
 * ```ts
 * const reg = defaultRegistry();
 * reg.register('timeline', moduleUrl('../scenario/timeline-handler.ts', import.meta.url).href);
 * const { check } = await reg.handler('solve');
 * ```
 */
export class HandlerRegistry {
  readonly #modules = new Map<RunKind, string>();

  /** Registers (or replaces) the module whose `handler` export runs `kind`. */
  register(kind: RunKind, module: string): this {
    this.#modules.set(kind, module);
    return this;
  }

  /** The kinds with a handler, in RUN_KINDS order. */
  kinds(): RunKind[] {
    return RUN_KINDS.filter((k) => this.#modules.has(k));
  }

  /** The module URL of `kind`; throws UnsupportedKindError when none is registered. */
  module(kind: string): string {
    const m = this.#modules.get(kind as RunKind);
    if (!m) throw new UnsupportedKindError(kind, this.kinds());
    return m;
  }

  /** Loads the handler of `kind` in this thread (for its quick `check`). */
  handler(kind: string): Promise<RunHandler> {
    return importHandler(this.module(kind));
  }
}

/** URL of a built-in handler module in src/exec/handlers (its .js twin when running compiled). */
export function builtinHandler(name: string): string {
  return moduleUrl(`./handlers/${name}.ts`, import.meta.url).href;
}

/**
 * The name of a built-in handler module from its URL (the inverse of {@link builtinHandler}), or
 * undefined for any other module: queued jobs carry this name, and a worker loads its own copy.
 */
export function builtinHandlerName(module: string): string | undefined {
  const base = new URL('./handlers/', import.meta.url).href;
  if (!module.startsWith(base)) return undefined;
  const name = module.slice(base.length).replace(/\.[jt]s$/, '');
  return /^[a-z][a-z0-9-]*$/.test(name) ? name : undefined;
}

/**
 * The registry of this version: `solve` and `analyze`. Timeline, strategy and negotiation runs
 * are added here when their handler modules exist.
 */
export function defaultRegistry(): HandlerRegistry {
  return new HandlerRegistry()
    .register('solve', builtinHandler('solve'))
    .register('timeline', builtinHandler('timeline'))
    .register('strategy', builtinHandler('strategy'))
    .register('negotiation', builtinHandler('negotiation'))
    .register('analyze', builtinHandler('analyze'))
    .register('gravity', builtinHandler('gravity'));
}

/** Loads a handler module by URL (cached by the module system). */
export async function importHandler(module: string): Promise<RunHandler> {
  const m = (await import(module)) as { handler?: RunHandler };
  if (!m.handler || typeof m.handler.run !== 'function') {
    throw new TypeError(msg.noHandlerExport(module));
  }
  return m.handler;
}
