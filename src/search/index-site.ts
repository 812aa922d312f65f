/**
 * Build the search index of a built site with Pagefind's Node API: one document per published
 * article (src/search/records.ts), written to the search page's folder (`/search/pagefind/`) so
 * the page, its index and Pagefind's worker share one folder and one Content-Security-Policy;
 * then the page's service worker (src/search/offline.ts), which needs the index's file names.
 * https://pagefind.app/docs/node-api/
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Article } from "../article.ts";
import { sitePath } from "../urls.ts";
import { planOffline, writeServiceWorker } from "./offline.ts";
import { SEARCH_BUNDLE_PATH } from "./paths.ts";
import { searchDocument } from "./records.ts";
import { directorySize } from "../fs-size.ts";

export interface SearchIndexStats {
  /** Articles in the index. */
  pages: number;
  /** Files and bytes as published: Pagefind's runtime, WebAssembly and index, and the service worker. */
  files: number;
  bytes: number;
  /** Of those, the index proper: Pagefind's word index, filters and result fragments. */
  indexBytes: number;
  /** Wall time of the whole step: text normalisation, Pagefind, writing. */
  ms: number;
  /** Of which making the indexed documents: folding letters, restoring ZWNJs (the dictionary). */
  textMs: number;
}

// Pagefind writes its ready-made interfaces too; the search page has its own (src/search/browser/).
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/u;

// Documents by article: the loader keeps an unchanged file's Article between rebuilds (`npm start`),
// so a rebuild restores the ZWNJs of the articles that changed only.
const documents = new WeakMap<Article, string>();

// Pagefind runs as a child process shared by every index of this process; it is closed when the
// last indexing ends, so a build leaves nothing running.
let running = 0;

function failure(what: string, errors: readonly string[]): Error {
  return new Error(`Search index: ${what} failed: ${errors.join("; ")}`);
}

/**
 * Index those of `articles` whose page exists in the built site at `siteDir` (drafts and
 * articles held back for a later date have none), into `siteDir` + SEARCH_BUNDLE_PATH. Throws
 * naming the article when Pagefind refuses one, so a build with a broken index fails.
 */
export async function indexSite(
  siteDir: string,
  articles: readonly Article[],
): Promise<SearchIndexStats> {
  const started = performance.now();
  // In code order, one at a time: Pagefind numbers pages in the order they arrive, and two builds
  // of the same articles must write the same index whatever order the files were read in.
  const published = articles
    .filter((article) => existsSync(path.join(siteDir, article.url, "index.html")))
    .sort((a, b) => a.code - b.code);
  const outputPath = path.join(siteDir, SEARCH_BUNDLE_PATH);
  let textMs = 0;
  const documentOf = (article: Article) => {
    let document = documents.get(article);
    if (document === undefined) {
      const textStarted = performance.now();
      documents.set(article, (document = searchDocument(article)));
      textMs += performance.now() - textStarted;
    }
    return document;
  };
  running++;
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: "fa",
      writePlayground: false,
    });
    if (!index) throw failure("starting Pagefind", errors);
    try {
      // Each document is made while Pagefind's process reads the one before: order kept, time overlapped.
      let previous: Promise<void> = Promise.resolve();
      for (const article of published) {
        const content = documentOf(article);
        await previous;
        previous = index.addHTMLFile({ url: sitePath(article.url), content }).then((response) => {
          if (response.errors.length)
            throw failure(`indexing ${article.file} (${article.url})`, response.errors);
        });
        // Awaited above on the next turn; this only keeps a failure from counting as unhandled meanwhile.
        previous.catch(() => undefined);
      }
      await previous;
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw failure(`writing ${outputPath}`, written.errors);
    } finally {
      await index.deleteIndex();
    }
  } finally {
    if (--running === 0) await pagefind.close();
  }
  for (const name of readdirSync(outputPath))
    if (UNUSED_FILES.test(name)) rmSync(path.join(outputPath, name));
  const plan = planOffline(siteDir);
  const workerBytes = await writeServiceWorker(siteDir, plan);
  const bundle = directorySize(outputPath);
  return {
    pages: published.length,
    files: bundle.files + 1,
    bytes: bundle.bytes + workerBytes,
    indexBytes: plan.indexBytes,
    ms: performance.now() - started,
    textMs,
  };
}
