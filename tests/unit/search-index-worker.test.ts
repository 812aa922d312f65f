/**
 * A large archive's search index is built in a worker thread beside the page rendering
 * (startSiteIndex in src/search/index-site.ts): the same files as the one-thread indexer, and a
 * failure in the worker fails the build naming the problem.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { readArticles } from "../../src/content/load-articles.ts";
import { indexSite, startSiteIndex } from "../../src/search/index-site.ts";
import { planOffline } from "../../src/search/offline.ts";
import {
  INDEX_WORKER_FROM,
  startEarlyIndexWorker,
  takeEarlyIndexWorker,
} from "../../src/search/early-index-worker.mjs";
import { SMALL_ARCHIVE_BELOW, SMALL_ARCHIVE_YOUNG_GENERATION } from "../../src/worker-bundles.mjs";
import { makeWorkerBundle } from "../../src/worker.ts";
import type { Article } from "../../src/article.ts";

const work = mkdtempSync(path.join(os.tmpdir(), "sarkhat-index-worker-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// At the size from which the index goes to a worker.
const COUNT = INDEX_WORKER_FROM;
writeCorpus(path.join(work, "articles"), COUNT);
const { articles } = readArticles({ dir: path.join(work, "articles"), root: work });

/** A site with the pages the indexer looks for: each article's page and the search page. */
function stagedSite(name: string, pages: readonly Article[]): string {
  const dir = path.join(work, name);
  for (const article of pages) {
    mkdirSync(path.join(dir, article.url), { recursive: true });
    writeFileSync(path.join(dir, article.url, "index.html"), "");
  }
  mkdirSync(path.join(dir, "search"), { recursive: true });
  writeFileSync(path.join(dir, "search", "index.html"), "<!doctype html><title>جست‌وجو</title>");
  return dir;
}

function filesOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, "utf8")] as const;
      }),
  );
}

// On one core the index is made in the build's own thread: nothing here to check.
const oneCore = os.availableParallelism() < 2;
if (oneCore) console.warn("SKIPPED: one core, so the search index never goes to a worker thread.");

describe.skipIf(oneCore)("startSiteIndex", () => {
  it("writes, from a worker thread, exactly the files the one-thread indexer writes", async () => {
    const inWorker = stagedSite("worker", articles);
    const inThread = stagedSite("thread", articles);
    const job = startSiteIndex(inWorker, articles);
    const stats = await job.finish();
    await indexSite(inThread, articles);
    expect(stats.pages).toBe(COUNT);
    const written = filesOf(inWorker);
    expect(written.size).toBeGreaterThan(COUNT);
    expect(written).toEqual(filesOf(inThread));
    // The service worker was planned from the builder's count of the index's bytes: the same
    // plan as from the files themselves, the index too large to be stored whole.
    const fromFiles = planOffline(inWorker);
    expect(fromFiles.wholeIndex, "an index too large to store whole").toBe(false);
    expect(planOffline(inWorker, stats.indexBytes)).toEqual(fromFiles);
  }, 60_000);

  it("fails with the worker's error when the index cannot be written", async () => {
    const blocker = path.join(work, "a-file");
    writeFileSync(blocker, "not a folder");
    const job = startSiteIndex(path.join(blocker, "site"), articles);
    await expect(job.finish()).rejects.toThrow(/^Search index: ENOTDIR/u);
  }, 60_000);

  it("takes over the worker `npm run build` started early, and writes the same files", async () => {
    // An early start uses only a bundle an earlier build made and that is still current.
    await makeWorkerBundle(new URL("../../src/search/index-worker.ts", import.meta.url));
    expect(startEarlyIndexWorker(COUNT), "a worker was started").toBe(true);
    const early = stagedSite("early", articles);
    const inThread = stagedSite("thread-for-early", articles);
    const job = startSiteIndex(early, articles);
    expect(takeEarlyIndexWorker(), "the build took the early worker").toBeUndefined();
    const stats = await job.finish();
    await indexSite(inThread, articles);
    expect(stats.pages).toBe(COUNT);
    expect(filesOf(early)).toEqual(filesOf(inThread));
  }, 60_000);

  it("keeps its records: the next index makes only an edited article's, and writes the same files", async () => {
    // A cache folder of this test's own: other tests' builds rewrite the shared one's packs.
    const searchCaches = path.join(work, "search-caches");
    const first = await startSiteIndex(stagedSite("first", articles), articles, {
      searchCaches,
    }).finish();
    expect(first.recordsMade, "every record made the first time").toBe(COUNT);
    const edited: Article[] = [{ ...articles[0]!, title: `${articles[0]!.title} تازه` }];
    edited.push(...articles.slice(1));
    const inWorker = stagedSite("second", edited);
    const second = await startSiteIndex(inWorker, edited, { searchCaches }).finish();
    expect(second.recordsMade, "the edited article's record alone made again").toBe(1);
    const inThread = stagedSite("second-in-thread", edited);
    await indexSite(inThread, edited);
    expect(filesOf(inWorker)).toEqual(filesOf(inThread));
  }, 60_000);

  it("does not leave a worker started early running when the archive is too small for one", async () => {
    await makeWorkerBundle(new URL("../../src/search/index-worker.ts", import.meta.url));
    startEarlyIndexWorker(COUNT);
    const few = articles.slice(0, 10);
    const job = startSiteIndex(stagedSite("few", few), few);
    expect(takeEarlyIndexWorker(), "the build took the early worker, to stop it").toBeUndefined();
    const stats = await job.finish();
    expect(stats.pages, "indexed in this thread").toBe(few.length);
    const fromFiles = planOffline(path.join(work, "few"));
    expect(fromFiles.wholeIndex, "an index small enough to store whole").toBe(true);
    expect(planOffline(path.join(work, "few"), stats.indexBytes)).toEqual(fromFiles);
  }, 60_000);

  it.each([
    [COUNT, SMALL_ARCHIVE_YOUNG_GENERATION.maxYoungGenerationSizeMb],
    [SMALL_ARCHIVE_BELOW - 1, SMALL_ARCHIVE_YOUNG_GENERATION.maxYoungGenerationSizeMb],
    [SMALL_ARCHIVE_BELOW, undefined],
  ])(
    "starts early for %i articles with a young generation limited to %j MiB (undefined: V8's default)",
    async (count, limited) => {
      await makeWorkerBundle(new URL("../../src/search/index-worker.ts", import.meta.url));
      expect(startEarlyIndexWorker(count), "a worker was started").toBe(true);
      const { worker } = takeEarlyIndexWorker()!;
      try {
        await new Promise((resolve) => worker.once("online", resolve));
        const young = worker.resourceLimits?.maxYoungGenerationSizeMb;
        if (limited === undefined)
          expect(
            young,
            "V8's default young generation, larger than the workers' limit",
          ).toBeGreaterThan(SMALL_ARCHIVE_YOUNG_GENERATION.maxYoungGenerationSizeMb!);
        else expect(young, "the workers' small young generation").toBe(limited);
      } finally {
        await worker.terminate();
      }
    },
    60_000,
  );
});
