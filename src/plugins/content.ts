import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import type { Article } from "../article.ts";
import { listingPages, type ListingPage } from "../content/listings.ts";
import { buildNewsroom, type Newsroom } from "../content/newsroom.ts";
import { loadArticles } from "../content/load-articles.ts";
import { articlesDirectory } from "../content/paths.mjs";
import { site } from "../site.ts";

export interface ContentOptions {
  /** The articles folder inside the input folder, relative to the project root. */
  articlesDir: string;
}

/** Whether this run previews the site (`npm start`), where drafts are shown. */
type NewsroomData = Newsroom & { listings: ListingPage[] };

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

function isPreview(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}

/**
 * The instant that decides which articles are published: the clock, or `SARKHAT_NOW` (ISO 8601)
 * to build the site as it will be at a given time. It only filters; it is never written anywhere.
 */
function publicationTime(): Date {
  const value = process.env.SARKHAT_NOW;
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`SARKHAT_NOW must be an ISO 8601 date, got ${JSON.stringify(value)}`);
  return date;
}

/**
 * Articles are read and validated by our loader, not by Eleventy as one template each: see
 * src/content/load-articles.ts. Pages get them as the global `newsroom` data.
 * https://www.11ty.dev/docs/data-global-custom/
 */
export default function contentPlugin(eleventyConfig: UserConfig, options: ContentOptions): void {
  const dir = path.resolve(options.articlesDir);
  // Inside the input folder the articles must not also become templates of their own.
  eleventyConfig.ignores.add(`${path.relative(process.cwd(), dir).split(path.sep).join("/")}/**`);
  // Watch the folder this run reads (SARKHAT_ARTICLES may point elsewhere than content/news).
  eleventyConfig.addWatchTarget(path.resolve(articlesDirectory()));
  // Eleventy waits for a changed file to keep its size for 150 ms before it rebuilds, against
  // reading a file half written. An article is a few kilobytes saved in one write: 50 ms is
  // enough, and a preview shows the edit 100 ms sooner. (A file read half written fails
  // validation and is read again on its next change event.)
  // https://www.11ty.dev/docs/watch-serve/#advanced-chokidar-configuration
  eleventyConfig.setChokidarConfig({
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  });
  // Asked for by Eleventy and by the streamed pages in every build, and again in every preview
  // rebuild: while the loader returns the same articles (it keeps an unchanged file's Article),
  // the newsroom is the one already made.
  let last: { articles: readonly Article[]; newsroom: NewsroomData } | undefined;
  eleventyConfig.addGlobalData("newsroom", (): NewsroomData => {
    const articles = loadArticles({
      dir: path.resolve(articlesDirectory()),
      root: process.cwd(),
      includeDrafts: isPreview(),
      now: publicationTime(),
    });
    if (last && sameItems(last.articles, articles)) return last.newsroom;
    const newsroom = buildNewsroom(articles, site.sections, site.timeZone);
    last = { articles, newsroom: { ...newsroom, listings: listingPages(newsroom) } };
    return last.newsroom;
  });
}
