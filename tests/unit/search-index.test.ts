/**
 * The index builder (src/search/build-index.ts): the files it writes, their format, and that they
 * hold exactly the articles' words, ranked as src/search/ranking.ts says, the same bytes every time.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import {
  buildSearchIndex,
  CHUNK_TARGET_BYTES,
  type SearchIndexOutput,
} from "../../src/search/build-index.ts";
import { FIELD_WEIGHTS } from "../../src/search/fields.ts";
import {
  INDEX_FORMAT,
  readPostings,
  type IndexChunk,
  type IndexManifest,
  type ResultDocument,
} from "../../src/search/format.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import { termWeight } from "../../src/search/ranking.ts";
import type { SearchArticle } from "../../src/search/records.ts";
import { textWords, wordKeys } from "../../src/search/words.ts";
import { firstMessage } from "../../src/worker.ts";
import { searchFixtureArticles } from "../support/search-articles.ts";

const articles = searchFixtureArticles();

interface Read {
  manifest: IndexManifest;
  chunks: IndexChunk[];
  documents: Map<number, ResultDocument>;
  /** Every key's postings, unpacked, by key. */
  postings: Map<string, ReturnType<typeof readPostings>>;
}

function read(output: SearchIndexOutput): Read {
  const byPath = new Map(output.files.map((file) => [file.path, file.content]));
  const manifest = JSON.parse(byPath.get("search/index.json")!) as IndexManifest;
  const chunks = manifest.chunks.map(
    ([, , file]) => JSON.parse(byPath.get(`assets/search-index/${file}`)!) as IndexChunk,
  );
  const documents = new Map(
    output.files
      .filter((file) => file.path.startsWith("search/docs/"))
      .map((file) => [
        Number(/(\d+)\.json$/u.exec(file.path)![1]),
        JSON.parse(file.content) as ResultDocument,
      ]),
  );
  const postings = new Map(
    chunks.flatMap((chunk) =>
      chunk.keys.map((key, index) => [key, readPostings(chunk.postings[index]!)] as const),
    ),
  );
  return { manifest, chunks, documents, postings };
}

const output = buildSearchIndex({ articles });
const index = read(output);

describe("the files", () => {
  it("are a manifest, chunks named by their content and one result document per article", () => {
    const paths = output.files.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain("search/index.json");
    const chunkFiles = output.files.filter((file) => file.path.startsWith("assets/"));
    expect(chunkFiles.length).toBe(index.manifest.chunks.length);
    for (const file of chunkFiles) {
      const hash = createHash("sha256").update(file.content).digest("hex").slice(0, 10);
      expect(file.path).toBe(`assets/search-index/chunk.${hash}.json`);
    }
    expect(paths.filter((file) => file.startsWith("search/docs/")).sort()).toEqual(
      articles.map((article) => `search/docs/${article.code}.json`).sort(),
    );
    expect(paths).toHaveLength(1 + chunkFiles.length + articles.length);
  });

  it("name the chunks' and documents' folders relative to the manifest", () => {
    expect(index.manifest).toMatchObject({
      format: INDEX_FORMAT,
      documents: articles.length,
      chunkPath: "../assets/search-index/",
      documentPath: "docs/",
    });
  });

  it("count their bytes", () => {
    const bytes = output.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    expect(output.stats).toMatchObject({
      pages: articles.length,
      files: output.files.length,
      bytes,
      keys: index.postings.size,
      chunks: index.chunks.length,
    });
    expect(output.stats.chunkBytes + output.stats.documentBytes + output.stats.manifestBytes).toBe(
      bytes,
    );
  });
});

describe("the keys", () => {
  it("are sorted by UTF-16 code unit and cut into chunks the manifest bounds", () => {
    const keys = index.chunks.flatMap((chunk) => chunk.keys);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    index.chunks.forEach((chunk, position) => {
      const [first, last] = index.manifest.chunks[position]!;
      expect([chunk.keys[0], chunk.keys.at(-1)]).toEqual([first, last]);
      expect(chunk.postings).toHaveLength(chunk.keys.length);
    });
  });

  it("fill chunks up to the target, and a smaller target makes more of them", () => {
    const small = buildSearchIndex({ articles, chunkTargetBytes: 2048 });
    expect(small.stats.chunks).toBeGreaterThan(output.stats.chunks);
    const byPath = new Map(small.files.map((file) => [file.path, file.content]));
    const sizes = read(small).manifest.chunks.map(([, , file]) =>
      Buffer.byteLength(byPath.get(`assets/search-index/${file}`)!),
    );
    // All but the last reach the target (a chunk closes at the key that reaches it).
    expect(sizes.slice(0, -1).every((size) => size >= 2048 * 0.9)).toBe(true);
    expect(output.stats.chunkBytes).toBeLessThan(CHUNK_TARGET_BYTES);
    expect(output.stats.chunks).toBe(1);
  });

  it("are exactly the keys of each article's words, tags and section, and nothing else", () => {
    for (const article of articles) {
      const document = index.documents.get(article.code)!;
      const expected = new Set(
        [
          ...textWords(document.content),
          ...article.tags.flatMap((tag) => textWords(toIndexText(tag))),
          ...textWords(toIndexText(article.section)),
        ].flatMap(wordKeys),
      );
      const indexed = new Set(
        [...index.postings]
          .filter(([, postings]) => postings.some((posting) => posting.code === article.code))
          .map(([key]) => key),
      );
      expect(indexed, `${article.code}`).toEqual(expected);
    }
  });

  it("hold no ZWNJ and no upper case, as the browser's query keys", () => {
    const keys = [...index.postings.keys()];
    expect(keys.filter((key) => key.includes("\u200C") || key !== key.toLowerCase())).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(["تروریستها", "قرهباغ", "g20", "2"]));
  });
});

describe("the postings", () => {
  it("list each article once, in code order, flagging the title's keys", () => {
    for (const [key, postings] of index.postings) {
      const codes = postings.map((posting) => posting.code);
      expect(codes, key).toEqual([...codes].sort((a, b) => a - b));
      expect(new Set(codes).size, key).toBe(codes.length);
      for (const posting of postings) {
        const document = index.documents.get(posting.code)!;
        const titleKeys = textWords(document.content)
          .slice(0, document.titleWords)
          .flatMap(wordKeys);
        expect(posting.inTitle, `${key} in ${posting.code}`).toBe(titleKeys.includes(key));
      }
    }
  });

  it("weigh each occurrence by its field, saturated and normalised by the article's length", () => {
    const words = (count: number) => Array.from({ length: count }, () => "خودرو").join(" ");
    const made = (code: number, title: string, body: string): SearchArticle => ({
      code,
      url: `/news/${code}/`,
      title,
      lead: "لید",
      html: `<p>${body}</p>`,
      tags: [],
      section: "سیاسی",
      date: new Date(Date.UTC(2022, 0, code)),
      hasTime: false,
    });
    const small = read(
      buildSearchIndex({
        articles: [
          made(1, "پتروشیمی", words(20)),
          made(2, "خبر", `پتروشیمی ${words(19)}`),
          made(3, "خبر", `پتروشیمی پتروشیمی ${words(18)}`),
          made(4, "خبر", `پتروشیمی ${words(99)}`),
        ],
      }),
    );
    const lengths = [1, 2, 3, 4].map(
      (code) =>
        FIELD_WEIGHTS.title + FIELD_WEIGHTS.lead + FIELD_WEIGHTS.section + (code === 4 ? 100 : 20),
    );
    const average = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    const weights = small.postings.get("پتروشیمی")!.map((posting) => posting.weight);
    const expected = [FIELD_WEIGHTS.title, 1, 2, 1].map((frequency, position) =>
      termWeight(frequency, lengths[position]!, average),
    );
    weights.forEach((weight, position) => expect(weight).toBeCloseTo(expected[position]!, 2));
    // Title above body; two occurrences above one; a long article's one below a short one's.
    expect(weights[0]).toBeGreaterThan(weights[2]!);
    expect(weights[2]).toBeGreaterThan(weights[1]!);
    expect(weights[1]).toBeGreaterThan(weights[3]!);
  });
});

describe("the result documents", () => {
  it("show the title as written and cut excerpts from the indexed title, surtitle, lead and body", () => {
    const article = articles.find((candidate) => candidate.code === 5004)!;
    const document = index.documents.get(5004)!;
    expect(document.url).toBe("/news/5004/");
    expect(document.headline).toBe(article.title);
    expect(
      document.content.startsWith(`${toIndexText(article.title)} ${toIndexText(article.lead)}`),
    ).toBe(true);
    expect(document.content).not.toMatch(/[يك۰-۹]/u);
  });

  it("leave tags out of the text excerpts are cut from", () => {
    const document = index.documents.get(5001)!;
    expect(document.content).not.toContain("گروه مینسک روسیه");
  });
});

describe("two builds", () => {
  it("give the same bytes whatever the order of the articles", () => {
    const reversed = buildSearchIndex({ articles: [...articles].reverse() });
    expect(reversed.files).toEqual(output.files);
  });

  it("keep an unchanged article's result document, name and bytes, when others change", () => {
    const [first, ...rest] = articles;
    const edited = buildSearchIndex({
      articles: [{ ...first!, title: `${first!.title} (ویرایش)` }, ...rest],
    });
    const before = new Map(output.files.map((file) => [file.path, file.content]));
    const after = new Map(edited.files.map((file) => [file.path, file.content]));
    const documentPath = (code: number) => `search/docs/${code}.json`;
    expect(after.get(documentPath(first!.code))).not.toBe(before.get(documentPath(first!.code)));
    for (const article of rest)
      expect(after.get(documentPath(article.code))).toBe(before.get(documentPath(article.code)));
    expect(after.get("search/index.json")).not.toBe(before.get("search/index.json"));
  });

  it("can run in a worker thread: the input is plain, structured-cloneable data", async () => {
    // A worker does not inherit vitest's TypeScript loader: it registers tsx's, then loads the module.
    const tsx = pathToFileURL(
      path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/esm/api")), "index.mjs"),
    ).href;
    const entry = new URL("../support/search-index-worker.ts", import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: { articles } },
    );
    try {
      expect(await firstMessage(worker, "search index test")).toEqual(output.files);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});

describe("bad input", () => {
  it("is refused, naming the value", () => {
    expect(() => buildSearchIndex({ articles: [articles[0]!, articles[0]!] })).toThrow(
      `Two articles share the news code ${articles[0]!.code}`,
    );
    expect(() => buildSearchIndex({ articles: [{ ...articles[0]!, code: -3 }] })).toThrow(
      "A news code must be a positive whole number, got -3",
    );
    expect(() => buildSearchIndex({ articles, chunkTargetBytes: 0 })).toThrow(
      "chunkTargetBytes must be a positive whole number, got 0",
    );
  });
});
