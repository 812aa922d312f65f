/**
 * Reading, validating and rendering the archive is most of a large build's first seconds (YAML,
 * markdown-it and the schema, per file) and needs nothing but the file itself: with more than one
 * core, worker threads take part. Every thread claims the next chunk of the sorted file list from
 * one shared counter, so a thread that starts late (a worker takes a few hundred milliseconds to
 * boot) or runs slowly simply claims fewer chunks. The results are put back in file order and
 * merged exactly as the one-thread loader merges them (`collectArticles`), so the articles, the
 * problems and their order are the same whatever the threads did.
 */
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { site } from "../site.ts";
import { startTypeScriptWorker } from "../worker.ts";
import {
  checkFile,
  collectArticles,
  listSourceFiles,
  rememberCheckedFile,
  type CheckedFile,
  type LoadOptions,
  type LoadResult,
  type SourceFile,
} from "./load-articles.ts";
import { claimChunks, type LoadWorkerData, type LoadWorkerMessage } from "./load-chunks.ts";

// Below this many files a worker's start-up costs more than it saves (measured: see README,
// "Performance"); the seed site and the test fixtures load in one thread.
const PARALLEL_FROM = 1_000;
// Small enough that threads finish together, large enough that claiming costs nothing.
const CHUNK_SIZE = 50;
const WORKER_ENTRY = new URL("./load-worker.ts", import.meta.url);

/** Worker threads to add to this one for `files` files: none on one core or for a small archive. */
export function loadWorkerCount(files: number): number {
  if (files < PARALLEL_FROM) return 0;
  return Math.max(0, Math.min(os.availableParallelism() - 1, 3));
}

// A structured clone gives a worker's article its own copy of its section: point it back at the
// site's, so every article of a section shares one object, as in a one-thread load.
function relinkSection(checked: CheckedFile): CheckedFile {
  const article = checked.article;
  if (article) {
    const section = site.sections.find((candidate) => candidate.slug === article.section.slug);
    if (section) article.section = section;
  }
  return checked;
}

function collectFromWorker(
  worker: Worker,
  files: readonly SourceFile[],
  checked: CheckedFile[],
  onResults: (count: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on("message", (message: LoadWorkerMessage) => {
      if ("done" in message) return resolve();
      onResults(message.results.length);
      message.results.forEach(({ stamp, checked: result }, offset) => {
        const index = message.start + offset;
        checked[index] = relinkSection(result);
        rememberCheckedFile(files[index]!.absolute, stamp, checked[index]);
      });
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`an article loading worker stopped (exit code ${code}) before it finished`)),
    );
  });
}

/**
 * `readArticles` (load-articles.ts), with worker threads beside this one for a large archive.
 * Files are checked once each, by whichever thread claims them; this thread's cache learns every
 * result, so a later `readArticles` of the same unchanged files reads nothing again.
 * `checkedByWorkers` says how many files the workers checked.
 */
export async function readArticlesInParallel(
  options: LoadOptions,
): Promise<LoadResult & { checkedByWorkers: number }> {
  const files = listSourceFiles(options);
  const workerCount = loadWorkerCount(files.length);
  const checked: CheckedFile[] = new Array<CheckedFile>(files.length);
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const data: LoadWorkerData = { files, counter: counter.buffer, chunkSize: CHUNK_SIZE };
  // Started before this thread's own share: a worker boots while this thread already checks files.
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () => startTypeScriptWorker(WORKER_ENTRY, data)),
  );
  let checkedByWorkers = 0;
  const finished = Promise.all(
    workers.map((worker) =>
      collectFromWorker(worker, files, checked, (count) => (checkedByWorkers += count)),
    ),
  );
  // Keep a worker's failure from counting as unhandled while this thread is still busy.
  finished.catch(() => undefined);
  try {
    for (const [start, end] of claimChunks(counter, files.length, CHUNK_SIZE)) {
      for (let index = start; index < end; index++)
        checked[index] = checkFile(files[index]!.absolute, files[index]!.file);
    }
    await finished;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { ...collectArticles(files, checked, options), checkedByWorkers };
}
