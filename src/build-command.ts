/**
 * What `npm run build` does (scripts/build.ts), as a function the benchmark can time exactly:
 * the typography summary in a worker beside the build, the build itself, and the report.
 */
import type { BuildResult } from "./build.ts";
import type { ArchiveSnapshot } from "./content/load-articles.ts";
import { contentKeysOf, startArticleLoad } from "./content/load-parallel.ts";
import { buildArticlesFolder } from "./content/paths.mjs";
import { ContentValidationError } from "./content/problems.ts";
import { startTypographySummary } from "./typography-summary.ts";

export interface BuildCommandOptions {
  /** Where the site goes (`--output`); `_site` by default. */
  output?: string;
  /** Build from another articles folder (`--articles`). */
  articles?: string;
}

function findValidationError(error: unknown): ContentValidationError | undefined {
  // Eleventy wraps errors thrown from data functions; the original is somewhere down the chain.
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ContentValidationError || current.name === "ContentValidationError")
      return current as ContentValidationError;
  }
  return undefined;
}

/** Build, print what was built (or every problem), and give the exit code. */
export async function runBuildCommand(
  options: BuildCommandOptions,
): Promise<{ exitCode: number; result?: BuildResult }> {
  try {
    const started = performance.now();
    const articlesFolder = buildArticlesFolder(options.articles);
    // Typography findings never fail the build; the lint runs in a worker beside it and reports
    // in one line. It starts once the articles are read: reading them takes every core there is
    // (src/content/load-parallel.ts), while making the pages leaves one free.
    let typography: Promise<string> | undefined;
    // When no article changed since the last build (none was checked again), the summary may
    // come from the typography cache alone, by the keys the load took as it read each file
    // (src/typography-summary.ts). After an edit the cache lacks the edited file: the worker
    // lints it, and its cache is not read twice for nothing.
    const startLint = (read?: { snapshot: ArchiveSnapshot; checked: number }) =>
      (typography ??= startTypographySummary([articlesFolder, "content/pages"], {
        contentKeys: read?.checked === 0 ? contentKeysOf(read.snapshot) : undefined,
      }));
    // Worker threads read the articles while this thread loads the build and the site's modules
    // (0.3–0.5 s): this module imports nothing heavy for that. Under `npm run build` they started
    // before Eleventy and the packages loaded (scripts/start-article-load.mjs), and are taken over
    // here; otherwise they start now.
    const articleLoad = startArticleLoad({ dir: articlesFolder, root: process.cwd() });
    const { buildSite } = await import("./build.ts");
    const result = await buildSite({
      quiet: true,
      outputDir: options.output,
      articlesDir: options.articles,
      onArticlesRead: startLint,
      articleLoad,
    });
    console.log(
      `Built ${result.written} files into ${result.outputDir} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    console.log(
      await startLint().catch(
        (error: unknown) => `Persian typography: not checked (${String(error)})`,
      ),
    );
    return { exitCode: 0, result };
  } catch (error) {
    const invalid = findValidationError(error);
    console.error(invalid ? invalid.message : error);
    console.error(
      `The build failed; the previous ${options.output ?? "_site"}/ was left untouched.`,
    );
    return { exitCode: 1 };
  }
}
