import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { isolateLatin, LATIN_LANG, ltr, splitLatinRuns } from "../../src/bidi.ts";
import { renderMarkdown } from "../../src/markdown.ts";

const latinRuns = (text: string) =>
  splitLatinRuns(text)
    .filter((part) => part.latin)
    .map((part) => part.text);

describe("splitLatinRuns", () => {
  it.each([
    ["رونمایی از ماهواره Nahid-2 با وزن ۱۱۰ کیلوگرم", ["Nahid-2"]],
    ["گوشی iPhone 15 Pro عرضه شد.", ["iPhone 15 Pro"]],
    ["به گزارش Reuters و AP", ["Reuters", "AP"]],
    ["شبکه 5G در تهران", ["5G"]],
    ["شرکت AT&T و U.S. Steel", ["AT&T", "U.S. Steel"]],
    ["نشانی: http://localhost:8080/news/3031/", ["http://localhost:8080/news/3031/"]],
    ["«COVID-19»، بیماری همه‌گیر", ["COVID-19"]],
    ["سال ۱۴۰۰ و 2021", []],
    ["همه فارسی", []],
  ])("%s → %j", (text, runs) => {
    expect(latinRuns(text)).toEqual(runs);
  });

  it("gives back the text when its parts are joined", () => {
    const text = "از Nahid-2 تا iPhone 15، و «AT&T».";
    expect(
      splitLatinRuns(text)
        .map((part) => part.text)
        .join(""),
    ).toBe(text);
  });
});

describe("isolateLatin", () => {
  it("wraps each Latin run in an ltr, English-marked span and escapes the rest", () => {
    const $ = load(`<p>${isolateLatin("ماهواره Nahid-2 <b> و R&D")}</p>`);
    expect(
      $("span")
        .map((_, span) => [[$(span).attr("dir"), $(span).attr("lang"), $(span).text()]])
        .get(),
    ).toEqual([
      ["ltr", LATIN_LANG, "Nahid-2"],
      ["ltr", LATIN_LANG, "b"],
      ["ltr", LATIN_LANG, "R&D"],
    ]);
    expect($("b").length).toBe(0);
    expect($("p").text()).toBe("ماهواره Nahid-2 <b> و R&D");
  });

  it("leaves Persian-only text as plain escaped text", () => {
    expect(isolateLatin("تیتر «فارسی» & ۱۲").value).toBe("تیتر «فارسی» &amp; ۱۲");
  });

  it("isolates a whole value with ltr()", () => {
    expect(ltr("https://x.test/?a=1&b=2").value).toBe(
      `<span dir="ltr" lang="${LATIN_LANG}">https://x.test/?a=1&amp;b=2</span>`,
    );
  });
});

describe("Latin runs in Markdown bodies", () => {
  it("isolates them in paragraphs, headings and link text; code spans are isolated whole", () => {
    const $ = load(
      renderMarkdown(
        "ماهواره Nahid-2 پرتاب شد.\n\n# گزارش Reuters\n\n[سایت NASA](https://nasa.gov/) و `npm run build`",
      ),
    );
    expect(
      $('span[dir="ltr"]')
        .map((_, span) => $(span).text())
        .get(),
    ).toEqual(["Nahid-2", "Reuters", "NASA"]);
    expect(
      $('span[dir="ltr"]')
        .map((_, span) => $(span).attr("lang"))
        .get(),
    ).toEqual([LATIN_LANG, LATIN_LANG, LATIN_LANG]);
    expect($("h2 span").text()).toBe("Reuters");
    expect($("a span").text()).toBe("NASA");
    expect($("code").html()).toBe("npm run build");
    expect([$("code").attr("dir"), $("code").attr("lang")]).toEqual(["ltr", LATIN_LANG]);
    expect($("p").first().text()).toBe("ماهواره Nahid-2 پرتاب شد.");
  });

  it("lays code blocks out left to right, fenced or indented", () => {
    const $ = load(renderMarkdown("```js\nconst a = 1;\n```\n\n    indented code\n"));
    expect(
      $("pre")
        .map((_, pre) => [[$(pre).attr("dir"), $(pre).attr("lang")]])
        .get(),
    ).toEqual([
      ["ltr", LATIN_LANG],
      ["ltr", LATIN_LANG],
    ]);
    expect($("pre code").first().text()).toBe("const a = 1;\n");
  });
});
