/**
 * Build the site with Eleventy's programmatic API and publish it atomically: the output is written
 * to a temporary sibling folder and swapped in only when the whole build succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was and no temporary folder behind.
 * https://www.11ty.dev/docs/programmatic/
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { pinArchive, type ArchiveSnapshot } from "./content/load-articles.ts";
import {
  startArticleLoad,
  type ArticleLoad,
  type ParallelLoadResult,
} from "./content/load-parallel.ts";
import { articlesDirectory } from "./content/paths.mjs";
import { ContentValidationError } from "./content/problems.ts";
import { STREAMED_PAGES_WRITTEN } from "./plugins/streamed-pages.ts";
import { publish, removeBuildLeftovers, STAGING, temporaryName } from "./publish.ts";
import { startSiteIndex, type SearchIndexStats, type SiteIndexJob } from "./search/index-site.ts";
import {
  headerRules,
  isFeedFile,
  renderHeadersFile,
  type SiteOutline,
} from "./security/headers.ts";
import { site } from "./site.ts";
import { pathPrefix } from "./urls.ts";

export interface BuildOptions {
  /** Where the site goes; `_site` by default. */
  outputDir?: string;
  /** The project root holding .eleventy.ts; the working directory by default. */
  root?: string;
  quiet?: boolean;
  /** Build from another articles folder (test fixtures, the benchmark corpus). */
  articlesDir?: string;
  /**
   * Called once every article is read and valid, before the pages are made, with what was read
   * and how many files were checked rather than taken from the cache of checked articles: work
   * that would compete with reading the articles for the cores starts here (the typography
   * summary, which finds each file's key in its own cache among what was read).
   */
  onArticlesRead?: (read: { snapshot: ArchiveSnapshot; checked: number }) => void;
  /**
   * The reading of the articles, already started (`startArticleLoad`) for the folder this build
   * reads: `npm run build` starts it before loading this module and Eleventy (src/build-command.ts).
   */
  articleLoad?: ArticleLoad;
}

export interface BuildResult {
  outputDir: string;
  /** Files the build wrote: pages, passthrough copies, the search index, `_headers`. */
  written: number;
  /** The search index built after Eleventy (src/search/index-site.ts): pages, bytes, time. */
  search: SearchIndexStats;
  /** How the articles were read: by how many worker threads' share, started how early. */
  load: Pick<ParallelLoadResult, "checkedByWorkers" | "startedEarly" | "checked">;
}

/**
 * What `eleventy.write()` gives back (Eleventy 3): the passthrough copies, as results that count
 * their files (possibly in nested lists), and the templates, each with its file or `false`.
 */
type EleventyWriteResult = [copied: unknown[], rendered: { outputPath: string | false }[]];

function copiedFiles(results: unknown[]): number {
  let count = 0;
  for (const result of results.flat(Infinity) as { count?: number }[]) count += result.count ?? 0;
  return count;
}

/**
 * The outline `_headers` is written from (src/security/headers.ts): the top of the output as it
 * is on disk, and the feeds among the pages the build rendered (streamed and Eleventy's own).
 * Listing every file instead took 0.25–0.3 s at 10,000 articles (23,000 folders), at the very end
 * of the build with nothing beside it. tests/site/security-headers.test.ts checks that the file is
 * the one the full listing gives.
 */
function outlineOfBuild(staging: string, pages: Iterable<string>): SiteOutline {
  const topLevelFiles: string[] = [];
  const topLevelFolders: string[] = [];
  for (const entry of readdirSync(staging, { withFileTypes: true })) {
    if (entry.isFile()) topLevelFiles.push(entry.name);
    else if (entry.isDirectory()) topLevelFolders.push(entry.name);
  }
  const feedFiles: string[] = [];
  for (const page of pages)
    if (isFeedFile(path.basename(page)))
      feedFiles.push(path.relative(staging, page).split(path.sep).join("/"));
  return { topLevelFiles, topLevelFolders, feedFiles };
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  removeBuildLeftovers(outputDir);
  const staging = temporaryName(outputDir, STAGING);
  const previousCwd = process.cwd();
  const previousArticles = process.env.SARKHAT_ARTICLES;
  let eleventyStarted = false;
  let indexing: SiteIndexJob | undefined;
  let unpin: (() => void) | undefined;
  process.chdir(root);
  if (options.articlesDir) process.env.SARKHAT_ARTICLES = options.articlesDir;
  try {
    // Validate every article before Eleventy starts, so a bad article fails fast with one report.
    // A large archive is read by worker threads beside this one (src/content/load-parallel.ts).
    const dir = path.resolve(root, articlesDirectory());
    const load = options.articleLoad ?? startArticleLoad({ dir, root });
    if (load.dir !== dir || load.root !== root)
      throw new Error(
        `buildSite builds ${dir} (root ${root}) but was given the load of ${load.dir} (root ${load.root})`,
      );
    const { problems, articles, snapshot, checkedByWorkers, startedEarly, checked } =
      await load.finish();
    if (problems.length) throw new ContentValidationError(problems);
    // Eleventy's data then takes the articles from what was just read, not from the disk again.
    unpin = pinArchive(snapshot);
    options.onArticlesRead?.({ snapshot, checked });
    eleventyStarted = true;
    // Search: the index is made beside the pages (src/search/index-site.ts) and finished before
    // `_headers` is written and before publishing, so a failed index fails the build and
    // leaves the previous site (README, "Search").
    indexing = startSiteIndex(staging, articles);
    let streamed: ReadonlySet<string> = new Set();
    const eleventy = new Eleventy("content", staging, {
      configPath: ".eleventy.ts",
      quietMode: options.quiet ?? false,
      // Streamed pages (src/plugins/streamed-pages.ts) are not in Eleventy's results.
      config: (eleventyConfig: UserConfig) =>
        eleventyConfig.on(STREAMED_PAGES_WRITTEN, (pages: ReadonlySet<string>) => {
          streamed = pages;
        }),
    });
    const [copied, rendered] = (await eleventy.write()) as unknown as EleventyWriteResult;
    const search = await indexing.finish();
    const pages = [
      ...streamed,
      ...rendered.flatMap((result) => (result.outputPath ? [path.resolve(result.outputPath)] : [])),
    ];
    // Every top-level page and folder gets its caching and policy once (src/security/headers.ts).
    const rules = headerRules(outlineOfBuild(staging, pages), {
      pathPrefix,
      https: site.url.startsWith("https:"),
    });
    writeFileSync(path.join(staging, "_headers"), renderHeadersFile(rules));
    publish(staging, outputDir);
    return {
      outputDir,
      // What each writer reports: pages, copies, the search index and its service worker, _headers.
      written: pages.length + copiedFiles(copied) + search.files + 1,
      search,
      load: { checkedByWorkers, startedEarly, checked },
    };
  } catch (error) {
    await indexing?.cancel();
    // Nothing was written when validation failed: fail at once, the editor is waiting.
    if (eleventyStarted) await removeWhenSettled(staging);
    throw error;
  } finally {
    unpin?.();
    process.chdir(previousCwd);
    if (previousArticles === undefined) delete process.env.SARKHAT_ARTICLES;
    else process.env.SARKHAT_ARTICLES = previousArticles;
  }
}

/**
 * Remove the staging folder after a failure. Eleventy's passthrough copies may still be landing
 * after `write()` rejects and would recreate it: remove until it stays gone.
 */
async function removeWhenSettled(staging: string): Promise<void> {
  for (let quietChecks = 0, attempts = 0; quietChecks < 3 && attempts < 50; attempts++) {
    if (existsSync(staging)) {
      rmSync(staging, { recursive: true, force: true });
      quietChecks = 0;
    } else {
      quietChecks++;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
