import { load } from "cheerio";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { npmRunBuildArgs } from "../support/run-build.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

// The prefix and origin live in module constants (src/urls.ts), so this build runs in a process of its own.
const PREFIX = "/news-site/";
const ORIGIN = "https://sarkhat.example";

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sarkhat-prefix-"));
  await promisify(execFile)(
    process.execPath,
    npmRunBuildArgs(["--output", path.join(dir, "site"), "--articles", "tests/fixtures/newsroom"]),
    { cwd: ROOT, env: { ...process.env, PATH_PREFIX: PREFIX, SITE_URL: ORIGIN } },
  );
  files = readdirSync(path.join(dir, "site"), { recursive: true, encoding: "utf8" }).map((file) =>
    path.join(dir, "site", file),
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(suffix: string): string[] {
  return files.filter((file) => file.endsWith(suffix)).map((file) => readFileSync(file, "utf8"));
}

describe(`a build with PATH_PREFIX=${PREFIX}`, () => {
  it("has no root-relative link, source or form action outside the prefix", () => {
    const escaping: string[] = [];
    for (const html of read(".html")) {
      const $ = load(html);
      $("[href], [src], [action]").each((_, el) => {
        const value = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action") ?? "";
        if (value.startsWith("/") && !value.startsWith(PREFIX)) escaping.push(value);
      });
      const refresh = $('meta[http-equiv="refresh"]').attr("content");
      if (refresh && !refresh.includes(`url=${PREFIX}`)) escaping.push(refresh);
    }
    expect(escaping).toEqual([]);
  });

  it("writes absolute URLs on the origin under the prefix, in pages, feeds and the sitemap", () => {
    const texts = [...read(".html"), ...read(".xml"), ...read(".json"), ...read(".txt")];
    const urls = texts
      .flatMap((text) => text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])
      .filter((url) => url.startsWith(ORIGIN));
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((url) => !url.startsWith(`${ORIGIN}${PREFIX}`))).toEqual([]);
  });

  it("keeps short-link redirects and the manifest inside the prefix", () => {
    const [redirects] = read("_redirects");
    for (const line of redirects!.trim().split("\n"))
      expect(line).toMatch(new RegExp(`^${PREFIX}n/\\d+/ ${PREFIX}news/\\d+/ 301$`));
    const [manifest] = read("manifest.webmanifest");
    expect(JSON.parse(manifest!)).toMatchObject({ start_url: PREFIX, scope: PREFIX });
  });
});
