// Worker-thread bootstrap of the PoolExecutor. On Node 20, loader hooks (tsx) registered in the
// main thread or through --import do not reach worker threads, so each worker registers tsx
// itself before loading the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./worker.ts');

export default runTask;
