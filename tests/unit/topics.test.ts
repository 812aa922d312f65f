import { describe, expect, it } from "vitest";
import { slugifyTopic } from "../../src/topics.ts";

describe("slugifyTopic", () => {
  it("keeps Persian letters readable instead of transliterating", () => {
    expect(slugifyTopic("گروه مینسک")).toBe("گروه-مینسک");
  });

  it.each([
    ["تروریست‌ها", "تروریستها", "ZWNJ and fused"],
    ["تروریست‌ها", "تروریست ها", "ZWNJ and space"],
    ["کشورهای عربی", "كشورهاي عربي", "Persian and Arabic letters"],
    ["قره‌باغ", "قرهباغ", "compound with and without ZWNJ"],
    ["COVID 19", "covid ۱۹", "Latin case and digits"],
  ])("gives %j and %j one slug (%s)", (a, b) => {
    expect(slugifyTopic(a)).toBe(slugifyTopic(b));
  });

  it("drops punctuation and returns an empty slug when nothing is left", () => {
    expect(slugifyTopic("«اوپک»")).toBe("اوپک");
    expect(slugifyTopic("؟!")).toBe("");
  });
});
