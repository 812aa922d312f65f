/**
 * Property-based: whatever the titles, leads, tags, authors and bodies, every feed stays
 * well-formed (XML) or valid (JSON Feed 1.1), and a reader gets the exact intended text back:
 * the text as written, less the characters XML 1.0 forbids, with an RLM in front when it would
 * otherwise start left-to-right.
 */
import { load } from "cheerio";
import fc from "fast-check";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { renderAtom } from "../../src/feeds/atom.ts";
import { RLM } from "../../src/feeds/direction.ts";
import { describeFeed } from "../../src/feeds/items.ts";
import { renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { renderRss } from "../../src/feeds/rss.ts";
import { jsonFeedProblems } from "../support/json-feed.ts";
import { makeArticle } from "../support/feed-articles.ts";
import type { Element } from "@xmldom/xmldom";
import { parseXmlStrict } from "../support/xml.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

// Pieces chosen to break feeds: markup, CDATA ends, comment dashes, quotes, emoji, bidi controls,
// control characters (C0, C1, noncharacters, lone surrogates), CR/LF, Persian and Latin words.
const HOSTILE = [
  "&",
  "<",
  ">",
  "]]>",
  "<![CDATA[",
  "--",
  "<!--",
  '"',
  "'",
  "&amp;",
  "&lt;b&gt;",
  "</title>",
  "<script>alert(1)</script>",
  "<b>",
  "😀",
  "👩🏽‍💻",
  "\u202E",
  "\u202B",
  "\u2067",
  "\u2069",
  "\u200F",
  "\u200E",
  "\u200C",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001B",
  "\u007F",
  "\u0085",
  "\u009F",
  "\uFFFD",
  "\uFFFE",
  "\uFFFF",
  "\uFDD0",
  "\u{1FFFF}",
  "\uD800",
  "\uDFFF",
  "\r",
  "\r\n",
  "\n",
  "\t",
  " ",
  "گروه",
  "مینسک",
  "تروریست‌ها",
  "۱۴۰۰",
  "iPhone",
  "COVID-19",
  "abc",
  "*",
  "_",
  "#",
  "`",
  "[x](y)",
];

const text = fc.oneof(
  fc
    .array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join("")),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
);

/**
 * The text a reader must get, as an independent statement of what feeds drop and add: forbidden
 * characters dropped, CR/CRLF as LF (`kept`), and for titles and summaries an RLM in front unless
 * the first letter is right-to-left. For letters of scripts other than Arabic, Hebrew and Latin
 * the test accepts either form (their direction needs Unicode's data to decide).
 */
function kept(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = value.codePointAt(i)!;
        if ((cp & 0xfffe) !== 0xfffe) out += value.slice(i, i + 2);
        i++;
      }
      continue;
    }
    const forbidden =
      (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) ||
      (unit >= 0x7f && unit <= 0x9f) ||
      (unit >= 0xfdd0 && unit <= 0xfdef) ||
      unit >= 0xfffd ||
      (unit >= 0xdc00 && unit <= 0xdfff);
    if (!forbidden) out += value[i];
  }
  return out.replace(/\r\n?/g, "\n");
}

function expectReaderText(actual: string | null | undefined, written: string): void {
  const text = kept(written);
  const first = /[\p{L}\u200E\u200F]/u.exec(text)?.[0];
  if (
    first === "\u200F" ||
    (first !== undefined && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(first))
  )
    expect(actual).toBe(text);
  else if (first === undefined || first === "\u200E" || /\p{Script=Latin}/u.test(first))
    expect(actual).toBe(RLM + text);
  else expect([text, RLM + text]).toContain(actual);
}

const htmlToText = (html: string) => load(html, null, false).text();

const articleInput = fc.record({
  title: text,
  lead: text,
  body: text,
  tags: fc.uniqueArray(text, { maxLength: 3, selector: (tag) => tag.trim() }),
  author: fc.option(text, { nil: undefined }),
});

const feedInput = fc.record({
  title: text,
  description: text,
  articles: fc.array(articleInput, { minLength: 1, maxLength: 3 }),
});

type FeedInput = {
  title: string;
  description: string;
  articles: { title: string; lead: string; body: string; tags: string[]; author?: string }[];
};

function build(input: FeedInput) {
  const articles = input.articles.map((a, index) =>
    makeArticle({
      code: input.articles.length - index,
      title: a.title,
      lead: a.lead,
      body: a.body,
      tags: a.tags,
      author: a.author,
      date: new Date(Date.UTC(2021, 5, 10 - index, 6)),
    }),
  );
  // Made directly, not through toArticle: text reaches the feed code exactly as generated
  // (topic names are trimmed, as toTopic does).
  return describeFeed(
    { pagePath: "/tags/x/", title: input.title, description: input.description },
    articles,
  );
}

const FORBIDDEN_IN_OUTPUT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("feeds from arbitrary text", () => {
  it("RSS stays well-formed and gives the exact title, lead, tags, author and content back", () => {
    fc.assert(
      fc.property(feedInput, (input) => {
        const feed = build(input);
        const xml = renderRss(feed);
        expect(xml).not.toMatch(FORBIDDEN_IN_OUTPUT);
        expect(xml).not.toContain("<![CDATA[");
        expect(xml).not.toContain("]]>");
        const document = parseXmlStrict(xml);
        expect(parseRssFeed(xml).items?.length).toBe(feed.items.length);
        const channel = document.getElementsByTagName("channel")[0]!;
        expectReaderText(channel.getElementsByTagName("title")[0]!.textContent, input.title);
        expectReaderText(
          channel.getElementsByTagName("description")[0]!.textContent,
          input.description,
        );
        const items = Array.from(document.getElementsByTagName("item"));
        items.forEach((item, index) => {
          const source = input.articles[index]!;
          const child = (name: string) =>
            Array.from(item.childNodes).filter((node) => node.nodeName === name);
          expectReaderText(child("title")[0]!.textContent, source.title);
          // <description> is HTML to RSS readers: they decode it once more.
          expectReaderText(htmlToText(child("description")[0]!.textContent!), source.lead);
          expect(child("category").map((node) => node.textContent)).toEqual([
            feed.items[index]!.section,
            ...source.tags.map((tag) => kept(tag.trim())),
          ]);
          expect(child("dc:creator")[0]?.textContent).toBe(kept(source.author ?? "") || undefined);
          const content = item.getElementsByTagNameNS(CONTENT, "encoded")[0]!.textContent!;
          expect(content).toBe(feed.items[index]!.contentHtml);
          expectReaderText(
            load(content, null, false)("div > p:first-child > strong").text(),
            source.lead,
          );
        });
      }),
    );
  });

  it("Atom stays well-formed and gives the exact text back, whichever text type it chose", () => {
    fc.assert(
      fc.property(feedInput, (input) => {
        const feed = build(input);
        const xml = renderAtom(feed);
        expect(xml).not.toMatch(FORBIDDEN_IN_OUTPUT);
        expect(xml).not.toContain("<![CDATA[");
        expect(xml).not.toContain("]]>");
        const document = parseXmlStrict(xml);
        expect(parseAtomFeed(xml).entries?.length).toBe(feed.items.length);
        const read = (element: Element) => {
          const type = element.getAttribute("type");
          expect(["text", "html"]).toContain(type);
          return type === "html" ? htmlToText(element.textContent!) : element.textContent;
        };
        const root = document.documentElement!;
        expect(root.getAttribute("xml:lang")).toBe("fa-IR");
        const own = (parent: Element, name: string) =>
          Array.from(parent.childNodes).filter(
            (node): node is Element => node.namespaceURI === ATOM && node.localName === name,
          );
        expectReaderText(read(own(root, "title")[0]!), input.title);
        expectReaderText(read(own(root, "subtitle")[0]!), input.description);
        own(root, "entry").forEach((entry, index) => {
          const source = input.articles[index]!;
          expectReaderText(read(own(entry, "title")[0]!), source.title);
          expectReaderText(read(own(entry, "summary")[0]!), source.lead);
          expect(own(entry, "category").map((node) => node.getAttribute("term"))).toEqual([
            feed.items[index]!.section,
            ...source.tags.map((tag) => kept(tag.trim())),
          ]);
          expect(own(entry, "content")[0]!.textContent).toBe(feed.items[index]!.contentHtml);
        });
      }),
    );
  });

  it("JSON Feed is valid JSON Feed 1.1 and carries titles as plain text, content as HTML", () => {
    fc.assert(
      fc.property(feedInput, (input) => {
        const feed = build(input);
        const json = renderJsonFeed(feed);
        expect(json).not.toMatch(FORBIDDEN_IN_OUTPUT);
        const parsed = JSON.parse(json) as {
          title: string;
          description: string;
          items: {
            title: string;
            summary: string;
            content_html: string;
            tags: string[];
            authors?: { name: string }[];
          }[];
        };
        expect(jsonFeedProblems(parsed)).toEqual([]);
        expect(parseJsonFeed(parsed).items?.length).toBe(feed.items.length);
        expectReaderText(parsed.title, input.title);
        expectReaderText(parsed.description, input.description);
        parsed.items.forEach((item, index) => {
          const source = input.articles[index]!;
          expectReaderText(item.title, source.title);
          expectReaderText(item.summary, source.lead);
          expect(item.content_html).toBe(feed.items[index]!.contentHtml);
          expect(item.tags).toEqual([
            feed.items[index]!.section,
            ...source.tags.map((tag) => kept(tag.trim())),
          ]);
          expect(item.authors?.[0]?.name).toBe(kept(source.author ?? "") || undefined);
        });
      }),
    );
  });
});
