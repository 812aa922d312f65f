import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startBackgroundPageWriter,
  type BackgroundWriterOptions,
} from "../../src/background-page-writer.ts";
import { createPageWriter } from "../../src/page-writer.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-writer-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Pages as a build makes them: Persian text, one folder each, some sharing a folder.
const pages = Array.from({ length: 60 }, (_, index) => ({
  file: path.join("news", String(1000 + (index >> 1)), index % 2 ? "index.html" : "amp.html"),
  content: `<p>خبر شمارهٔ ${index}: ${"متن خبر ".repeat(index * 7)}</p>\n`,
}));

function filesUnder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(root, file)] = readFileSync(file, "utf8");
    }
  return files;
}

describe("startBackgroundPageWriter", () => {
  it.each<[string, BackgroundWriterOptions]>([
    ["one batch for everything", {}],
    ["a batch per page", { batchBytes: 1, backlogBytes: Infinity }],
    ["a backlog of one page, so that writes wait", { batchBytes: 1, backlogBytes: 1 }],
    // Pages of up to 10 KB as UTF-8: several share a buffer, the largest get one of their own.
    ["buffers of 4 KB, some pages larger", { batchBytes: 4096, backlogBytes: Infinity }],
  ])("writes what the direct writer writes, all on disk once closed: %s", async (_, options) => {
    const direct = createPageWriter();
    for (const { file, content } of pages) direct.write(path.join(dir, "direct", file), content);

    const background = await startBackgroundPageWriter(options);
    let waits = 0;
    for (const { file, content } of pages) {
      const backlog = background.write(path.join(dir, "background", file), content);
      if (backlog) {
        waits++;
        await backlog;
      }
    }
    await background.close();
    expect(filesUnder(path.join(dir, "background")), "the same files, the same bytes").toEqual(
      filesUnder(path.join(dir, "direct")),
    );
    expect(Object.keys(filesUnder(path.join(dir, "background"))), "every page").toHaveLength(
      pages.length,
    );
    if (options.backlogBytes === 1)
      expect(waits, "writes waited for the backlog").toBeGreaterThan(0);
    else expect(waits, "no write waited").toBe(0);
  });

  it("rejects on close naming a page it could not write, and writes nothing after it", async () => {
    // A file where the page's folder should be.
    writeFileSync(path.join(dir, "taken"), "a file");
    const writer = await startBackgroundPageWriter({ batchBytes: 1 });
    writer.write(path.join(dir, "first.html"), "<p>یک</p>");
    writer.write(path.join(dir, "taken", "page.html"), "<p>دو</p>");
    await expect(writer.close()).rejects.toThrow(/taken/u);
    expect(readdirSync(dir).sort(), "the page before it only").toEqual(["first.html", "taken"]);
  });

  it("stops when abandoned, without waiting for the pages not yet written", async () => {
    const writer = await startBackgroundPageWriter();
    writer.write(path.join(dir, "never.html"), "<p>هرگز</p>");
    await writer.abandon();
    expect(readdirSync(dir), "the unsent batch was dropped").toEqual([]);
  });
});
