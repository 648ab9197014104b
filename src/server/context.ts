/** What the routes share: the store, the run service, the handler registry, the code version and the body checker. */
import type { HandlerRegistry } from '../exec/registry.ts';
import type { RunStore } from '../store/types.ts';
import type { RunService } from './service.ts';
import type { CodeVersion } from './version.ts';
import type { BodyChecker } from './offload.ts';

/** Shared state of one app instance. */
export interface AppContext {
  store: RunStore;
  service: RunService;
  registry: HandlerRegistry;
  codeVersion: CodeVersion;
  /** Parses and validates scenario bodies, large ones in a worker thread (offload.ts). */
  checker: BodyChecker;
}
