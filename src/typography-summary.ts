/**
 * The build's one-line typography summary. Linting a large archive costs about 2 ms an article,
 * so it runs in a worker thread beside Eleventy (which uses one core) instead of before it.
 */
import { Worker } from "node:worker_threads";

export function startTypographySummary(paths: readonly string[]): Promise<string> {
  // A worker runs plain JavaScript: this bootstrap lets tsx load the TypeScript worker module.
  const api = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./persian/lint-worker.ts", import.meta.url).href;
  const bootstrap = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData: [...paths],
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (summary: string) => resolve(summary));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the typography lint worker exited with code ${code}`));
    });
  });
}
