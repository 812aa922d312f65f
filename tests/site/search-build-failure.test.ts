/**
 * The search index is built before the site is published: when indexing fails, the build fails
 * with the indexer's message and the previous site stays exactly as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build.ts";
import { hashTree } from "../support/tree-hash.ts";

const FAILURE = "Search index: writing /search/pagefind/ failed: no space left on device";

vi.mock("../../src/search/index-site.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/search/index-site.ts")>()),
  indexSite: async () => {
    throw new Error(FAILURE);
  },
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "sarkhat-search-failure-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a build whose search index fails", () => {
  it("fails with the indexer's message and leaves the previous site and no temporary folder", async () => {
    const outputDir = path.join(dir, "site");
    mkdirSync(path.join(outputDir, "news"), { recursive: true });
    writeFileSync(
      path.join(outputDir, "index.html"),
      "<!doctype html><title>the previous site</title>",
    );
    writeFileSync(path.join(outputDir, "news", "old.html"), "an older page");
    const before = hashTree(outputDir);

    await expect(
      buildSite({ root: ROOT, outputDir, articlesDir: "tests/fixtures/search", quiet: true }),
    ).rejects.toThrow(FAILURE);

    expect(hashTree(outputDir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(["site"]);
  }, 60_000);
});
