/**
 * One benchmark build in a process of its own, so its peak RSS is its own:
 *   node --import tsx bench/build-child.ts <corpus dir> <output dir>
 * Prints one JSON line (see BuildMeasurement) as the last line of stdout. Add `--cpu-prof` to the
 * node flags to profile exactly what the benchmark measures.
 */
import path from "node:path";
import { buildSite } from "../src/build.ts";
import type { SearchIndexStats } from "../src/search/index-site.ts";
import { directorySize } from "../src/fs-size.ts";

export interface BuildMeasurement {
  /** Time spent in buildSite(): validation, Eleventy's build and the atomic publish. */
  buildMs: number;
  /** Time since this process started, up to the end of the build: startup and imports included. */
  processMs: number;
  /** CPU time of this process (user + system) up to the end of the build: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** process.resourceUsage().maxRSS, in bytes. */
  peakRssBytes: number;
  files: number;
  bytes: number;
  /** The search index step inside buildSite() (issue 9): its time and the bytes it adds. */
  search: SearchIndexStats;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const [corpusDir, outputDir] = process.argv.slice(2);
if (!corpusDir || !outputDir) throw new Error("usage: build-child.ts <corpus dir> <output dir>");

const root = path.resolve(import.meta.dirname, "..");
const started = performance.now();
const result = await buildSite({
  root,
  outputDir: path.resolve(outputDir),
  articlesDir: path.resolve(corpusDir),
  quiet: true,
});
const buildMs = performance.now() - started;
const processMs = performance.now();
const measurement: BuildMeasurement = {
  buildMs,
  processMs,
  cpuMs: cpuMs(),
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  ...directorySize(path.resolve(outputDir)),
  search: result.search,
};
console.log(JSON.stringify(measurement));
