import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asPaginatedTemplate, writeStreamedPages } from "../../src/streamed-pages.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-streamed-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// A template paginated over the global data's `codes`, one page per code.
const template = asPaginatedTemplate(
  {
    data: {
      pagination: { data: "codes", size: 1, alias: "code" },
      permalink: (data: Record<string, unknown>) => `/news/${String(data.code)}/`,
    },
    render: (data: Record<string, unknown>) => `<h1>خبر ${String(data.code)}</h1>\n`,
  },
  "news.11ty.ts",
);
const globalData = { codes: Array.from({ length: 40 }, (_, index) => 1001 + index) };

function pagesUnder(root: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      pages[path.relative(root, path.join(entry.parentPath, entry.name))] = readFileSync(
        path.join(entry.parentPath, entry.name),
        "utf8",
      );
  return pages;
}

describe("writeStreamedPages", () => {
  it("writes the same pages when a writer thread takes over part-way", async () => {
    const templates = [{ file: "news.11ty.ts", module: template }];
    const direct = await writeStreamedPages(templates, globalData, path.join(dir, "direct"));
    const handedOver = await writeStreamedPages(
      templates,
      globalData,
      path.join(dir, "handed-over"),
      undefined,
      { backgroundFrom: 10 },
    );
    expect(handedOver.written, "every page written").toBe(globalData.codes.length);
    expect(direct.written, "every page written").toBe(globalData.codes.length);
    const pages = pagesUnder(path.join(dir, "handed-over"));
    expect(pages, "the same files and bytes").toEqual(pagesUnder(path.join(dir, "direct")));
    expect(pages[path.join("news", "1040", "index.html")], "a page the thread wrote").toBe(
      "<h1>خبر 1040</h1>\n",
    );
  });

  it("fails naming the template and page when one cannot be rendered, after the thread took over", async () => {
    const failing = asPaginatedTemplate(
      {
        data: template.data,
        render: (data: Record<string, unknown>) => {
          if (data.code === 1030) throw new Error("bad data");
          return "<p>ok</p>";
        },
      },
      "failing.11ty.ts",
    );
    await expect(
      writeStreamedPages(
        [{ file: "failing.11ty.ts", module: failing }],
        globalData,
        dir,
        undefined,
        {
          backgroundFrom: 10,
        },
      ),
    ).rejects.toThrow(/failing\.11ty\.ts failed to render \/news\/1030\/: bad data/u);
  });
});
