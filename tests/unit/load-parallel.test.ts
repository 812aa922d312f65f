/**
 * The parallel loader (src/content/load-parallel.ts) gives exactly what the one-thread loader
 * gives, problems and their order included, however the files were shared out among threads.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { checkSource, collectArticles, readArticles } from "../../src/content/load-articles.ts";
import { claimChunks } from "../../src/content/load-chunks.ts";
import { loadWorkerCount } from "../../src/content/early-article-load.mjs";
import { readArticlesInParallel, startArticleLoad } from "../../src/content/load-parallel.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { listSourceFiles } from "../../src/content/source-files.mjs";
import { site } from "../../src/site.ts";

describe("claimChunks", () => {
  it.each([
    [0, 50, []],
    [1, 50, [[0, 1]]],
    [
      100,
      50,
      [
        [0, 50],
        [50, 100],
      ],
    ],
    [
      101,
      50,
      [
        [0, 50],
        [50, 100],
        [100, 101],
      ],
    ],
  ])("cuts %i items in chunks of %i as %j", (total, size, chunks) => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    expect([...claimChunks(counter, total, size)]).toEqual(chunks);
  });

  it("gives every chunk to exactly one of the threads sharing a counter", () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const first = claimChunks(counter, 1_000, 7);
    const second = claimChunks(counter, 1_000, 7);
    const claimed: [number, number][] = [];
    for (let turn = 0; ; turn++) {
      const next = (turn % 3 === 0 ? second : first).next();
      if (next.done) break;
      claimed.push(next.value);
    }
    for (const rest of [first, second]) claimed.push(...rest);
    const covered = claimed.sort((a, b) => a[0] - b[0]).flatMap(([start, end]) => [start, end]);
    expect(covered[0]).toBe(0);
    expect(covered.at(-1)).toBe(1_000);
    for (let index = 1; index < covered.length - 1; index += 2)
      expect(covered[index], "each chunk ends where the next begins").toBe(covered[index + 1]);
  });
});

describe("readArticlesInParallel", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-parallel-load-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Large enough that a worker boots and takes part before this thread is done with its share.
  const COUNT = 3_000;
  writeCorpus(dir, COUNT);
  // Problems of every kind, spread over the archive: across threads they must come out in order.
  const broken = [
    ["1398/10010.md", (text: string) => text.replace(/^title: .*$/mu, "title: ''")],
    ["1400/11500.md", (text: string) => text.replace(/^code: \d+/mu, "code: 10010")],
    ["1401/12000.md", (text: string) => text.replace(/^section: .*$/mu, "section: ورزش")],
    ["1402/12999.md", (text: string) => `${text.replace(/^---\n/u, "---\ndraft: true\n")}`],
  ] as const;
  for (const [file, breakIt] of broken) {
    const absolute = path.join(dir, file);
    writeFileSync(absolute, breakIt(readFileSync(absolute, "utf8")));
  }
  appendFileSync(path.join(dir, "1399/11000.md"), "\nیک نویسه\u202Eی پنهان.\n");

  it("gives the one-thread loader's articles and problems, in the same order", async () => {
    const options = { dir, root: dir, now: new Date("2030-01-01T00:00:00Z") };
    // First, while nothing is cached: the threads really share the work.
    const parallel = await readArticlesInParallel(options);
    const serial = readArticles(options);
    expect(parallel.problems.map(formatProblem)).toEqual(serial.problems.map(formatProblem));
    expect(parallel.problems.length, "the broken files are reported").toBeGreaterThanOrEqual(4);
    expect(parallel.articles).toEqual(serial.articles);
    // Every article of a section shares the site's own section object, as in a one-thread load.
    for (const article of parallel.articles) expect(site.sections).toContain(article.section);
    if (loadWorkerCount(COUNT) === 0) {
      console.warn("SKIPPED: one core, so no worker thread took part in this load.");
    } else {
      expect(parallel.checkedByWorkers, "files checked by worker threads").toBeGreaterThan(0);
      expect(parallel.checkedByWorkers).toBeLessThan(COUNT);
    }
  }, 60_000);

  it("reads in its workers before this thread joins in, and gives the same result", async () => {
    const options = { dir, root: dir, now: new Date("2030-01-01T00:00:00Z") };
    const load = startArticleLoad(options);
    expect([load.dir, load.root], "the folder and root, absolute").toEqual([
      path.resolve(dir),
      path.resolve(dir),
    ]);
    // This thread is busy elsewhere (in a build: loading Eleventy) before it calls finish().
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const early = await load.finish();
    const serial = readArticles(options);
    expect(early.problems.map(formatProblem)).toEqual(serial.problems.map(formatProblem));
    expect(early.articles).toEqual(serial.articles);
    expect(early.snapshot.files.length, "the snapshot holds every file").toBe(COUNT);
    if (loadWorkerCount(COUNT) === 0)
      console.warn("SKIPPED: one core, so no worker thread read ahead.");
    else expect(early.checkedByWorkers, "files the workers read while waiting").toBeGreaterThan(0);
  }, 60_000);
});

describe("readArticlesInParallel with the cache of checked articles", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-cached-load-"));
  const articleCaches = mkdtempSync(path.join(os.tmpdir(), "sarkhat-article-caches-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(articleCaches, { recursive: true, force: true });
  });
  // Enough files for worker threads (and so the cache). Each load reads its own copy of the
  // archive: the same names and bytes (what the cache is keyed by) at other paths, so that this
  // thread's memory of the files it loaded (keyed by path) cannot answer for them.
  const COUNT = 1_200;
  const archive = (name: string) => path.join(dir, name);
  writeCorpus(archive("first"), COUNT);
  const broken = archive("first/1399/10300.md");
  writeFileSync(broken, readFileSync(broken, "utf8").replace(/^title: .*$/mu, "title: ''"));
  cpSync(archive("first"), archive("second"), { recursive: true });
  const now = new Date("2030-01-01T00:00:00Z");
  const optionsFor = (name: string) => ({
    dir: archive(name),
    root: archive(name),
    now,
    articleCaches,
  });

  /** Every file checked now, without any cache, and merged as the loader merges. */
  function reference(name: string) {
    const files = listSourceFiles({ dir: archive(name), root: archive(name) });
    return collectArticles(
      files,
      files.map(({ absolute, file }) => checkSource(readFileSync(absolute, "utf8"), file)),
      { now },
    );
  }

  it("gives what checking every file gives, cold and warm, and checks only what changed", async () => {
    if (loadWorkerCount(COUNT) === 0) {
      console.warn("SKIPPED: one core, so this load has no workers and keeps no cache.");
      return;
    }
    const cold = await readArticlesInParallel(optionsFor("first"));
    expect(cold.checked, "cold: every file checked").toBe(COUNT);
    const expected = reference("first");
    expect(expected.problems, "the broken file is reported").toHaveLength(1);
    expect(cold.problems.map(formatProblem)).toEqual(expected.problems.map(formatProblem));
    expect(cold.articles).toStrictEqual(expected.articles);

    // The workers read ahead, from the cache, while this thread is busy elsewhere.
    const load = startArticleLoad(optionsFor("second"));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const warm = await load.finish();
    expect(warm.checked, "warm: no file checked").toBe(0);
    expect(warm.checkedByWorkers, "the workers took their files from the cache").toBeGreaterThan(0);
    expect(warm.problems.map(formatProblem)).toEqual(expected.problems.map(formatProblem));
    // Dates stay dates, an absent field stays absent, sections are the site's own objects.
    expect(warm.articles).toStrictEqual(expected.articles);
    for (const article of warm.articles) expect(site.sections).toContain(article.section);

    const edited = archive("second/1401/10800.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^lead: /mu, "lead: تازه "));
    const afterEdit = await readArticlesInParallel(optionsFor("second"));
    expect(afterEdit.checked, "after an edit: that file only").toBe(1);
    expect(afterEdit.articles).toStrictEqual(reference("second").articles);
    expect(afterEdit.articles).not.toStrictEqual(expected.articles);
  }, 60_000);
});
