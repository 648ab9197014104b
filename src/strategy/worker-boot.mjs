// Entry of a strategy pool worker. Registers tsx's loader (harmless when the host already runs
// under tsx, needed under vitest or plain node) and loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export default mod.default;
