/**
 * Build the site with Eleventy's programmatic API and publish it atomically: the output is written
 * to a temporary sibling folder and swapped in only when the whole build succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was and no temporary folder behind.
 * https://www.11ty.dev/docs/programmatic/
 */
import Eleventy from "@11ty/eleventy";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pinArchive } from "./content/load-articles.ts";
import {
  startArticleLoad,
  type ArticleLoad,
  type ParallelLoadResult,
} from "./content/load-parallel.ts";
import { articlesDirectory } from "./content/paths.mjs";
import { ContentValidationError } from "./content/problems.ts";
import { publish, removeBuildLeftovers, STAGING, temporaryName } from "./publish.ts";
import { startSiteIndex, type SearchIndexStats, type SiteIndexJob } from "./search/index-site.ts";
import { headerRules, renderHeadersFile } from "./security/headers.ts";
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
   * Called once every article is read and valid, before the pages are made: work that would
   * compete with reading the articles for the cores starts here (the typography summary).
   */
  onArticlesRead?: () => void;
  /**
   * The reading of the articles, already started (`startArticleLoad`) for the folder this build
   * reads: `npm run build` starts it before loading this module and Eleventy (src/build-command.ts).
   */
  articleLoad?: ArticleLoad;
}

export interface BuildResult {
  outputDir: string;
  /** Files Eleventy wrote, passthrough copies included. */
  written: number;
  /** The search index built after Eleventy (src/search/index-site.ts): pages, bytes, time. */
  search: SearchIndexStats;
  /** How the articles were read: by how many worker threads' share, started how early. */
  load: Pick<ParallelLoadResult, "checkedByWorkers" | "startedEarly">;
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
function listFiles(dir: string): string[] {
  // Names are cut from the entries' folders rather than made with path.relative: 35,000 files at
  // 10,000 articles, where path.relative cost a tenth of a second.
  const prefix = dir.length + 1;
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const folder = entry.parentPath.slice(prefix);
    files.push((folder ? `${folder}/${entry.name}` : entry.name).split(path.sep).join("/"));
  }
  return files.sort();
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
    const { problems, articles, snapshot, checkedByWorkers, startedEarly } = await load.finish();
    if (problems.length) throw new ContentValidationError(problems);
    // Eleventy's data then takes the articles from what was just read, not from the disk again.
    unpin = pinArchive(snapshot);
    options.onArticlesRead?.();
    eleventyStarted = true;
    // Search: the index is made beside the pages (src/search/index-site.ts) and finished before
    // `_headers` lists the files and before publishing, so a failed index fails the build and
    // leaves the previous site (README, "Search").
    indexing = startSiteIndex(staging, articles);
    const eleventy = new Eleventy("content", staging, {
      configPath: ".eleventy.ts",
      quietMode: options.quiet ?? false,
    });
    await eleventy.write();
    const search = await indexing.finish();
    // `_headers` is written from the files really there, so every top-level page and folder gets
    // its caching and policy once (see src/security/headers.ts).
    const files = listFiles(staging);
    const rules = headerRules(files, {
      pathPrefix,
      https: site.url.startsWith("https:"),
    });
    writeFileSync(path.join(staging, "_headers"), renderHeadersFile(rules));
    publish(staging, outputDir);
    // Counted on disk (plus _headers): streamed pages (src/plugins/streamed-pages.ts) are not in Eleventy's results.
    return {
      outputDir,
      written: files.length + 1,
      search,
      load: { checkedByWorkers, startedEarly },
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
