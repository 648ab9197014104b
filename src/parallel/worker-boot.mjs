// Entry of every ThreadPool worker (threads.ts). It loads the module whose URL ThreadPool appended
// to its process.argv; that module's default export handles the tasks. From the compiled build
// (dist/) the module is JavaScript and loads as is; from the sources it is TypeScript, and since on
// Node 20 loader hooks (tsx) registered in the main thread or through --import do not reach worker
// threads, the worker registers tsx itself first (tsx is a dev dependency: never needed compiled).
const target = process.argv.at(-1);
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { default: handler } = await import(target);

export default handler;
