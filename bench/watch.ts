/**
 * `npm run bench:watch -- [N] [--edits E]`: how long `npm start` takes to show an edited article.
 *
 * Starts Eleventy in watch mode (the rebuild path of `npm start`, without the dev server, so no
 * port is taken) in a temporary copy of the project whose content/news holds a generated corpus of
 * N articles (default 1,000), then edits one article's title E times (default 5) and measures from
 * the file write until the article page on disk carries the new title, and until Eleventy reports
 * the rebuild done. The temporary folder is removed afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeCorpus } from "./corpus.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { copyProject } from "./project-copy.ts";

function parseArguments(args: string[]): { count: number; edits: number } {
  let count = 1_000;
  let edits = 5;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const number = (value: string | undefined) => {
      const parsed = Number(value?.replace(/[,_]/g, ""));
      if (!Number.isInteger(parsed) || parsed < 1)
        throw new Error(
          `expected a whole number from 1 after ${arg}, got ${JSON.stringify(value)}`,
        );
      return parsed;
    };
    if (arg === "--edits") edits = number(args[++index]);
    else count = number(arg);
  }
  return { count, edits };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stopped = () => false;

async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    if (stopped()) throw new Error(`Eleventy stopped while the benchmark was waiting for ${what}`);
    await sleep(5);
  }
}

async function main(): Promise<void> {
  const { count, edits } = parseArguments(process.argv.slice(2));
  const workDir = mkdtempSync(
    path.join(existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "sarkhat-watch-"),
  );
  const root = copyProject(path.join(workDir, "project"));
  const corpusDir = path.join(root, "content", "news");
  // Eleventy's default output folder, as `npm start` uses it (inside the temporary copy).
  const outputDir = path.join(root, "_site");
  writeCorpus(corpusDir, count);
  // The newest article: the one an editor is most likely fixing, and on the home page too.
  const code = 10000 + count;
  const file = path.join(corpusDir, readdirName(corpusDir, `${code}.md`));
  const page = path.join(outputDir, "news", String(code), "index.html");

  let log = "";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--watch"],
    {
      cwd: root,
      env: { ...process.env, SARKHAT_ARTICLES: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  stopped = () => child.exitCode !== null || child.signalCode !== null;
  child.once("exit", (code) => {
    if (code !== null && code !== 0)
      console.error(`Eleventy exited with code ${code}:\n${log.slice(-3000)}`);
  });
  const timings: number[] = [];
  const rebuilds: number[] = [];
  try {
    const started = performance.now();
    await waitFor(() => log.includes("Watching…"), "the first build", 300_000);
    console.error(
      `first build of ${count} articles: ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    const original = readFileSync(file, "utf8");
    for (let edit = 1; edit <= edits; edit++) {
      // Persian digits: the page shows digits that way, whatever the source says.
      const marker = `ویرایش ${toPersianDigits(edit)} ${toPersianDigits(Date.now() % 100_000)}`;
      const before = log.length;
      // Give the watcher time to finish scanning after the first build, as an editor would.
      await sleep(edit === 1 ? 3000 : 500);
      const written = performance.now();
      writeFileSync(file, original.replace(/^title: "/m, `title: "${marker} `));
      await waitFor(
        () => existsSync(page) && readFileSync(page, "utf8").includes(marker),
        `edit ${edit} on ${page}`,
        120_000,
      );
      const shown = performance.now() - written;
      // Let Eleventy finish the rest of the rebuild before the next edit.
      await waitFor(
        () => log.slice(before).includes("Watching…"),
        `the end of rebuild ${edit}`,
        120_000,
      );
      const finished = performance.now() - written;
      timings.push(shown);
      rebuilds.push(finished);
      console.error(
        `edit ${edit}: page updated after ${Math.round(shown)} ms, rebuild done after ${Math.round(finished)} ms`,
      );
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
    rmSync(workDir, { recursive: true, force: true });
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms (median; ${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)} ms)`;
  };
  console.log(
    `${count.toLocaleString("en-US")} articles, ${edits} edits: the edited page is on disk after ${summary(timings)}; the rebuild (and so the browser's reload under \`npm start\`) is done after ${summary(rebuilds)}`,
  );
}

function readdirName(dir: string, name: string): string {
  for (const year of ["1398", "1399", "1400", "1401", "1402"])
    if (existsSync(path.join(dir, year, name))) return path.join(year, name);
  throw new Error(`no ${name} in any Jalali-year folder of ${dir}`);
}

await main();
