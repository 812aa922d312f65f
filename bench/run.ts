/**
 * `npm run bench -- [N…] [--runs R] [--warmup W] [--keep] [--dir D] [--no-stock]`: build the full
 * site from a generated corpus of N articles and compare it with the floor (bench/floor.ts) run in
 * this same process, with the floor run as a process of its own (bench/floor-child.ts, from a
 * bundle as the build runs: bench/floor-bundle.ts), and with a
 * stock Eleventy 3 site built from the same corpus (bench/stock-eleventy.ts), each of its runs
 * just before one of the build's, so that both see the machine in the same minute.
 *
 * Builds run in a temporary copy of the project (bench/project-copy.ts), each in a child process
 * (bench/build-child.ts) so its peak RSS is its own. The child runs what `npm run build` runs
 * (the build and the typography summary beside it); its wall time is its whole life up to the end
 * of that: Node's start, the imports (from the program's bundle), validation, Eleventy, the search
 * index, the atomic publish.
 * The measured runs find the build's caches (the typography lint's findings, the checked articles,
 * the search records) filled by the warm-up, as an editor's builds do; one more run per N starts
 * with all three removed and is reported in a table of its own.
 * Everything happens under a temporary folder that is removed afterwards (unless --keep).
 * Default N: 1,000 and 10,000.
 *
 * That folder is on tmpfs (/dev/shm) where there is one, unless --dir says otherwise: on a shared
 * virtual disk, creating and deleting tens of thousands of folders takes seconds and varies with
 * whatever else the machine writes, which would measure the disk, not the build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildMeasurement } from "./build-child.ts";
import {
  BENCH_DIR,
  mebibytes,
  median,
  runBuildChild,
  runChild,
  seconds,
  thousands,
} from "./child.ts";
import { writeCorpus } from "./corpus.ts";
import { copyProject } from "./project-copy.ts";
import { renderFloor } from "./floor.ts";
import { bundleFloorChild } from "./floor-bundle.ts";
import { prepareStockSite, STOCK_CHILD, type StockMeasurement } from "./stock-eleventy.ts";
import { directorySize } from "../src/fs-size.ts";
import { ROOT } from "../src/worker-bundles.mjs";
import { LINT_CACHE_FILE } from "../src/typography-summary.ts";
import { ARTICLE_CACHES } from "../src/content/article-cache-folder.mjs";
import { SEARCH_CACHES } from "../src/search/index-site.ts";

interface Options {
  counts: number[];
  runs?: number;
  warmup: number;
  keep: boolean;
  /** Where the temporary folder goes. */
  dir: string;
  /** Build the stock Eleventy site beside each build (on unless --no-stock). */
  stock: boolean;
}

function parseArguments(args: string[]): Options {
  const options: Options = {
    counts: [],
    warmup: 1,
    keep: false,
    stock: true,
    dir: BENCH_DIR,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => {
      const next = Number(args[++index]);
      if (!Number.isInteger(next) || next < 0)
        throw new Error(`${arg} expects a whole number, got ${JSON.stringify(args[index])}`);
      return next;
    };
    if (arg === "--runs") options.runs = value();
    else if (arg === "--warmup") options.warmup = value();
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--no-stock") options.stock = false;
    else if (arg === "--dir") options.dir = args[++index] ?? options.dir;
    else {
      const count = Number(arg.replace(/[,_]/g, ""));
      if (!Number.isInteger(count) || count < 1)
        throw new Error(
          `expected a number of articles like 1000 or an option (--runs, --warmup, --keep, --dir, --no-stock), got ${JSON.stringify(arg)}`,
        );
      options.counts.push(count);
    }
  }
  if (!options.counts.length) options.counts = [1_000, 10_000];
  return options;
}

interface Row {
  count: number;
  wall: number[];
  /** Of the wall time, what came before the build command started: Node, tsx, imports. */
  startup: number[];
  cpu: number[];
  rss: number;
  files: number;
  bytes: number;
  floor: number[];
  /** The floor as a process of its own (bench/floor-child.ts, bundled): start-up included, like the build. */
  floorProcess: number[];
  /** The search index step of each measured run (issue 9). */
  search: BuildMeasurement["search"][];
  /** One more run, with the build's caches removed first (see main). */
  cold?: BuildMeasurement;
  /** The stock Eleventy site's measured runs, or why it could not be built (at 50,000, say). */
  stock?: StockRow;
}

interface StockRow {
  runs: StockMeasurement[];
  files: number;
  bytes: number;
  failed?: string;
}

function formatRow(row: Row): string {
  const wall = median(row.wall);
  const floor = median(row.floor);
  const floorProcess = median(row.floorProcess);
  return [
    thousands(row.count),
    `${seconds(wall)} s (${seconds(Math.min(...row.wall))}–${seconds(Math.max(...row.wall))})`,
    `${seconds(median(row.startup))} s`,
    `${seconds(median(row.cpu))} s`,
    (wall / row.count).toFixed(3),
    mebibytes(row.rss),
    thousands(row.files),
    mebibytes(row.bytes),
    `${seconds(floor)} s`,
    `${(wall / floor).toFixed(1)}×`,
    `${seconds(floorProcess)} s`,
    `${(wall / floorProcess).toFixed(1)}×`,
  ].join(" | ");
}

const HEADER = [
  "| articles | wall, median (min–max) | of which start-up | CPU (all threads) | ms/article | peak RSS | files | output | floor | wall ÷ floor | floor as a process | wall ÷ that |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

const SEARCH_HEADER = [
  "| articles | indexing, median | of which records (made, or read from the cache) | per 1,000 articles | bundle | of which index | index per 1,000 articles |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

const COLD_HEADER = [
  "| articles | wall | CPU (all threads) | peak RSS | wall ÷ floor | wall ÷ floor as a process | warm median ÷ cold |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

function formatColdRow(row: Row): string {
  if (!row.cold) return `${thousands(row.count)} | not run | | | | | `;
  const wall = row.cold.processMs;
  return [
    thousands(row.count),
    `${seconds(wall)} s`,
    `${seconds(row.cold.cpuMs)} s`,
    mebibytes(row.cold.peakRssBytes),
    `${(wall / median(row.floor)).toFixed(1)}×`,
    `${(wall / median(row.floorProcess)).toFixed(1)}×`,
    (median(row.wall) / wall).toFixed(2),
  ].join(" | ");
}

const STOCK_HEADER = [
  "| articles | stock Eleventy, median (min–max) | CPU (all threads) | peak RSS | files | output | ÷ floor | ÷ floor as a process | this build ÷ stock |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

function formatStockRow(row: Row): string {
  const stock = row.stock;
  if (!stock) return `${thousands(row.count)} | not run (--no-stock) | | | | | | | `;
  if (stock.failed) return `${thousands(row.count)} | failed: ${stock.failed} | | | | | | | `;
  const walls = stock.runs.map((run) => run.processMs);
  const wall = median(walls);
  return [
    thousands(row.count),
    `${seconds(wall)} s (${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))})`,
    `${seconds(median(stock.runs.map((run) => run.cpuMs)))} s`,
    mebibytes(Math.max(...stock.runs.map((run) => run.peakRssBytes))),
    thousands(stock.files),
    mebibytes(stock.bytes),
    `${(wall / median(row.floor)).toFixed(1)}×`,
    `${(wall / median(row.floorProcess)).toFixed(1)}×`,
    (median(row.wall) / wall).toFixed(2),
  ].join(" | ");
}

function formatSearchRow(row: Row): string {
  const ms = median(row.search.map((search) => search.ms));
  const textMs = median(row.search.map((search) => search.textMs));
  const last = row.search.at(-1);
  const kibibytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KiB`;
  return [
    thousands(row.count),
    `${seconds(ms)} s`,
    `${seconds(textMs)} s`,
    `${seconds((ms / row.count) * 1000)} s`,
    kibibytes(last?.bytes ?? 0),
    kibibytes(last?.indexBytes ?? 0),
    kibibytes(((last?.indexBytes ?? 0) / row.count) * 1000),
  ].join(" | ");
}

/**
 * One build of the stock Eleventy site into `outputDir`, added to `row` when measured. A failure
 * (out of memory on a large corpus, say) is reported in its table, and the build is measured on.
 */
async function measureStock(
  projectDir: string,
  siteDir: string,
  outputDir: string,
  run: { row: StockRow; measured: boolean; label: string; keep: boolean },
): Promise<void> {
  rmSync(outputDir, { recursive: true, force: true });
  try {
    const measured = await runChild<StockMeasurement>(
      projectDir,
      STOCK_CHILD,
      [siteDir, outputDir],
      [],
    );
    console.error(
      `  stock Eleventy, ${run.label}: ${seconds(measured.processMs)} s (CPU ${seconds(measured.cpuMs)} s), peak RSS ${mebibytes(measured.peakRssBytes)}`,
    );
    if (run.measured) {
      run.row.runs.push(measured);
      Object.assign(run.row, directorySize(outputDir));
    }
  } catch (error) {
    run.row.failed = String(error instanceof Error ? error.message : error).split("\n")[0]!;
    console.error(`  stock Eleventy, ${run.label}: failed (${run.row.failed})`);
  }
  if (!run.keep) rmSync(outputDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const workDir = mkdtempSync(path.join(options.dir, "sarkhat-bench-"));
  const projectDir = copyProject(path.join(workDir, "project"));
  // The copy's own caches (bench/project-copy.ts): its lint cache, its checked articles and its
  // search records (unless SARKHAT_ARTICLE_CACHES or SARKHAT_SEARCH_CACHES names a folder
  // elsewhere, which the copy's builds use too).
  const inCopy = (file: string) => {
    const relative = path.relative(ROOT, file);
    return relative.startsWith("..") ? file : path.join(projectDir, relative);
  };
  const lintCacheFile = inCopy(LINT_CACHE_FILE);
  const articleCaches = inCopy(ARTICLE_CACHES);
  const searchCaches = inCopy(SEARCH_CACHES);
  const floorChild = await bundleFloorChild(path.join(workDir, "floor-child.mjs"));
  const rows: Row[] = [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.error(`Node ${process.version}, ${os.cpus().length} × ${cpu}; working in ${workDir}`);
  // Other work on the machine slows every figure; the load average says how much there was.
  const loadBefore = os.loadavg()[0]!;
  try {
    for (const count of options.counts) {
      // 50,000-article builds take minutes each: one measured run unless asked for more.
      const runs = options.runs ?? (count >= 50_000 ? 1 : 3);
      const corpusDir = path.join(workDir, `corpus-${count}`);
      const corpusBytes = writeCorpus(corpusDir, count);
      console.error(
        `\n${thousands(count)} articles (${mebibytes(corpusBytes)} of Markdown): ${options.warmup} warm-up + ${runs} runs`,
      );

      const floorDir = path.join(workDir, "floor");
      const floor: number[] = [];
      const floorProcess: number[] = [];
      for (let run = 0; run < options.warmup + runs; run++) {
        rmSync(floorDir, { recursive: true, force: true });
        const started = performance.now();
        renderFloor(corpusDir, floorDir);
        if (run >= options.warmup) floor.push(performance.now() - started);
        rmSync(floorDir, { recursive: true, force: true });
        const { processMs } = await runChild<{ processMs: number }>(
          projectDir,
          floorChild,
          [corpusDir, floorDir],
          [],
        );
        if (run >= options.warmup) floorProcess.push(processMs);
      }
      rmSync(floorDir, { recursive: true, force: true });
      console.error(
        `  floor: ${floor.map(seconds).join(", ")} s; as a process: ${floorProcess.map(seconds).join(", ")} s`,
      );

      const row: Row = {
        count,
        wall: [],
        startup: [],
        cpu: [],
        rss: 0,
        files: 0,
        bytes: 0,
        floor,
        floorProcess,
        search: [],
      };
      // The stock site is laid out once per N; it keeps nothing between its builds.
      const stockSite = options.stock
        ? prepareStockSite(path.join(workDir, `stock-site-${count}`), corpusDir)
        : undefined;
      if (stockSite) row.stock = { runs: [], files: 0, bytes: 0 };
      // The measured runs are builds as an editor makes them all day: the typography lint takes
      // the findings of unchanged files from its cache (src/persian/lint-cache.ts), and the loader
      // their checked articles from its own (src/content/article-cache.ts), the search index its
      // records (src/search/record-cache.ts), all filled by the warm-up. One run more starts with
      // the three removed, as the first build after a change to the code does, and is reported on
      // its own.
      const coldRun = options.warmup + runs;
      for (let run = 0; run <= coldRun; run++) {
        const outputDir = path.join(workDir, `site-${count}`);
        if (stockSite && row.stock && !row.stock.failed && run < coldRun)
          await measureStock(projectDir, stockSite, path.join(workDir, `stock-${count}`), {
            row: row.stock,
            measured: run >= options.warmup,
            label: run < options.warmup ? "warm-up" : `run ${run - options.warmup + 1}`,
            keep: options.keep,
          });
        if (run === coldRun) {
          rmSync(lintCacheFile, { force: true });
          rmSync(articleCaches, { recursive: true, force: true });
          rmSync(searchCaches, { recursive: true, force: true });
        }
        const measured = await runBuildChild(projectDir, corpusDir, outputDir);
        const label =
          run < options.warmup
            ? "warm-up"
            : run === coldRun
              ? "caches cold"
              : `run ${run - options.warmup + 1}`;
        console.error(
          `  ${label}: ${seconds(measured.processMs)} s (start-up ${seconds(measured.processMs - measured.buildMs)} s, CPU ${seconds(measured.cpuMs)} s), peak RSS ${mebibytes(measured.peakRssBytes)}, ${measured.load.checkedByWorkers} articles read by workers ${measured.load.startedEarly ? "started first" : "started after the imports"}, ${measured.load.checked} checked (the rest cached)`,
        );
        if (!options.keep || run < coldRun) rmSync(outputDir, { recursive: true, force: true });
        if (run === coldRun) row.cold = measured;
        if (run < options.warmup || run === coldRun) continue;
        row.wall.push(measured.processMs);
        row.startup.push(measured.processMs - measured.buildMs);
        row.cpu.push(measured.cpuMs);
        row.rss = Math.max(row.rss, measured.peakRssBytes);
        row.files = measured.files;
        row.bytes = measured.bytes;
        row.search.push(measured.search);
      }
      rows.push(row);
      if (!options.keep) {
        rmSync(corpusDir, { recursive: true, force: true });
        if (stockSite) rmSync(stockSite, { recursive: true, force: true });
      }
    }
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
  const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`;
  console.log(
    `\nNode ${process.version} on ${os.cpus().length} × ${cpu}, ${mebibytes(os.totalmem())} RAM, ${load}\n`,
  );
  console.log([...HEADER, ...rows.map((row) => `| ${formatRow(row)} |`)].join("\n"));
  console.log(
    `\nThe build's caches cold (one run each, after the runs above: every file checked, linted and indexed)\n`,
  );
  console.log([...COLD_HEADER, ...rows.map((row) => `| ${formatColdRow(row)} |`)].join("\n"));
  if (options.stock) {
    console.log(
      `\nStock Eleventy 3 on the same corpus (bench/stock-eleventy/: pages, an index, an RSS feed; each run just before one of the build's)\n`,
    );
    console.log([...STOCK_HEADER, ...rows.map((row) => `| ${formatStockRow(row)} |`)].join("\n"));
  }
  console.log(`\nSearch index (part of the wall time above; src/search/index-site.ts)\n`);
  console.log([...SEARCH_HEADER, ...rows.map((row) => `| ${formatSearchRow(row)} |`)].join("\n"));
}

await main();
