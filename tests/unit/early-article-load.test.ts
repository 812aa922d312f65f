/**
 * Starting the article load before TypeScript can run (src/content/early-article-load.mjs,
 * scripts/start-article-load.mjs): the workers' events wait for the build, the build takes over
 * only a load of its own folder, and `npm run build`'s flags really start one that it takes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCommandPrefix } from "../../bench/build-flags.ts";
import { writeCorpus } from "../../bench/corpus.ts";
import {
  holdWorkerEvents,
  loadWorkerCount,
  startEarlyArticleLoad,
  takeEarlyArticleLoad,
} from "../../src/content/early-article-load.mjs";
import { readArticles } from "../../src/content/load-articles.ts";
import { contentKeysOf, startArticleLoad } from "../../src/content/load-parallel.ts";
import { contentKey } from "../../src/persian/content-key.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { makeWorkerBundle } from "../../src/worker.ts";
import { SMALL_ARCHIVE_YOUNG_GENERATION } from "../../src/worker-bundles.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

function evalWorker(code: string): Worker {
  return new Worker(code, { eval: true });
}

describe("holdWorkerEvents", () => {
  it("gives the messages posted before anyone listened, in order, then the later ones", async () => {
    const worker = evalWorker(`
      const { parentPort } = require("node:worker_threads");
      parentPort.postMessage(1);
      parentPort.postMessage(2);
      parentPort.once("message", () => { parentPort.postMessage(3); process.exit(0); });
    `);
    const held = holdWorkerEvents(worker);
    // Both early messages have arrived (and were held) once this one has.
    await new Promise((resolve) => worker.on("message", (value) => value === 2 && resolve(value)));
    const received: unknown[] = [];
    worker.on("message", (value) => received.push(value));
    held.release();
    expect(received, "the held messages, replayed on release").toEqual([1, 2]);
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("go");
    await exited;
    expect(received, "a message after release arrives once").toEqual([1, 2, 3]);
  });

  it("holds an error and the exit, so a failing worker fails whoever takes it over", async () => {
    const worker = evalWorker(`throw new Error("the archive is unreadable")`);
    const held = holdWorkerEvents(worker);
    // No listener of ours yet: without the hold, this error would end the test process.
    await new Promise((resolve) => worker.once("exit", resolve));
    const events: string[] = [];
    worker.on("error", (error: Error) => events.push(`error: ${error.message}`));
    worker.on("exit", (code: number) => events.push(`exit ${code}`));
    held.release();
    expect(events).toEqual(["error: the archive is unreadable", "exit 1"]);
  });
});

describe("startEarlyArticleLoad and takeEarlyArticleLoad", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-early-load-"));
  const small = mkdtempSync(path.join(os.tmpdir(), "sarkhat-early-load-small-"));
  // The smallest archive read in parallel (below it, loadWorkerCount gives no worker).
  const COUNT = 1_000;
  const options = { dir, root: dir, now: new Date("2030-01-01T00:00:00Z") };
  beforeAll(async () => {
    writeCorpus(dir, COUNT);
    // A broken article among them: its problem must come out as the one-thread loader reports it.
    const broken = path.join(dir, "1400/10401.md");
    writeFileSync(broken, readFileSync(broken, "utf8").replace(/^title: .*$/mu, "title: ''"));
    writeCorpus(small, 10);
    // An early start uses only a bundle an earlier build made and that is still current.
    await makeWorkerBundle(new URL("../../src/content/load-worker.ts", import.meta.url));
    // And the search index's, which the preload starts once the archive is read.
    await makeWorkerBundle(new URL("../../src/search/index-worker.ts", import.meta.url));
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  });
  const parallel = loadWorkerCount(COUNT) > 0;

  it.skipIf(!parallel)(
    "is taken over by the build's load of the same folder",
    async () => {
      const reads: number[] = [];
      startEarlyArticleLoad({ dir, root: dir, onRead: (files) => reads.push(files) });
      const load = await startArticleLoad(options).finish();
      expect(load.startedEarly, "the load took over the workers started early").toBe(true);
      expect(reads, "onRead, once every worker had read its share, with the files listed").toEqual([
        COUNT,
      ]);
      expect(load.checkedByWorkers, "files those workers read").toBeGreaterThan(0);
      const serial = readArticles(options);
      expect(load.problems.map(formatProblem)).toEqual(serial.problems.map(formatProblem));
      expect(load.articles).toEqual(serial.articles);
      const keys = contentKeysOf(load.snapshot);
      expect(keys.size, "every file's key in the typography cache, taken as it was read").toBe(
        COUNT,
      );
      for (const { absolute } of load.snapshot.files)
        expect(keys.get(absolute), absolute).toBe(contentKey(readFileSync(absolute)));
    },
    60_000,
  );

  it.skipIf(!parallel)(
    "is given once, and only for its own folder and root",
    async () => {
      startEarlyArticleLoad({ dir, root: dir });
      expect(takeEarlyArticleLoad(dir, ROOT), "another root names files otherwise").toBeUndefined();
      expect(takeEarlyArticleLoad(dir, dir), "a load refused is stopped, not kept").toBeUndefined();
      startEarlyArticleLoad({ dir, root: dir });
      const taken = takeEarlyArticleLoad(dir, dir);
      expect(taken?.files.length, "every file of the folder").toBe(COUNT);
      for (const { worker } of taken!.workers)
        expect(
          worker.resourceLimits?.maxYoungGenerationSizeMb,
          "a small archive's load workers: a small young generation",
        ).toBe(SMALL_ARCHIVE_YOUNG_GENERATION.maxYoungGenerationSizeMb);
      expect(takeEarlyArticleLoad(dir, dir), "taken once").toBeUndefined();
      await Promise.all(taken!.workers.map(({ worker }) => worker.terminate()));
      const load = await startArticleLoad(options).finish();
      expect(load.startedEarly, "nothing left to take: the load starts its own").toBe(false);
    },
    60_000,
  );

  it("starts nothing for a small archive or a folder that does not exist", () => {
    startEarlyArticleLoad({ dir: small, root: small });
    expect(
      takeEarlyArticleLoad(small, small),
      "ten articles are read in one thread",
    ).toBeUndefined();
    const missing = path.join(dir, "no-such-folder");
    expect(() => startEarlyArticleLoad({ dir: missing, root: dir })).not.toThrow();
    expect(takeEarlyArticleLoad(missing, dir)).toBeUndefined();
  });

  it.skipIf(!parallel)(
    "is started by `npm run build`'s flags and taken over by the bundled program",
    async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          ...buildCommandPrefix(ROOT),
          "tests/fixtures/early-load/probe.ts",
          "--articles",
          path.relative(ROOT, dir),
        ],
        // The probe never takes the search index's worker, which the preload starts once the
        // archive is read (src/search/early-index-worker.mjs): it must exit all the same.
        { cwd: ROOT, timeout: 30_000 },
      );
      const probe = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
      expect(probe, "how the probe read the archive").toEqual({
        startedEarly: true,
        checkedByWorkers: expect.any(Number),
        articles: readArticles(options).articles.length,
        problems: 1,
      });
      expect(probe.checkedByWorkers).toBeGreaterThan(0);
    },
    60_000,
  );
});
