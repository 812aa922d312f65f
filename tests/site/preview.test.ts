/**
 * `npm start` rebuilds incrementally (src/plugins/streamed-pages.ts): after an article is edited,
 * a rebuild writes only the files whose content changed, and what it leaves on disk is exactly
 * what a fresh preview build of the edited archive writes. Checked on the newsroom fixture in
 * Eleventy's watch mode, which is `npm start` without the dev server.
 */
import { load } from "cheerio";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/routes.ts";
import { watchBuild, type WatchedBuild } from "../support/watch-mode.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/newsroom");
const EDITED = 3001;
const REMOVED = 3002;
const TOUCHED = 3003;
const NEW_TITLE = "عنوان ویرایش‌شده در پیش‌نمایش";

interface Snapshot {
  /** File (relative, `/` separators) → its content and modification time. */
  files: Map<string, { content: Buffer; mtimeMs: number }>;
}

function snapshot(dir: string): Snapshot {
  const files = new Map<string, { content: Buffer; mtimeMs: number }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join("/"), {
      content: readFileSync(file),
      mtimeMs: statSync(file).mtimeMs,
    });
  }
  return { files };
}

// Pages the streamed templates write (src/plugins/streamed-pages.ts): articles, short links,
// listings (home, sections, topics, archive months) and feeds. Eleventy writes the few others
// (these index pages, the sitemap, the 404 page…) again on every rebuild.
const ELEVENTY_PAGES = /^(search|about|subscribe|tags|archive|archive\/\d+)\/index\.html$/u;
const isStreamed = (file: string) =>
  /^(news|n)\//u.test(file) ||
  /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/u.test(file) ||
  (/(^|\/)index\.html$/u.test(file) && !ELEVENTY_PAGES.test(file));
// The search index is written just after a preview's pages (src/plugins/search.ts), while this
// test may already be looking; it has tests of its own.
const isSearchIndex = (file: string) =>
  (file.startsWith("search/") && file !== "search/index.html") ||
  file.startsWith("assets/search-index/");

let work: string;
let watched: WatchedBuild;
let before: Snapshot;
let after: Snapshot;
let fresh: Snapshot;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "sarkhat-preview-"));
  const articles = path.join(work, "articles");
  cpSync(FIXTURE, articles, { recursive: true });
  watched = watchBuild({ outputDir: path.join(work, "site"), articlesDir: articles });
  await watched.nextBuild();
  before = snapshot(path.join(work, "site"));
  // mtimes have a resolution; a rewrite in the same tick as the first write would look untouched.
  await new Promise((resolve) => setTimeout(resolve, 50));

  const edited = path.join(articles, `${EDITED}.md`);
  writeFileSync(
    edited,
    readFileSync(edited, "utf8").replace(/^title: .*$/mu, `title: '${NEW_TITLE}'`),
  );
  await watched.nextBuild();
  // Eleventy 3 does not rebuild when a file is deleted (it only forgets it): the deletion shows
  // with the next change, here an edit of another article.
  unlinkSync(path.join(articles, `${REMOVED}.md`));
  const other = path.join(articles, `${TOUCHED}.md`);
  writeFileSync(other, `${readFileSync(other, "utf8")}\nیک بند تازه.\n`);
  await watched.nextBuild();
  after = snapshot(path.join(work, "site"));
  await watched.stop();

  // The same archive, built from nothing in a preview of its own.
  const again = watchBuild({ outputDir: path.join(work, "fresh"), articlesDir: articles });
  await again.nextBuild();
  await again.stop();
  fresh = snapshot(path.join(work, "fresh"));
}, 180_000);

afterAll(async () => {
  await watched?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("an incremental preview rebuild", () => {
  it("shows the edited title on the article's page", () => {
    const page = after.files.get(`${routes.article(EDITED).slice(1)}index.html`);
    expect(page, "the edited article's page").toBeDefined();
    expect(load(page!.content.toString("utf8"))("h1").text()).toBe(NEW_TITLE);
  });

  it("removes the pages of a deleted article", () => {
    expect(after.files.has(`${routes.article(REMOVED).slice(1)}index.html`)).toBe(false);
    expect(after.files.has(`${routes.short(REMOVED).slice(1)}index.html`)).toBe(false);
  });

  it("leaves every streamed page whose content did not change untouched on disk", () => {
    const untouched: string[] = [];
    const rewritten: string[] = [];
    for (const [file, now] of after.files) {
      const then = before.files.get(file);
      if (!then || !isStreamed(file)) continue;
      if (then.content.equals(now.content)) {
        if (now.mtimeMs !== then.mtimeMs) rewritten.push(file);
        else untouched.push(file);
      }
    }
    expect(rewritten, "streamed pages written again with the same content").toEqual([]);
    // Most of the site has nothing to do with one article: far more pages stay than change.
    expect(untouched.length).toBeGreaterThan(50);
  });

  it("leaves on disk exactly what a fresh preview build of the edited archive writes", () => {
    const differing = [...new Set([...after.files.keys(), ...fresh.files.keys()])]
      .filter((file) => !isSearchIndex(file))
      .filter(
        (file) =>
          !after.files.get(file)?.content.equals(fresh.files.get(file)?.content ?? Buffer.alloc(0)),
      )
      .sort();
    expect(differing, "files that differ from a fresh build").toEqual([]);
  });
});
