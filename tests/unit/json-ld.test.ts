import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "../../src/seo/json-ld.ts";

describe("serializeJsonLd", () => {
  it.each([
    ["a title that would end the script", { headline: "خبر </script><script>alert(1)</script>" }],
    ["an ampersand and an HTML comment", { headline: "سود & زیان <!-- نه -->" }],
    ["the JavaScript line separators", { articleBody: "یک\u2028دو\u2029سه" }],
    ["nothing to escape", { headline: "گروه مینسک خواستار خروج شد", wordCount: 42 }],
    ["a list of items", [{ name: "<b>" }, { name: "a > b" }]],
  ])("%s: the same JSON value, nothing a script element or old parser would misread", (_, data) => {
    const json = serializeJsonLd(data);
    expect(JSON.parse(json), "the value is unchanged").toEqual(data);
    expect(json, "no raw < > & or line separator").not.toMatch(/[<>&\u2028\u2029]/u);
  });

  it("escapes each character as its JSON unicode escape", () => {
    expect(serializeJsonLd({ t: "<>&\u2028\u2029" })).toBe(
      '{"t":"\\u003c\\u003e\\u0026\\u2028\\u2029"}',
    );
  });
});
