import { describe, expect, it } from "vitest";
import {
  buildExcerpt,
  EXCERPT_WORDS,
  forReaders,
  type ExcerptPart,
} from "../../src/search/excerpt.ts";

const render = (parts: ExcerptPart[]) =>
  parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join("");
const at = (...locations: number[]) => locations.map((location) => ({ location, score: 1 }));

// Title (4 words), then 40 numbered words.
const TITLE = "تیتر خبر درباره قره‌باغ.";
const content = `${TITLE} ${Array.from({ length: 40 }, (_, index) => `w${index + 4}`).join(" ")}`;

describe("buildExcerpt", () => {
  it("leaves out the title and opens the text after it when only the title matched", () => {
    const parts = buildExcerpt(content, at(3), 4, 5);
    expect(render(parts)).toBe("w4 w5 w6 w7 w8 …");
  });

  it("marks the matched words of the window around the best matches", () => {
    const parts = buildExcerpt(content, at(3, 30, 32), 4, 8);
    expect(render(parts)).toBe("… w28 w29 [w30] w31 [w32] w33 w34 w35 …");
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(["w30", "w32"]);
  });

  it("prefers the window holding more of the score", () => {
    const locations = [
      { location: 10, score: 1 },
      { location: 35, score: 5 },
    ];
    expect(render(buildExcerpt(content, locations, 4, 6))).toContain("[w35]");
  });

  it("ends without «…» when the window reaches the end", () => {
    expect(render(buildExcerpt(content, at(43), 4, 4))).toBe("… w40 w41 w42 [w43]");
  });

  it("copes with a text shorter than the excerpt and with no words after the title", () => {
    expect(render(buildExcerpt("یک دو", at(1), 0))).toBe("یک [دو]");
    expect(buildExcerpt(TITLE, at(0), 4)).toEqual([]);
  });

  it(`is ${EXCERPT_WORDS} words long by default`, () => {
    const words = render(buildExcerpt(content, [], 4))
      .replace(" …", "")
      .split(" ");
    expect(words).toHaveLength(EXCERPT_WORDS);
  });
});

describe("forReaders", () => {
  it.each([
    ["بیش از 2 هزار نفر", "بیش از ۲ هزار نفر"],
    ["سال 1399.", "سال ۱۳۹۹."],
    ["نشست G20 و COVID-19", "نشست G20 و COVID-19"],
  ])("%j → %j", (text, shown) => {
    expect(forReaders(text)).toBe(shown);
  });
});
