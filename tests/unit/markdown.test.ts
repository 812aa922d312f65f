import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { isRenderedWithBase, isSafeUrl, renderMarkdown } from "../../src/markdown.ts";

describe("renderMarkdown", () => {
  it("shows raw HTML as text, never as markup", () => {
    const out = renderMarkdown('سلام <script>alert("x")</script> <b>پررنگ</b>');
    const $ = load(out);
    expect($("script").length, "no script element").toBe(0);
    expect($("b").length, "no b element").toBe(0);
    expect($("p").text()).toBe('سلام <script>alert("x")</script> <b>پررنگ</b>');
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,hi",
    "data:image/png;base64,AAAA",
    "vbscript:x",
  ])("does not make a link of %j", (url) => {
    const $ = load(renderMarkdown(`[پیوند](${url})`));
    expect($("a").length).toBe(0);
  });

  it("adds rel=noopener noreferrer to external links only", () => {
    const $ = load(renderMarkdown("[بیرونی](https://example.org/) و [درونی](/news/1/)"));
    expect($('a[href="https://example.org/"]').attr("rel")).toBe("noopener noreferrer");
    expect($('a[href="/news/1/"]').attr("rel")).toBeUndefined();
  });

  it("keeps the page's single h1 by demoting body headings", () => {
    const $ = load(renderMarkdown("# عنوان میانی"));
    expect($("h1").length).toBe(0);
    expect($("h2").text()).toBe("عنوان میانی");
  });

  it("makes relative links and images absolute when given a base URL", () => {
    const $ = load(
      renderMarkdown("[دیگر](../1002/) ![عکس](photo.jpg) [بخش](#x)", {
        baseUrl: "https://sarkhat.test/news/1001/",
      }),
    );
    expect($("a").eq(0).attr("href")).toBe("https://sarkhat.test/news/1002/");
    expect($("img").attr("src")).toBe("https://sarkhat.test/news/1001/photo.jpg");
    expect($("a").eq(1).attr("href")).toBe("https://sarkhat.test/news/1001/#x");
  });

  it("leaves relative URLs alone without a base URL", () => {
    const $ = load(renderMarkdown("[دیگر](../1002/)"));
    expect($("a").attr("href")).toBe("../1002/");
  });
});

describe("isSafeUrl", () => {
  it.each([
    ["https://example.org", true],
    ["mailto:news@example.org", true],
    ["/news/1/", true],
    ["#top", true],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:image/png;base64,AAAA", false],
  ])("%j is safe: %s", (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe("isRenderedWithBase", () => {
  // Feeds reuse the page's HTML when this says yes: it must say yes exactly when rendering again
  // with the base URL gives the same bytes (a wrong no only costs a second render).
  const base = "https://sarkhat.example/news/1402/12/1234/";
  it.each([
    ["no link at all", "متن خبر بدون پیوند."],
    ["an absolute link", "[گزارش](https://example.org/report/9875)"],
    ["an absolute link with a query", "[گزارش](https://example.org/r?a=1&b=2)"],
    ["an absolute link with a quote in it", '[گزارش](https://example.org/r?q="x")'],
    ["an absolute image", "![نمودار](https://example.org/chart.png)"],
    ["an autolink", "<https://example.org/report>"],
    ["a Persian path", "[تهران](https://fa.wikipedia.org/wiki/تهران)"],
    ["a host without a path (new URL adds the slash)", "[سایت](https://example.org)"],
    ["a host in capitals", "[سایت](https://EXAMPLE.org/a)"],
    ["a path with dot segments", "[سایت](https://example.org/a/../b)"],
    ["a relative link", "[پیوند](/news/9/)"],
    ["a relative image", "![تصویر](img/a.jpg)"],
    ["a fragment", "[بالا](#top)"],
    ["a protocol-relative link", "[سایت](//example.org/a)"],
    ["mailto and tel", "[نامه](mailto:news@example.org) [تلفن](tel:+982100000000)"],
    ["an unsafe link, left as text", "[بد](javascript:alert(1))"],
    ["a link written in code", '`<a href="x">` و `[x](/y)`'],
    ["one absolute and one relative", "[الف](https://example.org/a) [ب](/b)"],
  ])("%s", (_, body) => {
    const html = renderMarkdown(body);
    const same = renderMarkdown(body, { baseUrl: base }) === html;
    expect(isRenderedWithBase(html, base), `the HTML of ${JSON.stringify(body)}`).toBe(same);
  });

  it("says no to HTML whose links are not in markdown-it's shape", () => {
    expect(isRenderedWithBase('<p><a class="x" href="https://example.org/">x</a></p>', base)).toBe(
      false,
    );
  });
});
