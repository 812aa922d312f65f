/**
 * The browser's search engine (src/search/browser/engine.ts) against real indexes built in memory:
 * the search fixture's articles and small made-up archives, served by a fetch over the files.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import { createSearchEngine, PREFIX_CHUNK_LIMIT } from "../../src/search/browser/engine.ts";
import { buildSearchIndex } from "../../src/search/build-index.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import { publicationDate, toSearchArticle, type SearchArticle } from "../../src/search/records.ts";
import { textWords, wordKeys } from "../../src/search/words.ts";
import { ORIGIN, serveFiles, type ServedIndex } from "../support/search-index.ts";
import { REAL_QUERIES, SPELLING_QUERIES } from "../support/search-queries.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const fixture = loadArticles({ dir: path.join(ROOT, "tests/fixtures/search"), root: ROOT }).map(
  toSearchArticle,
);
const fixtureFiles = buildSearchIndex({ articles: fixture }).files;
const served = (): ServedIndex => serveFiles(fixtureFiles);

/** A made-up article: the body's paragraphs as markdown-it writes them. */
function made(code: number, parts: Partial<Omit<SearchArticle, "html">> & { body?: string[] }) {
  return {
    code,
    url: `/news/${code}/`,
    title: parts.title ?? `خبر شماره ${code}`,
    lead: parts.lead ?? "متن کوتاه لید.",
    html: (parts.body ?? []).map((paragraph) => `<p>${paragraph}</p>\n`).join(""),
    tags: parts.tags ?? [],
    section: parts.section ?? "سیاسی",
    date: new Date(Date.UTC(2022, 0, 1) + code * 60_000),
    hasTime: false,
    ...(parts.surtitle ? { surtitle: parts.surtitle } : {}),
  } satisfies SearchArticle;
}

function archive(articles: SearchArticle[], chunkTargetBytes?: number): ServedIndex {
  return serveFiles(buildSearchIndex({ articles, chunkTargetBytes }).files);
}

async function codes(index: ServedIndex, query: string): Promise<number[]> {
  return (await index.engine.search(query)).map((hit) => hit.code);
}

describe("searching the search fixture", () => {
  const index = served();

  it.each([...SPELLING_QUERIES, ["زیردریایی", []] as [string, number[]]])(
    "finds %s in %j, however either side typed it",
    async (query, expected) => {
      expect((await codes(index, query)).sort()).toEqual([...expected].sort());
    },
  );

  it.each(REAL_QUERIES)("answers %s with titles first", async (query, first, others) => {
    const found = await codes(index, query);
    expect(found.slice(0, first.length)).toEqual(first);
    expect(found).toEqual(expect.arrayContaining(others));
  });

  it("matches a query word as the start of longer indexed words", async () => {
    expect((await codes(index, "کرما")).sort()).toEqual([5005, 5014]);
    expect((await codes(index, "تروریست")).sort()).toEqual([5001, 5002, 5003]);
    expect(await codes(index, "تروریستهاا")).toEqual([]);
  });

  it("needs every query word (AND)", async () => {
    expect(await codes(index, "کرمان زلزله")).toEqual([5005]);
    expect(await codes(index, "کرمان سالمند")).toEqual([5014]);
    expect(await codes(index, "کرمان فوتبال")).toEqual([]);
  });

  it("matches tags and the section, which excerpts never show", async () => {
    // «ایتالیا» is only a tag of 5013, «علمی» only the section of 5015.
    const [italy] = await index.engine.search("ایتالیا");
    expect(italy?.code).toBe(5013);
    expect((await index.engine.load(italy!)).locations).toEqual([]);
    expect(await codes(index, "علمی")).toEqual([5015]);
  });

  it("gives what a result shows: title as written, section, Jalali date, indexed content", async () => {
    const article = fixture.find((candidate) => candidate.code === 5004)!;
    const [hit] = await index.engine.search("قیمت نفت");
    const result = await index.engine.load(hit!);
    const date = publicationDate(article);
    expect(result).toMatchObject({
      code: 5004,
      url: "/news/5004/",
      headline: article.title,
      section: "اقتصادی",
      date: date.text,
      datetime: date.datetime,
    });
    expect(result.headline).toContain("قيمت"); // as written, Arabic ي and all
    expect(result.content.startsWith(toIndexText(article.title))).toBe(true);
    expect(result.titleWords).toBe(textWords(toIndexText(article.title)).length);
  });

  it("locates every word of the content that matched, and nothing else", async () => {
    const [hit] = await index.engine.search("قره باغ");
    const result = await index.engine.load(hit!);
    const words = textWords(result.content);
    const expected = words.flatMap((word, position) =>
      wordKeys(word).includes("قرهباغ") ? [position] : [],
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(result.locations.map((location) => location.location)).toEqual(expected);
    for (const location of result.locations) {
      expect(words[location.location]).toMatch(/^قره‌باغ/u);
      expect(location.score).toBeGreaterThan(0);
    }
  });

  it("knows exactly which keys are indexed", async () => {
    expect(await index.engine.has("آتشسوزی")).toBe(true);
    expect(await index.engine.has("آتشسوز")).toBe(false);
    expect(await index.engine.has("آتش")).toBe(true);
  });
});

describe("ranking", () => {
  it("puts an article whose title holds the whole query first, whatever the others score", async () => {
    const filler = Array.from({ length: 60 }, () => "گزارش کامل رویدادهای هفته گذشته").join(" ");
    const index = archive([
      // The query in the surtitle, twice in the lead and as a tag of a short article: a higher score…
      made(1, {
        title: "گزارش",
        surtitle: "بحران آب",
        lead: "بحران آب و بحران آب",
        tags: ["بحران آب"],
      }),
      // …than once in the title of a long one.
      made(2, { title: "بحران آب در شهرها", body: [filler] }),
      made(3, { title: "آب و هوا", body: ["بحران تازه‌ای نیست."] }),
    ]);
    const hits = await index.engine.search("بحران آب");
    expect(hits.map((hit) => hit.code)).toEqual([2, 1, 3]);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
    expect(hits.map((hit) => hit.titleHoldsQuery)).toEqual([true, false, false]);
  });

  it("puts a whole-word match above a match of the start of a longer word", async () => {
    const index = archive([
      made(1, { body: Array.from({ length: 5 }, () => "مردم کرمانی به خانه برگشتند.") }),
      made(2, { body: ["سفری کوتاه به کرمان و شهرهای دیگر با قطار و اتوبوس."] }),
    ]);
    const hits = await index.engine.search("کرمان");
    expect(hits.map((hit) => hit.code)).toEqual([2, 1]);
    expect(hits.map((hit) => hit.exact)).toEqual([true, false]);
  });

  it("weights a word by its field: title, then surtitle and lead, then tags, then body", async () => {
    // Five articles of the same words, field by field, but for where «پتروشیمی» stands.
    const field = (where: string, here: string) => (where === here ? "پتروشیمی" : "خودرو");
    const index = archive(
      ["title", "surtitle", "lead", "tags", "body"].map((where, offset) =>
        made(10 - offset, {
          title: `خبر تازه ${field(where, "title")}`,
          surtitle: `روتیتر ${field(where, "surtitle")}`,
          lead: `لید خبر ${field(where, "lead")}`,
          tags: [field(where, "tags")],
          body: [`متن خبر ${field(where, "body")}`],
        }),
      ),
    );
    const hits = await index.engine.search("پتروشیمی");
    // 10: title; 9: surtitle and 8: lead (5 each: the newer first); 7: tags (3); 6: body (1).
    expect(hits.map((hit) => hit.code)).toEqual([10, 9, 8, 7, 6]);
    const [title, surtitle, lead, tags, body] = hits.map((hit) => hit.score);
    expect(title).toBeGreaterThan(surtitle!);
    expect(surtitle).toBe(lead);
    expect(lead).toBeGreaterThan(tags!);
    expect(tags).toBeGreaterThan(body!);
  });

  it("counts a rare word more than a common one", async () => {
    const index = archive([
      made(1, { body: ["تهران و سمنان"] }),
      made(2, { body: ["تهران و اصفهان"] }),
      made(3, { body: ["تهران و شیراز"] }),
    ]);
    const [rare] = await index.engine.search("سمنان");
    const [common] = await index.engine.search("تهران");
    expect(rare!.score).toBeGreaterThan(common!.score);
  });

  it("breaks ties by the newer news code", async () => {
    const index = archive([made(7, { body: ["یکسان"] }), made(9, { body: ["یکسان"] })]);
    expect(await codes(index, "یکسان")).toEqual([9, 7]);
  });
});

describe("fused alternatives", () => {
  const index = archive([
    made(1, { body: ["ساختمان کتابخانه ملی بازسازی شد."] }),
    made(2, { body: ["کتاب را در خانه خواند."] }),
  ]);

  it("find a compound typed apart, when the fused word is indexed", async () => {
    expect(toIndexText("کتابخانه").replaceAll("\u200C", "")).toBe("کتابخانه");
    expect((await codes(index, "کتاب خانه")).sort()).toEqual([1, 2]);
  });

  it("count only when the fused word is an indexed word exactly, not the start of one", async () => {
    // «کتابخان» starts «کتابخانه», but is not itself indexed: only the words typed apart count.
    expect(await index.engine.has("کتابخان")).toBe(false);
    expect(await codes(index, "کتاب خان")).toEqual([2]);
  });
});

describe("fetching", () => {
  it("fetches the manifest once and only the chunks a query word can be in", async () => {
    // A chunk target of one byte: one key a chunk.
    const index = archive(fixture, 1);
    await index.engine.search("زلزله");
    expect(index.requests).toHaveLength(2);
    expect(index.requests[0]).toBe("/search/index.json");
    expect(index.requests[1]).toMatch(/^\/assets\/search-index\/chunk\.[0-9a-f]{10}\.json$/u);
    await index.engine.search("زلزله");
    expect(index.requests).toHaveLength(2);
    const [hit] = await index.engine.search("زلزله");
    await index.engine.load(hit!);
    expect(index.requests.at(-1)).toBe("/search/docs/5005.json");
  });

  it(`matches a word whole when its prefix spans more than ${PREFIX_CHUNK_LIMIT} chunks`, async () => {
    // «اس» starts است، استان، اساس…: in one chunk it matches them, one key a chunk it does not.
    const starting = fixtureFiles
      .filter((file) => file.path.startsWith("assets/"))
      .flatMap((file) => (JSON.parse(file.content) as { keys: string[] }).keys)
      .filter((key) => key.startsWith("اس"));
    expect(starting.length).toBeGreaterThan(PREFIX_CHUNK_LIMIT);
    expect(await codes(served(), "اس")).toContain(5005);
    const spread = archive(fixture, 1);
    expect(await codes(spread, "اس")).toEqual([]);
    // The manifest, and the one chunk «اس» itself would be in.
    expect(spread.requests.length).toBeLessThanOrEqual(2);
  });

  it("names a file the server does not have", async () => {
    const withoutChunks = fixtureFiles.filter((file) => !file.path.startsWith("assets/"));
    await expect(serveFiles(withoutChunks).engine.search("زلزله")).rejects.toThrow(
      /^Search index: http:\/\/sarkhat\.test\/assets\/search-index\/chunk\.[0-9a-f]{10}\.json answered 404$/u,
    );
  });

  it("tries again after a failed fetch (the connection came back)", async () => {
    const { fetch } = serveFiles(fixtureFiles);
    let online = false;
    const engine = createSearchEngine({
      manifestUrl: `${ORIGIN}/search/index.json`,
      fetch: (url) => (online ? fetch(url) : Promise.reject(new TypeError("Failed to fetch"))),
    });
    await expect(engine.search("زلزله")).rejects.toThrow("Failed to fetch");
    online = true;
    expect((await engine.search("زلزله")).map((hit) => hit.code)).toEqual([5005]);
  });

  it("refuses a manifest of another format", async () => {
    const files = fixtureFiles.map((file) =>
      file.path === "search/index.json"
        ? { ...file, content: file.content.replace('"format":1', '"format":2') }
        : file,
    );
    await expect(serveFiles(files).engine.search("زلزله")).rejects.toThrow(
      "is not a format 1 manifest",
    );
  });
});
