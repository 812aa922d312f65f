/**
 * The browser checks, checked: each is run on a copy of the built article page broken in exactly
 * one way and must report it; on the unbroken copy every check must pass. A check that cannot
 * fail would let the page-type suites pass whatever the site does.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sections } from "../../src/site.ts";
import { browserAvailability, launchBrowser, type Browser } from "../support/browser.ts";
import {
  articleText,
  axeProblems,
  bidiProblems,
  fontProblems,
  headingProblems,
  keyboardProblems,
  layoutProblems,
  PageWatch,
  pdfProblems,
  printProblems,
  skipLinkProblems,
  visit,
} from "../support/page-checks.ts";
import { ARTICLE_PRINT, pageTypes } from "../support/page-types.ts";
import { outputFile } from "../support/site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const { run } = browserAvailability();

/** Rules a variant switches on with a class on <body>: an external stylesheet, which the CSP allows. */
const BREAKING_CSS = `
.too-wide { inline-size: 2000px; block-size: 1px; }
.system-font, .system-font * { font-family: serif !important; }
.no-focus-ring :focus-visible { outline: none !important; box-shadow: none !important; }
@media (prefers-color-scheme: dark) { .dark-contrast main p { color: #333333 !important; } }
@media print {
  .print-all nav, .print-all .share { display: block !important; }
  .print-all .print-only { display: none !important; }
  .body-not-printed .article-body { display: none !important; }
}
`;

type Check = (page: Page, watch: PageWatch) => Promise<string[]>;

interface Variant {
  name: string;
  /** How this copy of the page is broken. */
  breakPage: (html: string, foreignOrigin: string) => string;
  check: Check;
  /** What the check must say about it. */
  reported: RegExp;
}

function replaceOnce(html: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(html))
    throw new Error(`The article page has nothing matching ${pattern} to break`);
  return html.replace(pattern, replacement);
}

const intoMain = (markup: string) => (html: string) =>
  replaceOnce(html, /(<main\b[^>]*>)/, `$1\n${markup}`);
const bodyClass = (name: string) => (html: string) =>
  replaceOnce(html, /<body\b([^>]*)>/, `<body$1 class="${name}">`);
const withoutCsp = (html: string) =>
  html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, "");

const pdfOf = async (page: Page) => {
  const { text, section } = await articleText(page);
  return pdfProblems(
    await page.pdf({ format: "A4" }),
    text,
    sections.map((entry) => entry.name).filter((name) => name !== section),
  );
};

const variants: Variant[] = [
  {
    name: "dir-ltr",
    breakPage: (html) => replaceOnce(html, /(<html\b[^>]*)dir="rtl"/, '$1dir="ltr"'),
    check: layoutProblems,
    reported: /direction is ltr, expected rtl/,
  },
  {
    name: "sideways-scroll",
    breakPage: intoMain('<div class="too-wide"></div>'),
    check: layoutProblems,
    reported: /scrolls sideways.*too-wide/,
  },
  {
    name: "system-font",
    breakPage: bodyClass("system-font"),
    check: (page) => fontProblems(page),
    reported: /drawn with system font/,
  },
  {
    name: "foreign-request",
    breakPage: (html, foreign) =>
      intoMain(`<img src="${foreign}/icon-192.png" alt="">`)(withoutCsp(html)),
    check: async (_page, watch) => watch.problems(),
    reported: /request to another host: http:\/\/127\.0\.0\.1:\d+\/icon-192\.png/,
  },
  {
    name: "failed-request",
    breakPage: intoMain('<img src="/no-such-image.png" alt="">'),
    check: async (_page, watch) => watch.problems(),
    reported: /failed request: .*no-such-image\.png answered HTTP 404/,
  },
  {
    name: "console-error",
    breakPage: (html) =>
      intoMain("<script>console.error('deliberate error')</script>")(withoutCsp(html)),
    check: async (_page, watch) => watch.problems(),
    reported: /console error: deliberate error/,
  },
  {
    name: "csp-violation",
    breakPage: (html) =>
      intoMain('<p style="color: red">سبک درون‌خطی</p>')(
        replaceOnce(
          html,
          /<head>/,
          `<head>\n<meta http-equiv="Content-Security-Policy" content="style-src 'self'">`,
        ),
      ),
    check: async (_page, watch) => watch.problems(),
    reported: /CSP violation: style-src(-attr)? blocked/,
  },
  {
    name: "axe-image-alt",
    breakPage: intoMain('<img src="/icon-192.png" width="10" height="10">'),
    check: axeProblems,
    reported: /violation image-alt/,
  },
  {
    name: "axe-dark-contrast",
    breakPage: bodyClass("dark-contrast"),
    check: async (page) => {
      const light = await axeProblems(page);
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await axeProblems(page).finally(() =>
        page.emulateMedia({ colorScheme: "light" }),
      );
      return [
        ...light.map((problem) => `light: ${problem}`),
        ...dark.map((problem) => `dark: ${problem}`),
      ];
    },
    reported: /^dark: violation color-contrast/,
  },
  {
    name: "no-skip-link",
    breakPage: (html) => replaceOnce(html, /<a class="skip-link"[^>]*>[^<]*<\/a>/, ""),
    check: skipLinkProblems,
    reported: /expected the skip link to #main/,
  },
  {
    name: "unreachable-link",
    breakPage: intoMain('<a href="/about/" tabindex="-1">پیوند دور از دسترس</a>'),
    check: keyboardProblems,
    reported: /«پیوند دور از دسترس» cannot be reached with the keyboard/,
  },
  {
    name: "invisible-focus",
    breakPage: bodyClass("no-focus-ring"),
    check: keyboardProblems,
    reported: /has keyboard focus but no visible focus indicator/,
  },
  {
    name: "skipped-heading",
    breakPage: intoMain("<h1>تیتر دوم</h1><h4>زیرتیتر بی‌پدر</h4>"),
    check: headingProblems,
    reported: /has 2 <h1> elements[\s\S]*h4 «زیرتیتر بی‌پدر» follows h1/,
  },
  {
    name: "latin-not-isolated",
    breakPage: intoMain("<p>پرتاب ماهواره Nahid-2 به مدار</p>"),
    check: bidiProblems,
    reported: /mixes Latin and Persian/,
  },
  {
    name: "printed-navigation",
    breakPage: bodyClass("print-all"),
    check: (page) => printProblems(page, ARTICLE_PRINT),
    reported:
      /^nav «[\s\S]*?» is printed[\s\S]*^\.share «[\s\S]*?» is printed[\s\S]*does not show its URL/m,
  },
  {
    name: "pdf-without-body",
    breakPage: bodyClass("body-not-printed"),
    check: pdfOf,
    reported: /the PDF lacks \d+ of \d+ words/,
  },
];

const controlChecks: Record<string, Check> = {
  layout: layoutProblems,
  font: (page) => fontProblems(page),
  axe: axeProblems,
  headings: headingProblems,
  bidi: bidiProblems,
  print: (page) => printProblems(page, ARTICLE_PRINT),
  pdf: pdfOf,
};

describe.skipIf(!run)("the browser checks report a deliberately broken page", () => {
  let root: string;
  let server: StaticServer;
  let foreign: StaticServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const urlOf = (name: string) => `${server.origin}/broken/${name}/`;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "sarkhat-broken-"));
    const siteDir = inject("newsroomSiteDir");
    cpSync(siteDir, root, { recursive: true });
    writeFileSync(path.join(root, "broken.css"), BREAKING_CSS);
    server = await serveStatic(root);
    foreign = await serveStatic(root);
    const article = readFileSync(
      outputFile(siteDir, pageTypes.find((type) => type.name === "article")!.path),
      "utf8",
    );
    const original = replaceOnce(
      article,
      /<\/head>/,
      '<link rel="stylesheet" href="/broken.css">\n</head>',
    );
    for (const variant of [{ name: "control", breakPage: (html: string) => html }, ...variants]) {
      mkdirSync(path.join(root, "broken", variant.name), { recursive: true });
      writeFileSync(
        path.join(root, "broken", variant.name, "index.html"),
        variant.breakPage(original, foreign.origin),
      );
    }
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    page = await browser.context.newPage();
    watch = await PageWatch.attach(page, server.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await foreign?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("passes every check on the unbroken copy (so a report below is the break, not the copy)", async () => {
    const problems = await visit(page, watch, urlOf("control"));
    for (const [name, check] of Object.entries(controlChecks))
      problems.push(...(await check(page, watch)).map((problem) => `${name}: ${problem}`));
    problems.push(...watch.problems());
    await visit(page, watch, urlOf("control"));
    problems.push(...(await skipLinkProblems(page)));
    await visit(page, watch, urlOf("control"));
    problems.push(...(await keyboardProblems(page)));
    expect(problems).toEqual([]);
  });

  it.each(variants)("$name is reported", async (variant) => {
    await visit(page, watch, urlOf(variant.name));
    const problems = await variant.check(page, watch);
    expect(problems.join("\n")).toMatch(variant.reported);
  });
});
