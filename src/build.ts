/**
 * Build the site with Eleventy's programmatic API and publish it atomically: the output is written
 * to a temporary sibling folder and swapped in only when the whole build succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was and no temporary folder behind.
 * https://www.11ty.dev/docs/programmatic/
 */
import Eleventy from "@11ty/eleventy";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readArticlesInParallel } from "./content/load-parallel.ts";
import { articlesDirectory } from "./content/paths.ts";
import { ContentValidationError } from "./content/problems.ts";
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
}

export interface BuildResult {
  outputDir: string;
  /** Files Eleventy wrote, passthrough copies included. */
  written: number;
  /** The search index built after Eleventy (src/search/index-site.ts): pages, bytes, time. */
  search: SearchIndexStats;
}

// Temporary folders sit beside the output (a rename within one file system is atomic) and carry
// the id of the process that made them, so a later build can tell an abandoned one (the build was
// killed) from one another build is still writing.
const STAGING = ".building-";
const RETIRED = ".previous-";

function temporaryName(outputDir: string, kind: string): string {
  return `${outputDir}${kind}${process.pid}-${randomBytes(4).toString("hex")}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary folders of `outputDir` left by builds that no longer run (or, with
 * `ownedBy`, those of that process: a build interrupted by a signal cleans up after itself).
 */
export function removeBuildLeftovers(outputDir: string, ownedBy?: number): string[] {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const kind = [STAGING, RETIRED].find((candidate) => name.startsWith(base + candidate));
    if (!kind) continue;
    const pid = Number(name.slice(base.length + kind.length).split("-")[0]);
    const abandoned =
      ownedBy === undefined ? Number.isInteger(pid) && !isRunning(pid) : pid === ownedBy;
    if (!abandoned) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
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
  process.chdir(root);
  if (options.articlesDir) process.env.SARKHAT_ARTICLES = options.articlesDir;
  try {
    // Validate every article before Eleventy starts, so a bad article fails fast with one report
    // (the loader caches what it checked, so Eleventy's own load does not parse anything twice).
    // A large archive is read by worker threads beside this one (src/content/load-parallel.ts).
    const { problems, articles } = await readArticlesInParallel({
      dir: path.resolve(root, articlesDirectory()),
      root,
    });
    if (problems.length) throw new ContentValidationError(problems);
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
    return { outputDir, written: files.length + 1, search };
  } catch (error) {
    await indexing?.cancel();
    // Nothing was written when validation failed: fail at once, the editor is waiting.
    if (eleventyStarted) await removeWhenSettled(staging);
    throw error;
  } finally {
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

function publish(staging: string, outputDir: string): void {
  const retired = temporaryName(outputDir, RETIRED);
  const hadPrevious = existsSync(outputDir);
  if (hadPrevious) renameSync(outputDir, retired);
  try {
    renameSync(staging, outputDir);
  } catch (error) {
    // Put the previous site back: a failed swap must not leave no site at all.
    if (hadPrevious) renameSync(retired, outputDir);
    throw error;
  }
  if (hadPrevious) rmSync(retired, { recursive: true, force: true });
}
