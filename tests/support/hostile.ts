/**
 * Hostile input for the property-based tests (tests/unit/hostile-*.test.ts, tests/site/hostile-build.test.ts):
 * strings built from markup, escaping and encoding traps, and what the article page, the feeds
 * and the JSON-LD must make of them.
 */
import { type CheerioAPI, load } from "cheerio";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import fc from "fast-check";
import { expect } from "vitest";
import { sourceLine } from "../../layouts/article.ts";
import type { Article } from "../../src/article.ts";
import type { Assets } from "../../src/assets.ts";
import { formatProblem, type ContentProblem } from "../../src/content/problems.ts";
import { rtlFirst } from "../../src/feeds/direction.ts";
import { describeFeed } from "../../src/feeds/items.ts";
import { renderFeed } from "../../src/feeds/render.ts";
import type { FeedFormat } from "../../src/routes.ts";
import { site } from "../../src/site.ts";

/** Pieces that have broken a template, a feed or a parser somewhere. */
export const TRAPS = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "`",
  "\\",
  "</script>",
  "<script>alert(1)</script>",
  "</title>",
  "<!--",
  "-->",
  "--",
  "]]>",
  "<![CDATA[",
  "<?xml ",
  "&amp;",
  "&lt;",
  "&#x3C;",
  "&#0;",
  "<b>",
  "<img src=x onerror=alert(1)>",
  '" onmouseover="x',
  "javascript:alert(1)",
  "data:text/html,x",
  "[x](javascript:alert(1))",
  "![x](https://evil.example/x.png)",
  "**",
  "_",
  "# ",
  "---",
  "\n---\n",
  ": ",
  "- ",
  "|",
  "{{ x }}",
  "{% x %}",
  "${x}",
  "%",
  "%2F",
  "/",
  "..",
  "\u2028",
  "\u2029",
  "\u00A0",
  "\u200C",
  "\u200F",
  "\u200E",
  "\u061C",
  "\u202E",
  "\u2066",
  "\u2069",
  "\u0000",
  "\u0007",
  "\u001B",
  "\r",
  "\n",
  "\t",
  "\r\n",
  "\u007F",
  "\u0085",
  "\uFEFF",
  "\uFFFD",
  "\uFDD0",
  "\uFFFE",
  "\uD800",
  "\uDFFF",
  "😀",
  "🇮🇷",
  "👩‍👩‍👧",
  "ي",
  "ك",
  "ـ",
  "تروریست‌ها",
  "گروه مینسک",
  "۱۲۳",
  "١٢٣",
  "iPhone 15",
  "A&B",
  "  ",
] as const;

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** A hostile string: traps, Persian, any code unit or code point, mixed. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TRAPS) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
      { weight: 2, arbitrary: fc.constantFrom("خبر", "فوری", "نفت", "ایران", "سرخط") },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""));

/** URLs that should never become a link or an image, and some that should. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "https://example.org/x",
    "/news/1/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
    "//evil.example/x",
    "mailto:a@b.example",
    "tel:+98",
    "#main",
    "%6A%61vascript:x",
    " javascript:x",
  ),
  hostileString,
);

const markdownBlock = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileString, hostileUrl).map(([text, href]) => `[${text}](${href})`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileString, hostileUrl).map(([alt, src]) => `![${alt}](${src})`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileString, hostileString)
      .map(([a, b]) => `| ${a} | ${b} |\n|:--|--:|\n| ۱ | ۲ |`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileString, hostileString)
      .map(([info, code]) => `\`\`\`${info.replace(/\n/g, " ")}\n${code}\n\`\`\``),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("# ", "## ", "> ", "- ", "1. ", "    "), hostileString)
      .map(([prefix, text]) => prefix + text),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileString, hostileUrl)
      .map(([label, href]) => `[${label}]: ${href}\n\n[${label}]`),
  },
);

/** A Markdown body of hostile blocks: text, links, images, tables, code fences, headings, lists. */
export const hostileBody: fc.Arbitrary<string> = fc
  .array(markdownBlock, { minLength: 1, maxLength: 6 })
  .map((lines) => `${lines.join("\n\n")}\n`);

/**
 * A YAML double-quoted scalar that decodes to exactly `value`, whatever it holds: every code unit
 * YAML could misread (controls, line separators, the BOM, surrogates, quotes) is written as an
 * escape, so the test reaches our validation rather than a YAML quirk.
 */
export function yamlQuoted(value: string): string {
  return `"${value.replace(
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uD800-\uDFFF\uFFFE\uFFFF"\\]/g,
    (char) =>
      char === '"'
        ? '\\"'
        : char === "\\"
          ? "\\\\"
          : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  )}"`;
}

export const validFields: Record<string, string> = {
  code: "4242",
  title: "نشست وزیران نفت اوپک",
  lead: "وزیران نفت اوپک امروز دربارهٔ سقف تولید گفت‌وگو کردند.",
  date: "2024-05-01T09:30",
  section: site.sections[2]!.name,
};

/** An article's source: front matter from already-written YAML values, then the body. */
export function articleSource(yamlFields: Record<string, string>, body = "متن خبر.\n"): string {
  return `---\n${Object.entries(yamlFields)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")}\n---\n\n${body}`;
}

/** Assets for rendering pages without a build: the names are all a page needs. */
export const testAssets: Assets = {
  css: { path: "/assets/site.0123456789.css", content: "" },
  fonts: [],
};

/** A validation failure must be a clear report line, about the field that was fed, safe to print. */
export function expectClearProblems(
  problems: readonly ContentProblem[],
  file: string,
  fields: readonly string[],
): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    const line = formatProblem(problem);
    expect(line).toMatch(
      new RegExp(`^${file.replace(/\./g, "\\.")}:\\d+(?::\\d+)? \\S+ — .+ — expected .+$`, "s"),
    );
    expect(fields).toContain(problem.field);
    // The report itself can be printed safely: no override can reorder it, nothing invisible.
    expect(unsafeCharacters(line)).toEqual([]);
  }
}

/**
 * The page's elements and their attribute names in document order: the markup, without the text.
 * Latin runs isolated by src/bidi.ts (`<span dir="ltr" lang="en">`) depend on the text, so they
 * are left out (their children are kept).
 */
export function skeleton($: CheerioAPI): string[] {
  // `*` lists elements in document order.
  return $("*")
    .get()
    .map((node) => node as unknown as { name: string; attribs: Record<string, string> })
    .filter(
      ({ name, attribs }) =>
        !(
          name === "span" &&
          Object.keys(attribs).sort().join() === "dir,lang" &&
          attribs.dir === "ltr" &&
          attribs.lang === "en"
        ),
    )
    .map(({ name, attribs }) => `${name}[${Object.keys(attribs).sort().join(",")}]`);
}

/** Every JSON-LD block of a page, parsed; a block that is not JSON fails the test. */
export function jsonLdBlocks($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .map((_, element) => {
      const text = $(element).text();
      // `</script` or `<!--` inside would end or bend the element in a browser.
      expect(text).not.toMatch(/<\/script|<!--/i);
      return JSON.parse(text) as Record<string, unknown>;
    })
    .get() as Record<string, unknown>[];
}

/** Every value of a JSON-LD tree of one `@type`. */
export function ofType(blocks: readonly unknown[], type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record["@type"] === type) found.push(record);
    Object.values(record).forEach(visit);
  };
  blocks.forEach(visit);
  return found;
}

/** Where each text of an article is shown on its page, as the reader sees it. */
export function expectArticleTexts($: CheerioAPI, article: Article): void {
  expect($("h1").length).toBe(1);
  expect($("h1").text()).toBe(article.title);
  expect($("title").text()).toBe(`${article.title} | ${site.name}`);
  expect($("p.lead").text()).toBe(article.lead);
  expect($('meta[name="description"]').attr("content")).toBe(article.lead);
  expect($('meta[property="og:title"]').attr("content")).toBe(article.title);
  if (article.surtitle) expect($(".surtitle").text()).toBe(article.surtitle);
  else expect($(".surtitle").length).toBe(0);
  if (article.author) expect($(".author").text()).toBe(`نویسنده: ${article.author}`);
  expect($(".source").text()).toBe(sourceLine(article) ?? "");
  expect(
    $(".tags li")
      .map((_, element) => $(element).text())
      .get(),
  ).toEqual(article.tags.map((tag) => tag.name));
  const [news] = ofType(jsonLdBlocks($), "NewsArticle");
  expect(news?.headline).toBe(article.title);
  expect(news?.description).toBe(article.lead);
}

// Written out here rather than taken from src/text-hygiene.ts, so that a mistake there cannot
// hide itself: controls (but tab and line feed), bidi embeddings/overrides/isolates, BOM, line
// and paragraph separators, noncharacters, the replacement character, lone surrogates.
const UNSAFE_IN_OUTPUT =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\u2028\u2029\uFDD0-\uFDEF\uFFFD-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Code points (hex) of the characters no output and no error report may contain. */
export function unsafeCharacters(output: string): string[] {
  return [...output.matchAll(UNSAFE_IN_OUTPUT)].map((match) => match[0].charCodeAt(0).toString(16));
}

/** Nothing in a rendered page or feed may be invisible trouble. */
export function expectNoForbiddenCharacters(output: string): void {
  expect(unsafeCharacters(output)).toEqual([]);
}

function parseXml(text: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  }).parseFromString(text, "text/xml");
  expect(problems).toEqual([]);
  return document as unknown as Document;
}

/** An Atom text construct or an RSS description as the reader shows it: HTML decoded to text. */
function readerText(
  element: Element | XmlElement | null | undefined,
  isHtml: boolean,
): string | undefined {
  if (!element) return undefined;
  const content = element.textContent ?? "";
  return isHtml ? load(`<p>${content}</p>`)("p").text() : content;
}

export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

/**
 * The article in a feed of each format: every format well-formed, and the reader gets the exact
 * title, summary, author and tags back (as src/feeds/items.ts prepares them: an RLM in front when
 * the text would otherwise start left-to-right). The content is HTML without active markup.
 */
export function expectFeeds(article: Article): void {
  const feed = describeFeed({ pagePath: "/", title: site.name, description: site.description }, [
    article,
  ]);
  const title = rtlFirst(article.title);
  const summary = rtlFirst(article.lead);
  const tags = [article.section.name, ...article.tags.map((tag) => tag.name)];
  for (const format of FEED_FORMATS) {
    const output = renderFeed(format, feed);
    expectNoForbiddenCharacters(output);
    let content: string;
    if (format === "json") {
      const item = (
        JSON.parse(output) as {
          items: {
            title: string;
            summary: string;
            tags?: string[];
            content_html: string;
            authors?: { name: string }[];
          }[];
        }
      ).items[0]!;
      expect(item.title).toBe(title);
      expect(item.summary).toBe(summary);
      expect(item.tags ?? []).toEqual(expect.arrayContaining(article.tags.map((tag) => tag.name)));
      if (article.author) expect(item.authors?.[0]?.name).toBe(article.author);
      content = item.content_html;
    } else if (format === "rss") {
      const item = parseXml(output).getElementsByTagName("item")[0]!;
      expect(readerText(item.getElementsByTagName("title")[0], false)).toBe(title);
      expect(readerText(item.getElementsByTagName("description")[0], true)).toBe(summary);
      expect(
        [...item.getElementsByTagName("category")].map((category) => category.textContent),
      ).toEqual(tags);
      if (article.author)
        expect(item.getElementsByTagName("dc:creator")[0]?.textContent).toBe(article.author);
      content = item.getElementsByTagName("content:encoded")[0]?.textContent ?? "";
    } else {
      const entry = parseXml(output).getElementsByTagName("entry")[0]!;
      const construct = (name: string) => {
        const element = entry.getElementsByTagName(name)[0];
        return readerText(element, element?.getAttribute("type") === "html");
      };
      expect(construct("title")).toBe(title);
      expect(construct("summary")).toBe(summary);
      expect(
        [...entry.getElementsByTagName("category")].map((category) =>
          category.getAttribute("term"),
        ),
      ).toEqual(tags);
      content = entry.getElementsByTagName("content")[0]?.textContent ?? "";
    }
    expectSafeHtml(load(content));
  }
}

// What Markdown may produce in a body, and the attributes it may carry.
const BODY_ELEMENTS = new Set([
  "html",
  "head",
  "body",
  "div",
  "p",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "em",
  "strong",
  "a",
  "img",
  "ul",
  "ol",
  "li",
  "blockquote",
  "code",
  "pre",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "s",
  "span",
]);
const BODY_ATTRIBUTES = new Set([
  "href",
  "src",
  "alt",
  "title",
  "rel",
  "start",
  "class",
  "dir",
  "lang",
]);

/** HTML made from an article body: only Markdown's elements, no script, no handler, no unsafe URL. */
export function expectSafeHtml($: CheerioAPI): void {
  const unexpected: string[] = [];
  $("*").each((_, node) => {
    const element = node as unknown as { tagName: string; attribs: Record<string, string> };
    if (!BODY_ELEMENTS.has(element.tagName)) unexpected.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (!BODY_ATTRIBUTES.has(name)) unexpected.push(`${element.tagName}[${name}]`);
      if (
        (name === "href" || name === "src") &&
        /^\s*(?:javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ""))
      )
        unexpected.push(`${name}=${value}`);
      if (
        name === "src" &&
        /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value.trim()) &&
        !value.startsWith(site.url)
      )
        unexpected.push(`${name}=${value}`);
    }
  });
  expect(unexpected).toEqual([]);
}
