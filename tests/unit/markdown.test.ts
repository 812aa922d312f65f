import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { isSafeUrl, renderMarkdown } from "../../src/markdown.ts";

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
