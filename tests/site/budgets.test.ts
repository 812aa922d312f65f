/**
 * Page-weight budgets, on the built site: readers on slow phones pay for every byte, and bytes
 * are deterministic, so the budgets are tests (timings are not: see `npm run bench`).
 *
 * - First visit of an article page: its HTML and every stylesheet it links (gzip -9, as a host
 *   would send them) plus every font file it can load (woff2 is already compressed) ≤ 60 KB.
 *   A font counts when any character of the page's visible text (or of a CSS `content` string)
 *   is in its unicode-range, at every weight: an upper bound of what a browser downloads.
 * - Repeat visit (stylesheet and fonts cached forever under fingerprinted names): HTML ≤ 15 KB.
 * - No JavaScript: no script that a browser would run, no event-handler attribute, no
 *   `javascript:` URL. JSON-LD (`application/ld+json`) is data and allowed.
 */
import { load, type CheerioAPI } from "cheerio";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { pathPrefix } from "../../src/urls.ts";
import { outputFile } from "../support/site.ts";

const FIRST_VISIT_BUDGET = 60_000;
const REPEAT_VISIT_BUDGET = 15_000;

const gzipped = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** The output file of a URL as it appears in a page: prefixed, maybe encoded, maybe relative. */
function fileOf(siteDir: string, href: string, base = "/"): string {
  const url = new URL(href, `http://site.invalid${base}`);
  if (!url.pathname.startsWith(pathPrefix))
    throw new Error(`${href} is outside the site's path prefix ${pathPrefix}`);
  return outputFile(siteDir, `/${url.pathname.slice(pathPrefix.length)}`);
}

interface FontFace {
  url: string;
  weight: string;
  ranges: [number, number][];
}

function parseFontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const url = /src:\s*url\(["']?([^)"']+)["']?\)/.exec(body!)?.[1];
    const weight = /font-weight:\s*([^;]+)/.exec(body!)?.[1]?.trim();
    const range = /unicode-range:\s*([^;]+)/.exec(body!)?.[1];
    if (!url || !weight || !range)
      throw new Error(`an @font-face rule lacks src, font-weight or unicode-range: ${body}`);
    const ranges = range.split(",").map((part): [number, number] => {
      const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from!, 16), parseInt(to!, 16)];
    });
    return { url, weight, ranges };
  });
}

function visibleText($: CheerioAPI): string {
  const body = $("body").clone();
  body.find("script, style, template, noscript").remove();
  return body.text();
}

interface Weight {
  html: number;
  css: number;
  fonts: string[];
  fontBytes: number;
}

function measure(siteDir: string, pagePath: string): Weight {
  const htmlSource = readFileSync(outputFile(siteDir, pagePath), "utf8");
  const $ = load(htmlSource);
  const stylesheets = $('link[rel="stylesheet"]')
    .map((_, link) => $(link).attr("href"))
    .get();
  let css = 0;
  const faces: { file: string; face: FontFace }[] = [];
  let cssContentText = "";
  for (const href of stylesheets) {
    const file = fileOf(siteDir, href);
    const source = readFileSync(file, "utf8");
    css += gzipped(source);
    cssContentText += [...source.matchAll(/content:\s*"([^"]*)"/g)]
      .map((match) => match[1])
      .join("");
    const cssPath = new URL(href, "http://site.invalid/").pathname;
    for (const face of parseFontFaces(source))
      faces.push({ file: fileOf(siteDir, face.url, cssPath), face });
  }
  const codePoints = new Set(
    [...`${visibleText($)}${cssContentText}`].map((char) => char.codePointAt(0)!),
  );
  const used = faces.filter(({ face }) =>
    face.ranges.some(([from, to]) => [...codePoints].some((code) => code >= from && code <= to)),
  );
  return {
    html: gzipped(htmlSource),
    css,
    fonts: used.map(({ file }) => path.basename(file)),
    fontBytes: used.reduce((sum, { file }) => sum + readFileSync(file).length, 0),
  };
}

function articlePaths(siteDir: string): string[] {
  return readdirSync(path.join(siteDir, "news"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/news/${entry.name}/`);
}

const sites = [
  { name: "the real content", siteDir: inject("siteDir") },
  { name: "the newsroom fixture", siteDir: inject("newsroomSiteDir") },
];

describe.each(sites)("article pages of $name", ({ siteDir }) => {
  const pages = articlePaths(siteDir);

  it("exist to be measured", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)("%s ships no JavaScript", (pagePath) => {
    const $ = load(readFileSync(outputFile(siteDir, pagePath), "utf8"));
    const scripts = $("script").filter(
      (_, script) => $(script).attr("type") !== "application/ld+json",
    );
    expect(scripts.map((_, script) => $.html(script)).get()).toEqual([]);
    const handlers = $("*").filter((_, element) =>
      Object.keys($(element).attr() ?? {}).some((name) => name.toLowerCase().startsWith("on")),
    );
    expect(handlers.length).toBe(0);
    expect(
      $('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length,
    ).toBe(0);
    expect($('link[rel="modulepreload"], link[as="script"]').length).toBe(0);
  });

  it.each(pages)(`%s weighs at most ${FIRST_VISIT_BUDGET} bytes on a first visit`, (pagePath) => {
    const weight = measure(siteDir, pagePath);
    // The Persian regular face is always needed: a page that loads none was measured wrongly.
    expect(weight.fonts.some((name) => name.includes("arabic-400"))).toBe(true);
    expect(weight.html + weight.css + weight.fontBytes, JSON.stringify(weight)).toBeLessThanOrEqual(
      FIRST_VISIT_BUDGET,
    );
  });

  it.each(pages)(`%s weighs at most ${REPEAT_VISIT_BUDGET} bytes on a repeat visit`, (pagePath) => {
    expect(measure(siteDir, pagePath).html).toBeLessThanOrEqual(REPEAT_VISIT_BUDGET);
  });
});
