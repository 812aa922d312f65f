/**
 * Reading the built site in tests.
 */
import { type CheerioAPI, load } from "cheerio";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The file a site path is served from: `/news/1001/` → `news/1001/index.html`. */
export function outputFile(siteDir: string, sitePath: string): string {
  const decoded = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
  const relative = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  return path.join(siteDir, relative);
}

export function readOutput(siteDir: string, sitePath: string): string {
  const file = outputFile(siteDir, sitePath);
  if (!existsSync(file)) throw new Error(`The build has no ${sitePath} (looked for ${file})`);
  return readFileSync(file, "utf8");
}

export function loadPage(siteDir: string, sitePath: string): CheerioAPI {
  return load(readOutput(siteDir, sitePath));
}
