/**
 * Pages made one per article, listing page or feed, rendered by their own paginated TypeScript
 * templates and written one at a time instead of through Eleventy's template pipeline (see
 * src/plugins/streamed-pages.ts for why, and bench/HISTORY.md).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { startBackgroundPageWriter } from "./background-page-writer.ts";
import { createPageWriter, type PageWriter } from "./page-writer.ts";

/** The parts of a paginated TypeScript template (`*.11ty.ts`) that are streamed. */
export interface PaginatedTemplate {
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
  /**
   * Optional: everything a page's content depends on, as values compared with `===` (objects
   * the loader keeps while their file is unchanged, strings). A preview renders a page again only
   * when one of them changed.
   */
  dependencies?: (data: Record<string, unknown>) => readonly unknown[];
}

/** What a preview remembers of its last pass, per page: what was written and what it came from. */
export interface PreviewPages {
  contents: Map<string, string>;
  dependencies: Map<string, readonly unknown[]>;
}

export function createPreviewPages(): PreviewPages {
  return { contents: new Map(), dependencies: new Map() };
}

const sameValues = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);

/** Check that a template module has the shape streaming needs; `file` names it in the error. */
export function asPaginatedTemplate(
  module: Record<string, unknown>,
  file: string,
): PaginatedTemplate {
  const data = module.data as Partial<PaginatedTemplate["data"]> | undefined;
  const pagination = data?.pagination;
  if (
    !pagination ||
    pagination.size !== 1 ||
    typeof pagination.alias !== "string" ||
    typeof pagination.data !== "string" ||
    typeof data.permalink !== "function" ||
    typeof module.render !== "function" ||
    (module.dependencies !== undefined && typeof module.dependencies !== "function")
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

/** Eleventy's mapping from a permalink to a file: `/news/1001/` → `news/1001/index.html`. */
export function outputFileOf(outputDir: string, permalink: string): string {
  return path.resolve(
    outputDir,
    `.${permalink.endsWith("/") ? `${permalink}index.html` : permalink}`,
  );
}

// Measured in interleaved pairs of builds, the writer thread against none: 0.94 of the wall time
// at 10,000 articles (35,000 pages), 1.02 at 1,000 (3,900 pages), where the thread's start and
// the messages cost more than the main thread's last second alone gains.
const BACKGROUND_FROM = 5_000;

/** What one pass wrote. */
export interface StreamedResult {
  /** Absolute paths of every page made, written or unchanged. */
  pages: Set<string>;
  /** Of those, the pages written (all of them, unless `previous` was given). */
  written: number;
  /** Pages of the previous pass no longer made, removed. */
  removed: number;
}

/**
 * Render every page of `templates` (file name and module) with `globalData` into `outputDir`.
 * With `previous` (a preview's last pass), a page whose dependencies are unchanged is not
 * rendered again, one whose content is unchanged is not written again, and a page no longer made
 * is removed; `previous` is updated to this pass. Pages are the same bytes Eleventy would write:
 * same permalinks, same data, same render. `backgroundFrom`: after how many pages the rest go to a
 * writer thread (not in a preview).
 */
export async function writeStreamedPages(
  templates: readonly { file: string; module: PaginatedTemplate }[],
  globalData: Record<string, unknown>,
  outputDir: string,
  previous?: PreviewPages,
  options: { backgroundFrom?: number } = {},
): Promise<StreamedResult> {
  const backgroundFrom = options.backgroundFrom ?? BACKGROUND_FROM;
  // A large build hands its pages to a writer thread once it has written `backgroundFrom` itself
  // (src/background-page-writer.ts); a small one, and a preview, write every page here.
  const direct = createPageWriter();
  let writer: PageWriter = direct;
  const pages = new Set<string>();
  let written = 0;
  try {
    await renderPages();
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  await writer.close();

  async function renderPages() {
    for (const { file, module } of templates) {
      const { data, render } = module;
      const list = lookUp(globalData, data.pagination.data, file);
      // Eleventy's `pagination.before(items, data)` may replace the list before paging.
      const items = data.pagination.before ? data.pagination.before(list, globalData) : list;
      for (const item of items) {
        const pageData: Record<string, unknown> = { ...globalData, [data.pagination.alias]: item };
        const permalink = data.permalink(pageData);
        const outputPath = outputFileOf(outputDir, permalink);
        if (pages.has(outputPath))
          throw new Error(`${file} and another streamed page both write ${permalink}`);
        pageData.page = { url: permalink, outputPath, inputPath: `./${file}` };
        pages.add(outputPath);
        if (previous && module.dependencies) {
          const dependencies = module.dependencies(pageData);
          if (sameValues(previous.dependencies.get(outputPath), dependencies)) continue;
          previous.dependencies.set(outputPath, dependencies);
        }
        let content: string;
        try {
          // Most templates render synchronously: no await (a turn of the event loop) per page then.
          const rendered = render(pageData);
          content = typeof rendered === "string" ? rendered : await rendered;
        } catch (error) {
          throw new Error(
            `${file} failed to render ${permalink}: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        if (previous?.contents.get(outputPath) === content) continue;
        previous?.contents.set(outputPath, content);
        written++;
        if (!previous && writer === direct && written === backgroundFrom)
          writer = await startBackgroundPageWriter();
        const backlog = writer.write(outputPath, content);
        if (backlog) await backlog;
      }
    }
  }
  let removed = 0;
  if (previous) {
    for (const stale of [...previous.contents.keys()].filter((page) => !pages.has(page))) {
      previous.contents.delete(stale);
      previous.dependencies.delete(stale);
      await rm(stale, { force: true });
      removed++;
    }
  }
  return { pages, written, removed };
}
