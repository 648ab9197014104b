// Entry of a trade-domain pool worker. On Node 20 loader hooks registered in the main thread do
// not reach worker threads, so each worker registers tsx itself before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export default mod.default;
