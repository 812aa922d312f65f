import type UserConfig from "@11ty/eleventy/UserConfig";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface StreamedPagesOptions {
  /**
   * Templates paginated one page per item (`pagination.size` 1, an `alias`, a `permalink`
   * function, optionally `before`), relative to the project root.
   */
  templates: string[];
}

/** The parts of a paginated TypeScript template this plugin drives. */
interface PaginatedTemplate {
  data: {
    pagination: {
      data: string;
      size: number;
      alias: string;
      before?: (items: unknown[], data: Record<string, unknown>) => unknown[];
    };
    permalink: (data: Record<string, unknown>) => string;
  };
  render: (data: Record<string, unknown>) => string | Promise<string>;
}

function asPaginatedTemplate(module: Record<string, unknown>, file: string): PaginatedTemplate {
  const data = module.data as Partial<PaginatedTemplate["data"]> | undefined;
  const pagination = data?.pagination;
  if (
    !pagination ||
    pagination.size !== 1 ||
    typeof pagination.alias !== "string" ||
    typeof pagination.data !== "string" ||
    typeof data.permalink !== "function" ||
    typeof module.render !== "function"
  ) {
    throw new Error(
      `${file} cannot be streamed: expected \`export const data\` with pagination { data, size: 1, alias } and a permalink function, and \`export function render\``,
    );
  }
  return module as unknown as PaginatedTemplate;
}

function lookUp(data: Record<string, unknown>, dottedPath: string, file: string): unknown[] {
  const value = dottedPath
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
  if (!Array.isArray(value))
    throw new Error(`${file} paginates over ${dottedPath}, which is not a list in the global data`);
  return value;
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

/** Eleventy's mapping from a permalink to a file: `/news/1001/` → `news/1001/index.html`. */
function outputFileOf(outputDir: string, permalink: string): string {
  return path.resolve(
    outputDir,
    `.${permalink.endsWith("/") ? `${permalink}index.html` : permalink}`,
  );
}

/**
 * Pages made one per article, listing page or feed are nearly all of a newsroom build. As
 * ordinary Eleventy templates, every page is rendered and kept in memory before the first is
 * written (Eleventy keeps each page's content for collections): 1.4 GB of RSS at 10,000
 * articles, more than Node's heap holds at 50,000. In a production build (`npm run build`,
 * `buildSite()`) these templates are instead rendered and written one page at a time, before
 * Eleventy's own pass, by the same template module (its `data.permalink` and `render`) with the
 * same global data, so the files are the same. Previews (`npm start`) leave them to Eleventy,
 * which reloads edited templates and layouts; a preview site is small.
 */
export default function streamedPages(
  eleventyConfig: UserConfig,
  options: StreamedPagesOptions,
): void {
  if (process.env.ELEVENTY_RUN_MODE !== "build") return;
  for (const template of options.templates) eleventyConfig.ignores.add(template);
  let written = new Set<string>();

  eleventyConfig.on(
    "eleventy.before",
    async ({ directories }: { directories: { output: string } }) => {
      written = new Set();
      const globalData = await evaluateGlobalData(eleventyConfig);
      for (const template of options.templates) {
        const file = path.resolve(template);
        const { data, render } = asPaginatedTemplate(
          (await import(pathToFileURL(file).href)) as Record<string, unknown>,
          template,
        );
        const made = new Set<string>();
        const list = lookUp(globalData, data.pagination.data, template);
        // Eleventy's `pagination.before(items, data)` may replace the list before paging.
        const items = data.pagination.before ? data.pagination.before(list, globalData) : list;
        for (const item of items) {
          const pageData: Record<string, unknown> = {
            ...globalData,
            [data.pagination.alias]: item,
          };
          const permalink = data.permalink(pageData);
          const outputPath = outputFileOf(directories.output, permalink);
          if (written.has(outputPath))
            throw new Error(`${template} and another streamed page both write ${permalink}`);
          pageData.page = { url: permalink, outputPath, inputPath: `./${template}` };
          let content: string;
          try {
            content = await render(pageData);
          } catch (error) {
            throw new Error(
              `${template} failed to render ${permalink}: ${error instanceof Error ? error.message : String(error)}`,
              { cause: error },
            );
          }
          const folder = path.dirname(outputPath);
          if (!made.has(folder)) (mkdirSync(folder, { recursive: true }), made.add(folder));
          writeFileSync(outputPath, content);
          written.add(outputPath);
        }
      }
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
