/**
 * The build's one-line typography summary. Linting a large archive costs about 0.13 ms of CPU an
 * article (1.3 s for 10,000), so it runs in a worker thread beside Eleventy (which uses one core)
 * instead of before it.
 */
import { firstMessage, startTypeScriptWorker } from "./worker.ts";

export async function startTypographySummary(paths: readonly string[]): Promise<string> {
  const worker = await startTypeScriptWorker(new URL("./persian/lint-worker.ts", import.meta.url), [
    ...paths,
  ]);
  return firstMessage<string>(worker, "typography lint");
}
