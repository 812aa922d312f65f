/**
 * Worker threads that run the project's TypeScript.
 *
 * A worker does not inherit the main thread's module hooks (Node 20), so tsx cannot load `.ts`
 * files there by itself. Registering tsx in each worker works but is slow: measured, 0.5–0.8 s of
 * CPU per worker (every module goes through a hooks thread of the worker's own), paid by every
 * build for each of its workers. Instead the worker's entry and the project modules it imports are
 * bundled by esbuild into one JavaScript module (tens of milliseconds; packages stay imports that
 * Node loads as they are), written under node_modules/.cache/ so those imports resolve, and named
 * by a hash of its content, so a worker always runs the code as it is now. Starting a worker from
 * a bundle is worker-bundles.mjs's part, in JavaScript: `npm run build` starts its first workers
 * before TypeScript can run (scripts/start-article-load.mjs).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { cachedBundle } from "./bundle-cache.ts";
import { keepModuleAddresses, MODULE_ADDRESSES_SOURCE } from "./module-addresses.mjs";
import { installedPackagesVersion, startBundledWorker } from "./worker-bundles.mjs";

const bundles = new Map<string, Promise<string | undefined>>();

/**
 * The file of the entry bundled into one module, made now unless the last one is still current
 * (src/bundle-cache.ts); `undefined` when the bundle cannot be written (a read-only
 * node_modules): the worker then registers tsx after all. Exported for its tests; workers go
 * through `bundleWorker`.
 */
export async function makeWorkerBundle(entry: URL): Promise<string | undefined> {
  const bundle = await cachedBundle(
    path.basename(entry.pathname, ".ts"),
    fileURLToPath(entry),
    {
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      plugins: [keepModuleAddresses(/\.ts$/)],
    },
    [import.meta.filename, MODULE_ADDRESSES_SOURCE],
  );
  return bundle.file;
}

/** `makeWorkerBundle`, once per entry per process. */
export function bundleWorker(entry: URL): Promise<string | undefined> {
  let bundle = bundles.get(entry.href);
  if (!bundle) {
    bundle = makeWorkerBundle(entry);
    bundles.set(entry.href, bundle);
    // A failed bundle may succeed later (the source was fixed): forget it.
    bundle.catch(() => bundles.delete(entry.href));
  }
  return bundle;
}

/**
 * Which code `entry` runs as, for caches of its results: the name of its bundle, which holds the
 * hash of everything bundled (this project's modules), and the packages installed, which the
 * bundle imports (`installedPackagesVersion`). `undefined` when there is no bundle (a read-only
 * node_modules): then there is nothing to key a cache on.
 */
export async function workerCodeVersion(entry: URL): Promise<string | undefined> {
  const bundle = await bundleWorker(entry);
  return bundle === undefined
    ? undefined
    : `${path.basename(bundle)}\0${installedPackagesVersion()}`;
}

/**
 * Start `entry` (a `.ts` module URL of this project) in a worker thread with `workerData`, and
 * `resourceLimits` (V8's defaults unless told).
 */
export async function startTypeScriptWorker(
  entry: URL,
  workerData: unknown,
  resourceLimits: ResourceLimits = {},
): Promise<Worker> {
  const bundle = await bundleWorker(entry);
  if (bundle) return startBundledWorker(bundle, workerData, resourceLimits);
  const api = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData,
    resourceLimits,
  });
}

/**
 * The first message `worker` posts: what a worker that does one job sends back. Rejects when the
 * worker fails, or exits before it posted anything; `name` says which worker in that error.
 */
export function firstMessage<T>(worker: Worker, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once("message", (message: T) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`the ${name} worker stopped (exit code ${code}) before it finished`)),
    );
  });
}
