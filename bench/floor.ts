/**
 * The floor: the least any static generator must do with the corpus. Read each file, split off
 * its YAML front matter, render the body with a stock markdown-it, wrap it in a template literal
 * and write one page per article. No validation, no indexes, no listings, no feeds.
 */
import MarkdownIt from "markdown-it";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export interface FloorResult {
  pages: number;
  bytes: number;
}

const escape = (value: unknown) =>
  String(value).replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!,
  );

/** Render every article of `corpusDir` into `outputDir` (which should not exist yet). */
export function renderFloor(corpusDir: string, outputDir: string): FloorResult {
  const markdown = new MarkdownIt();
  let pages = 0;
  let bytes = 0;
  for (const name of readdirSync(corpusDir, { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".md")) continue;
    const source = readFileSync(path.join(corpusDir, name), "utf8");
    const end = source.indexOf("\n---", 4);
    const data = parse(source.slice(4, end)) as { code: number; title: string; lead: string };
    const body = markdown.render(source.slice(source.indexOf("\n", end + 1) + 1));
    const page = `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${escape(data.title)}</title></head><body><h1>${escape(data.title)}</h1><p>${escape(data.lead)}</p>${body}</body></html>`;
    const folder = path.join(outputDir, "news", String(data.code));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "index.html"), page);
    pages++;
    bytes += Buffer.byteLength(page);
  }
  return { pages, bytes };
}
