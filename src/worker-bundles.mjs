// @ts-check
/**
 * Starting a worker from a bundle src/worker.ts made earlier: the part of starting a worker that
 * runs before TypeScript can. `npm run build` starts its article-loading workers first thing
 * (scripts/start-article-load.mjs), before tsx is registered, so this module and what it imports
 * are JavaScript. src/worker.ts makes the bundles and starts every other worker through here.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** The project's folder: bundles are made from it and written under its node_modules/. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the bundles and their manifests are written: under node_modules/, so imports resolve. */
export const BUNDLES = path.join(ROOT, "node_modules", ".cache", "sarkhat-workers");

/** npm's record of the packages installed in node_modules, rewritten by every install that changes them. */
export const INSTALLED_PACKAGES = path.join(ROOT, "node_modules", ".package-lock.json");

/** @type {string | undefined} */
let installedPackages;

/**
 * Which packages a bundle's imports load: a hash of `INSTALLED_PACKAGES` (empty when there is
 * none). A bundle holds this project's modules only; the packages it imports (markdown-it, zod,
 * yaml…) are loaded as installed, so a cache of a worker's results must also change with them.
 * Read once per process.
 */
export function installedPackagesVersion() {
  if (installedPackages === undefined) {
    try {
      installedPackages = createHash("sha256")
        .update(readFileSync(INSTALLED_PACKAGES))
        .digest("hex");
    } catch {
      installedPackages = "";
    }
  }
  return installedPackages;
}

/**
 * A file a bundle was made from, with its modification time and size when it was bundled.
 * @typedef {[file: string, mtimeMs: number, size: number]} InputStamp
 */

/**
 * What a bundle was made from: each input file with its modification time and size.
 * @typedef {{ bundle: string, inputs: InputStamp[] }} BundleManifest
 */

/**
 * Each of `files` with its modification time and size now, for a bundle's manifest.
 * @param {Iterable<string>} files
 * @returns {InputStamp[]}
 */
export function stampInputs(files) {
  return [...files].map((file) => {
    const stats = statSync(file);
    return [file, stats.mtimeMs, stats.size];
  });
}

/**
 * Whether every input was last changed before `started` (when its bundling began). A file saved
 * while esbuild ran may be bundled as it was before: its bundle then gets no manifest, so that
 * the next build bundles again rather than trust the stamps of a version it may not hold.
 * @param {readonly InputStamp[]} inputs
 * @param {number} started
 */
export function inputsSettledBefore(inputs, started) {
  return inputs.every(([, mtimeMs]) => mtimeMs < started);
}

/**
 * Whether every input still has the time and size it had when bundled. Throws when one is gone.
 * @param {readonly InputStamp[]} inputs
 */
export function inputsUnchanged(inputs) {
  return inputs.every(([file, mtimeMs, size]) => {
    const stats = statSync(file);
    return stats.mtimeMs === mtimeMs && stats.size === size;
  });
}

// Checkouts may share one node_modules (git worktrees linked to one, say; the benchmark's copy
// did until it got caches of its own): each has manifests of its own, so that none runs
// another's code. A manifest of another checkout holds that checkout's files, and its bundle
// that checkout's module addresses (src/module-addresses.mjs): a copy that took it ran the
// original's workers, whose word lists then gave the typography cache another version than the
// copy's own code computed.
const PROJECT_KEY = createHash("sha256").update(ROOT).digest("hex").slice(0, 16);

/**
 * The manifest of this checkout's bundle of the entry `name` (a worker entry's file name, without
 * `.ts`), `<name>.<key of the project folder>.manifest.json`.
 * @param {string} name
 */
export function manifestPath(name) {
  return path.join(BUNDLES, `${name}.${PROJECT_KEY}.manifest.json`);
}

/**
 * The bundle of `name` made last, if none of the files it was made from changed since. Building
 * even an unchanged bundle costs every build an esbuild run and this thread's reading of each
 * input: measured, 60–100 ms of this thread's time per worker.
 * @param {string} name
 * @returns {string | undefined}
 */
export function reusableBundle(name) {
  try {
    const manifest = /** @type {BundleManifest} */ (
      JSON.parse(readFileSync(manifestPath(name), "utf8"))
    );
    if (!inputsUnchanged(manifest.inputs)) return undefined;
    // Used now: not "an hour old" for src/worker.ts's cleanup while it is in use.
    const now = new Date();
    utimesSync(manifest.bundle, now, now);
    return manifest.bundle;
  } catch {
    // No manifest yet, an input gone, or the bundle itself removed: bundle again.
    return undefined;
  }
}

// Preloads of the main thread only: the article load's, which `npm run build` names (see
// package.json), and tsx's after the packages, for scripts run with it (scripts/register-tsx.mjs).
const MAIN_THREAD_PRELOADS = ["register-tsx.mjs", "start-article-load.mjs"].map((file) =>
  path.join(ROOT, "scripts", file),
);

const MODULE_HOOK_FLAGS = new Set([
  "--require",
  "-r",
  "--import",
  "--loader",
  "--experimental-loader",
]);

/** @param {string} specifier */
function isMainThreadPreload(specifier) {
  if (/(?:^|[/\\])tsx(?:$|[/\\])/u.test(specifier)) return true;
  const file = specifier.startsWith("file:") ? fileURLToPath(specifier) : path.resolve(specifier);
  return MAIN_THREAD_PRELOADS.includes(file);
}

/**
 * This process's Node flags as a worker should get them: without those that register tsx (`tsx
 * script.ts`, `node --import tsx`, scripts/register-tsx.mjs) or start the article load
 * (scripts/start-article-load.mjs). A worker inherits the flags by default, and with them tsx's
 * module hooks, a thread of their own, in every worker: 0.1–0.2 s of CPU each, measured, for
 * nothing, since a bundle is JavaScript. Other flags (`--cpu-prof`) are kept; Node refuses V8 and
 * process-wide ones for a worker (`--max-old-space-size`, `--trace-gc`), see startBundledWorker.
 * @param {readonly string[]} execArgv
 * @returns {string[]}
 */
export function flagsForWorkers(execArgv) {
  /** @type {string[]} */
  const kept = [];
  for (let index = 0; index < execArgv.length; index++) {
    const flag = /** @type {string} */ (execArgv[index]);
    const [name = "", inlineValue] = flag.split(/=(.*)/su, 2);
    if (!MODULE_HOOK_FLAGS.has(name)) {
      kept.push(flag);
      continue;
    }
    const value = inlineValue ?? execArgv[index + 1];
    const dropped = value !== undefined && isMainThreadPreload(value);
    if (!dropped) kept.push(flag);
    if (inlineValue === undefined) {
      if (!dropped && value !== undefined) kept.push(value);
      index++;
    }
  }
  return kept;
}

/**
 * The young generation (V8's new space: two semi-spaces and the large-object space beside them)
 * that the article load's and the search index's workers start with on an archive of fewer than
 * `SMALL_ARCHIVE_BELOW` articles: 6 MiB, so that the semi-spaces stay at 2 MiB where V8 would
 * grow them to 16 MiB.
 *
 * Memory that a process touches for the first time is what costs on this machine: about 21 µs of
 * CPU per 4 KiB page (a Buffer of 300 MB filled: 1.6 s the first time, 4 ms the second), so a
 * build's CPU follows its peak RSS, and a worker's growing semi-spaces are tens of megabytes of
 * new pages. Measured in interleaved pairs at 1,000 articles: 0.926–0.977 of the wall time in
 * seven batches of 10–16 pairs (CPU 0.89–0.94, peak RSS 174 → 154 MiB). On a large archive these
 * workers keep much of what they make, and small semi-spaces promote what would have died young
 * into an old generation that then grows: the index's worker with V8's default took 0.953 of the
 * time at 25,000 articles and 0.986 at 50,000 (peak RSS 290 MiB less), and every worker limited
 * took 1.033 and 1.094 of the time at 50,000 in two batches of 3 pairs; at 10,000 the two are
 * even (0.995–1.021). The main thread keeps V8's default at every size: the same limit there
 * (`node --max-semi-space-size=2`) gained a little more at 1,000 (0.913) and lost at 10,000
 * (1.030). Other workers (the writer thread, from 5,000 pages; the typography lint, when articles
 * changed) were never measured with it and keep the default. bench/HISTORY.md has the figures. A
 * `--max-semi-space-size` on Node's command line wins over this, as V8's flags do over an
 * isolate's limits.
 */
export const SMALL_ARCHIVE_YOUNG_GENERATION = Object.freeze({ maxYoungGenerationSizeMb: 6 });

/** From this many articles the load's and the index's workers keep V8's default young generation. */
export const SMALL_ARCHIVE_BELOW = 10_000;

/**
 * The resource limits of the article load's and the search index's workers for an archive of
 * `articles`: `{}` is V8's defaults.
 * @param {number} articles
 * @returns {import("node:worker_threads").ResourceLimits}
 */
export function archiveWorkerLimits(articles) {
  return articles < SMALL_ARCHIVE_BELOW ? SMALL_ARCHIVE_YOUNG_GENERATION : {};
}

/**
 * A worker thread running `bundle` (a file src/worker.ts wrote) with `workerData` and
 * `resourceLimits` (V8's defaults unless told).
 * @param {string} bundle
 * @param {unknown} workerData
 * @param {import("node:worker_threads").ResourceLimits} [resourceLimits]
 */
export function startBundledWorker(bundle, workerData, resourceLimits = {}) {
  try {
    return new Worker(bundle, {
      workerData,
      resourceLimits,
      execArgv: flagsForWorkers(process.execArgv),
    });
  } catch (error) {
    // Node refuses V8 and process-wide flags for a worker (`node --max-old-space-size=8192`,
    // `--trace-gc`): start it without any, rather than fail the build. (NODE_OPTIONS is not in
    // execArgv, so memory limits set there never reach this.)
    if (/** @type {{ code?: unknown }} */ (error).code !== "ERR_WORKER_INVALID_EXEC_ARGV")
      throw error;
    return new Worker(bundle, { workerData, resourceLimits, execArgv: [] });
  }
}
