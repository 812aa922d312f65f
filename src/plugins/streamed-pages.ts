import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { importModule } from "../bundled-modules.mjs";
import {
  asPaginatedTemplate,
  createPreviewPages,
  writeStreamedPages,
  type PreviewPages,
} from "../streamed-pages.ts";

/**
 * Emitted on Eleventy's configuration once the streamed pages are written, with the set of their
 * files (absolute paths): a build counts and outlines its output from what its writers report
 * instead of listing 35,000 files again (src/build.ts).
 */
export const STREAMED_PAGES_WRITTEN = "sarkhat.streamedPagesWritten";

export interface StreamedPagesOptions {
  /**
   * Templates paginated one page per item (`pagination.size` 1, an `alias`, a `permalink`
   * function, optionally `before`), relative to the project root.
   */
  templates: string[];
}

/** Global data as templates see it: functions called, promises awaited. */
async function evaluateGlobalData(eleventyConfig: UserConfig): Promise<Record<string, unknown>> {
  const entries = Object.entries(
    (eleventyConfig as unknown as { globalData: Record<string, unknown> }).globalData,
  );
  return Object.fromEntries(
    await Promise.all(
      entries.map(
        async ([name, value]) =>
          [name, typeof value === "function" ? await (value as () => unknown)() : value] as const,
      ),
    ),
  );
}

/**
 * Pages made one per article, listing page or feed are nearly all of a newsroom build. As
 * ordinary Eleventy templates, every page is rendered and kept in memory before the first is
 * written (Eleventy keeps each page's content for collections): 1.4 GB of RSS at 10,000
 * articles, more than Node's heap holds at 50,000. These templates are instead rendered and
 * written one page at a time, before Eleventy's own pass, by the same template module (its
 * `data.permalink` and `render`) with the same global data, so the files are the same
 * (src/streamed-pages.ts).
 *
 * While previewing (`npm start`), the pages of the last pass are kept and a rebuild writes only
 * the pages whose content changed: editing one article rewrites its page and the lists and feeds
 * it is in, not the whole site. Code (templates, layouts, src/) is not reloaded here: `npm start`
 * restarts Eleventy when it changes (scripts/start.ts).
 */
export default function streamedPages(
  eleventyConfig: UserConfig,
  options: StreamedPagesOptions,
): void {
  for (const template of options.templates) eleventyConfig.ignores.add(template);
  let written = new Set<string>();
  // A preview's last pass, per output folder.
  let previous: { outputDir: string; pages: PreviewPages } | undefined;

  eleventyConfig.on(
    "eleventy.before",
    async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      const outputDir = path.resolve(directories.output);
      const preview = runMode === "serve" || runMode === "watch";
      if (preview && previous?.outputDir !== outputDir)
        previous = { outputDir, pages: createPreviewPages() };
      const templates = await Promise.all(
        options.templates.map(async (file) => ({
          file,
          module: asPaginatedTemplate(
            // From the build's bundle when it runs from one (src/bundled-modules.mjs).
            (await importModule(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>,
            file,
          ),
        })),
      );
      const result = await writeStreamedPages(
        templates,
        await evaluateGlobalData(eleventyConfig),
        outputDir,
        preview ? previous?.pages : undefined,
      );
      written = result.pages;
      await eleventyConfig.emit(STREAMED_PAGES_WRITTEN, written);
    },
  );

  // Eleventy checks its own pages for clashes; this checks them against the streamed ones.
  eleventyConfig.on(
    "eleventy.after",
    ({ results }: { results?: { outputPath: string | false }[] }) => {
      const clash = (results ?? []).find(
        (result) => result.outputPath && written.has(path.resolve(result.outputPath)),
      );
      if (clash)
        throw new Error(
          `${String(clash.outputPath)} is written both by an Eleventy template and by a streamed page`,
        );
    },
  );
}
