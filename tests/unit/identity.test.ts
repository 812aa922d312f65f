import { describe, expect, it } from "vitest";
import { articleFeedId, uuidV5 } from "../../src/feeds/identity.ts";

describe("uuidV5", () => {
  it("matches the RFC's DNS-namespace example", () => {
    // The well-known v5 UUID of www.example.com in the DNS namespace (RFC 9562, appendix A).
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});

describe("articleFeedId", () => {
  it("depends on the news code only", () => {
    expect(articleFeedId(1001)).toBe(articleFeedId(1001));
    expect(articleFeedId(1001)).not.toBe(articleFeedId(1002));
    expect(articleFeedId(1001)).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
