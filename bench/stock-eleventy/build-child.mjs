// @ts-check
/**
 * One build of the stock Eleventy site in a process of its own, run by plain `node` as Eleventy's
 * command line runs (no tsx): `node bench/stock-eleventy/build-child.mjs <site> <output>`.
 * Eleventy's programmatic API does what its command line does. Prints one JSON line
 * (`{ processMs, cpuMs, peakRssBytes }`, as bench/build-child.ts measures the build) as its last.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";

const [siteDir, outputDir] = process.argv.slice(2);
if (!siteDir || !outputDir) throw new Error("usage: build-child.mjs <site dir> <output dir>");
// From the site's own folder, as a project runs Eleventy: given a folder outside the working one,
// Eleventy 3 finds no directory data for the files in its subfolders.
const output = path.resolve(outputDir);
process.chdir(siteDir);
const eleventy = new Eleventy(".", output, {
  configPath: fileURLToPath(new URL("eleventy.config.mjs", import.meta.url)),
  quietMode: true,
});
await eleventy.write();
const { user, system } = process.cpuUsage();
console.log(
  JSON.stringify({
    processMs: performance.now(),
    cpuMs: (user + system) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
