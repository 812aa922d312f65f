/**
 * `npm run bench:watch -- [N] [--edits E]`: how long `npm start` takes to show an edited article.
 *
 * Starts Eleventy's dev server (`npm start`'s Eleventy: build, serve, watch) in a temporary copy
 * of the project whose content/news holds a generated corpus of N articles (default 1,000), opens
 * the newest article in Chromium, then edits that article's title E times (default 5) and
 * measures from the file write until (1) the page on disk carries the new title and (2) the page
 * in the browser shows it (after the dev server's reload). Without Chromium only (1) is measured,
 * and the output says so. The temporary folder is removed afterwards.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toPersianDigits } from "../src/persian/digits.ts";
import { chromiumPath, launchBrowser, type Browser } from "../tests/support/browser.ts";
import { watchBuild } from "../tests/support/watch-mode.ts";
import { BENCH_DIR, median } from "./child.ts";
import { writeCorpus } from "./corpus.ts";
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

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<number> {
  const deadline = performance.now() + 60_000;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up after 60 s waiting for ${what}`);
    await sleep(2);
  }
  return performance.now();
}

function readdirName(dir: string, name: string): string {
  for (const year of ["1398", "1399", "1400", "1401", "1402"])
    if (existsSync(path.join(dir, year, name))) return path.join(year, name);
  throw new Error(`no ${name} in any Jalali-year folder of ${dir}`);
}

const summary = (values: number[]) =>
  `${Math.round(median(values))} ms (median; ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ms)`;

async function main(): Promise<void> {
  const { count, edits } = parseArguments(process.argv.slice(2));
  const workDir = mkdtempSync(path.join(BENCH_DIR, "sarkhat-watch-"));
  const root = copyProject(path.join(workDir, "project"));
  const corpusDir = path.join(root, "content", "news");
  writeCorpus(corpusDir, count);
  // The newest article: the one an editor is most likely fixing, and on the home page too.
  const code = 10000 + count;
  const file = path.join(corpusDir, readdirName(corpusDir, `${code}.md`));
  const outputDir = path.join(root, "_site");
  const page = path.join(outputDir, "news", String(code), "index.html");

  const server = watchBuild({
    root,
    outputDir,
    articlesDir: "",
    serve: { port: 20_000 + Math.floor(Math.random() * 20_000) },
  });
  let browser: Browser | undefined;
  const onDisk: number[] = [];
  const inBrowser: number[] = [];
  try {
    const started = performance.now();
    await server.nextBuild(300_000);
    console.error(
      `first build of ${count} articles: ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    const url = new URL(`news/${code}/`, await server.serverUrl()).href;
    if (chromiumPath) {
      browser = await launchBrowser();
    } else {
      console.error(
        "*** No Chromium (apt-get install chromium): measuring the page on disk only. ***",
      );
    }
    const tab = await browser?.context.newPage();
    await tab?.goto(url);
    const heading = async () => {
      try {
        return (await tab!.locator("h1").first().textContent({ timeout: 50 })) ?? "";
      } catch {
        return ""; // the page is reloading
      }
    };
    const original = readFileSync(file, "utf8");
    for (let edit = 1; edit <= edits; edit++) {
      // Persian digits: the page shows digits that way, whatever the source says.
      const marker = `ویرایش ${toPersianDigits(edit)} ${toPersianDigits(Date.now() % 100_000)}`;
      // Give the watcher time to settle after the first build or the last edit, as an editor would.
      await sleep(edit === 1 ? 2000 : 500);
      const written = performance.now();
      writeFileSync(file, original.replace(/^title: "/m, `title: "${marker} `));
      const shownOnDisk = until(
        () => existsSync(page) && readFileSync(page, "utf8").includes(marker),
        `edit ${edit} on disk`,
      );
      const shownInBrowser = tab
        ? until(async () => (await heading()).includes(marker), `edit ${edit} in the browser`)
        : undefined;
      onDisk.push((await shownOnDisk) - written);
      if (shownInBrowser) inBrowser.push((await shownInBrowser) - written);
      await server.nextBuild();
      console.error(
        `edit ${edit}: on disk after ${Math.round(onDisk.at(-1)!)} ms${tab ? `, in the browser after ${Math.round(inBrowser.at(-1)!)} ms` : ""}`,
      );
    }
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(
    `${count.toLocaleString("en-US")} articles, ${edits} edits of one article's title: the page is on disk after ${summary(onDisk)}; ${
      inBrowser.length
        ? `the browser shows it after ${summary(inBrowser)}`
        : "not measured in a browser (no Chromium)"
    }`,
  );
}

await main();
