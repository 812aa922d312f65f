/**
 * The search index is built before the site is published: when indexing fails (here the disk
 * fills up while the index's files are written), the build fails with the system's message naming
 * the file, and the previous site stays exactly as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build.ts";
import { hashTree } from "../support/tree-hash.ts";

// The real indexer, on a disk that is full for the index's result documents.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof fs.writeFileSync = (file, ...rest) => {
    if (String(file).includes(`${path.sep}search${path.sep}docs${path.sep}`)) {
      const error = new Error(`ENOSPC: no space left on device, open '${String(file)}'`);
      throw Object.assign(error, { code: "ENOSPC" });
    }
    return fs.writeFileSync(file, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "sarkhat-search-failure-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a build whose search index fails", () => {
  it("fails with the system's message and leaves the previous site and no temporary folder", async () => {
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
    ).rejects.toThrow(/^ENOSPC: no space left on device, open '.*\/search\/docs\/\d+\.json'$/u);

    expect(hashTree(outputDir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(["site"]);
  }, 60_000);
});
