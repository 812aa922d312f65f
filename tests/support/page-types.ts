/**
 * The page types a reader meets, each with one page of the fixture newsroom (tests/fixtures/newsroom,
 * built by global-setup as "newsroomSiteDir"). One line per page type: a new kind of page is added
 * here and every browser check (layout, accessibility, screenshots) covers it.
 */
import { routes } from "../../src/routes.ts";
import type { PrintExpectations } from "./page-checks.ts";
import { sections } from "../../src/site.ts";

export interface PageType {
  /** A short name for test titles and screenshot files (ASCII, no spaces). */
  name: string;
  /** Site path, raw (Persian letters unescaped), from src/routes.ts. */
  path: string;
  /** The HTTP status the page is served with: only the 404 page is meant to answer 404. */
  status: number;
}

const world = sections.find((section) => section.slug === "world");
if (!world)
  throw new Error(
    "src/site.ts has no section with the slug world, which the newsroom fixture files its world news under",
  );

/** The fixture article every page-type check opens: it has tags, related articles and neighbours. */
export const ARTICLE_CODE = 3031;
/** The fixture article whose title mixes Latin into Persian: «ماهواره Nahid-2». */
export const MIXED_SCRIPT_ARTICLE_CODE = 3033;

export const pageTypes: readonly PageType[] = [
  { name: "home", path: routes.home(), status: 200 },
  { name: "home-page-2", path: routes.home(2), status: 200 },
  { name: "article", path: routes.article(ARTICLE_CODE), status: 200 },
  { name: "section", path: routes.section(world), status: 200 },
  { name: "section-page-2", path: routes.section(world, 2), status: 200 },
  { name: "topic", path: routes.topic({ slug: "قرهباغ" }), status: 200 },
  { name: "tag-index", path: routes.tags(), status: 200 },
  { name: "archive", path: routes.archive(), status: 200 },
  { name: "archive-month", path: routes.archiveMonth(1400, 1), status: 200 },
  { name: "about", path: routes.about(), status: 200 },
  { name: "subscribe", path: routes.subscribe(), status: 200 },
  { name: "feed-preview", path: routes.feed(routes.home(), "rss"), status: 200 },
  { name: "not-found", path: "/no-such-page/", status: 404 },
  { name: "search", path: routes.search(), status: 200 },
];

/** The URL of a site path on the local test server (which serves the build without a path prefix). */
export function pageUrl(origin: string, path: string): string {
  return `${origin}${encodeURI(path)}`;
}

/** What print keeps and drops on an article page (the classes of layouts/article.ts and base.ts). */
export const ARTICLE_PRINT: PrintExpectations = {
  hidden: ["nav", ".skip-link", ".site-footer", ".share", ".related", ".tags"],
  shown: ["article h1", "article .lead", ".article-body", "article .meta time"],
};
