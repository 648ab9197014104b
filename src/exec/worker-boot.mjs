// Entry of every ThreadPool worker (threads.ts). On Node 20, loader hooks (tsx) registered in the
// main thread or through --import do not reach worker threads, so each worker registers tsx
// itself, then loads the TypeScript module whose URL ThreadPool appended to its process.argv; that
// module's default export handles the tasks.
import { register } from 'tsx/esm/api';

register();
const { default: handler } = await import(process.argv.at(-1));

export default handler;
