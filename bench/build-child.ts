/**
 * One benchmark build in a process of its own, so its peak RSS is its own, started with the flags
 * of `npm run build` (package.json):
 *   node --import ./scripts/start-article-load.mjs --import ./scripts/register-tsx.mjs \
 *     bench/build-child.ts --articles <corpus dir> --output <output dir>
 * It runs exactly what `npm run build` runs (src/build-command.ts: the typography summary in a
 * worker beside the build), then prints one JSON line (see BuildMeasurement) as the last line of
 * stdout. Add `--cpu-prof` to the node flags to profile exactly what the benchmark measures.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { runBuildCommand } from "../src/build-command.ts";
import type { BuildResult } from "../src/build.ts";
import type { SearchIndexStats } from "../src/search/index-site.ts";
import { directorySize } from "../src/fs-size.ts";

export interface BuildMeasurement {
  /** Time spent in the build command: the build, the typography summary it waits for, the report. */
  buildMs: number;
  /** Time since this process started, up to the end of the build: startup and imports included. */
  processMs: number;
  /** CPU time of this process, all threads (user + system), up to the end of the build. */
  cpuMs: number;
  /** process.resourceUsage().maxRSS, in bytes. */
  peakRssBytes: number;
  files: number;
  bytes: number;
  /** The search index step inside the build (issue 9): its time and the bytes it adds. */
  search: SearchIndexStats;
  /** Articles read by worker threads, and whether they started before the imports. */
  load: BuildResult["load"];
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// The same options as scripts/build.ts, so that scripts/start-article-load.mjs reads its folder.
const {
  values: { articles: corpusDir, output: outputDir },
} = parseArgs({ options: { articles: { type: "string" }, output: { type: "string" } } });
if (!corpusDir || !outputDir)
  throw new Error("usage: build-child.ts --articles <corpus dir> --output <output dir>");

process.chdir(path.resolve(import.meta.dirname, ".."));
const started = performance.now();
const { exitCode, result } = await runBuildCommand({
  output: path.resolve(outputDir),
  articles: path.resolve(corpusDir),
});
if (exitCode !== 0 || !result) throw new Error(`the build of ${corpusDir} failed`);
const buildMs = performance.now() - started;
const processMs = performance.now();
const measurement: BuildMeasurement = {
  buildMs,
  processMs,
  cpuMs: cpuMs(),
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  ...directorySize(path.resolve(outputDir)),
  search: result.search,
  load: result.load,
};
console.log(JSON.stringify(measurement));
