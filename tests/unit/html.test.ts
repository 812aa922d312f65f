import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "../../src/html.ts";

describe("html", () => {
  it("escapes every interpolated string", () => {
    expect(html`<p title="${`"a" & 'b'`}">${"<b>x</b>"}</p>`.value).toBe(
      '<p title="&quot;a&quot; &amp; &#39;b&#39;">&lt;b&gt;x&lt;/b&gt;</p>',
    );
  });

  it("inserts SafeHtml as it is", () => {
    expect(html`<div>${raw("<p>متن</p>")}</div>`.value).toBe("<div><p>متن</p></div>");
  });

  it("joins arrays and renders nothing for false, null and undefined", () => {
    expect(html`${["<", raw("<i>")]}${false}${null}${undefined}`.value).toBe("&lt;<i>");
  });

  it("refuses objects instead of printing [object Object]", () => {
    expect(() => html`${{} as unknown as string}`).toThrow(/Object/);
  });
});

describe("escapeHtml", () => {
  it("escapes the five XML-special characters", () => {
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });

  it.each([
    [
      "Persian text with none of them",
      "گروه مینسک، «روسیه» و فرانسه",
      "گروه مینسک، «روسیه» و فرانسه",
    ],
    ["one at the end", "سود ۵٪ & زیان", "سود ۵٪ &amp; زیان"],
    ["one at the start and one inside", `"نقل" قول`, "&quot;نقل&quot; قول"],
    ["an empty text", "", ""],
  ])("%s", (_, text, escaped) => {
    expect(escapeHtml(text), `the escaped form of ${JSON.stringify(text)}`).toBe(escaped);
  });
});
