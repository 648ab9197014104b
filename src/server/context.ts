/** What the routes share: the store, the run service, the handler registry and the code version. */
import type { HandlerRegistry } from '../exec/registry.ts';
import type { RunStore } from '../store/types.ts';
import type { RunService } from './service.ts';
import type { CodeVersion } from './version.ts';

/** Shared state of one app instance. */
export interface AppContext {
  store: RunStore;
  service: RunService;
  registry: HandlerRegistry;
  codeVersion: CodeVersion;
}
