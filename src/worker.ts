/**
 * Worker threads that run the project's TypeScript. A worker does not inherit the main thread's
 * module hooks (Node 20), so tsx cannot load `.ts` files there on its own: a one-line JavaScript
 * bootstrap registers tsx in the worker and imports the entry through it.
 */
import { Worker } from "node:worker_threads";

/** Start `entry` (a `.ts` module URL) in a worker thread with `workerData`. */
export function startTypeScriptWorker(entry: URL, workerData: unknown): Worker {
  const api = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData,
  });
}
