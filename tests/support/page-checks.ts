/**
 * What a reader's browser sees, as checks. Each check returns a list of problems, one sentence
 * each, naming the page and what was expected; an empty list means the page passed. Tests assert
 * `toEqual([])`, so a failure prints every problem at once, and checker-self-test.test.ts proves
 * each check reports a deliberately broken page.
 *
 * Functions passed to `page.evaluate` run in the page: they must not use anything from this module.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { CDPSession, Page, Request } from "playwright-core";
import { comparableWords, pdfText } from "./pdf-text.ts";

/** Everything one page did on the network and the console, from one `visit` to the next. */
export class PageWatch {
  private requests: string[] = [];
  /** Requests of the current page: a request of the previous one that ends late is not counted. */
  private current = new Set<Request>();
  private answered = new Set<Request>();
  private failed: string[] = [];
  private consoleErrors: { text: string; url: string }[] = [];
  private cspViolations: string[] = [];
  private document: { url: string; status: number } | undefined;

  private constructor(readonly origin: string) {}

  /** Start watching `page`; `origin` is the only host it may talk to. Call once per page. */
  static async attach(page: Page, origin: string): Promise<PageWatch> {
    const watch = new PageWatch(origin);
    page.on("request", (request) => {
      watch.current.add(request);
      watch.requests.push(request.url());
    });
    page.on("requestfailed", (request) => {
      if (!watch.current.has(request)) return;
      const error = request.failure()?.errorText ?? "unknown error";
      // Chromium never closes the request of a feed's XSLT stylesheet after using its answer, and
      // reports it aborted when the page goes: answered, it did not fail.
      if (error === "net::ERR_ABORTED" && watch.answered.has(request)) return;
      // Chromium cancels a favicon fetch when an XSLT transform replaces the document, and
      // fetches it again for the new one; the icon's existence is the link checker's business.
      if (error === "net::ERR_ABORTED" && new URL(request.url()).pathname.endsWith("/icon.svg"))
        return;
      watch.failed.push(`${request.url()} failed: ${error}`);
    });
    page.on("response", (response) => {
      if (!watch.current.has(response.request())) return;
      const expected =
        watch.document?.url === response.url() && watch.document.status === response.status();
      if (response.status() < 400) watch.answered.add(response.request());
      else if (!expected) watch.failed.push(`${response.url()} answered HTTP ${response.status()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error")
        watch.consoleErrors.push({ text: message.text(), url: message.location().url });
    });
    page.on(
      "pageerror",
      (error) =>
        void watch.consoleErrors.push({
          text: `uncaught ${error.name}: ${error.message}`,
          url: "",
        }),
    );
    // Reported from inside the page: a violation is an event there. Init scripts and bindings are
    // injected by the DevTools protocol, so the page's own policy does not block them.
    await page.exposeBinding(
      "__sarkhatCspViolation",
      (_source, text: string) => void watch.cspViolations.push(text),
    );
    await page.addInitScript(() => {
      // esbuild (tsx) may wrap named functions in __name(); give evaluated code a harmless one.
      (window as unknown as { __name?: unknown }).__name ??= (fn: unknown) => fn;
      document.addEventListener(
        "securitypolicyviolation",
        (event) => {
          const report = (window as unknown as { __sarkhatCspViolation(text: string): void })
            .__sarkhatCspViolation;
          report(
            `${event.effectiveDirective} blocked ${event.blockedURI || "an inline resource"} (${event.sourceFile || location.href}:${event.lineNumber})`,
          );
        },
        true,
      );
    });
    return watch;
  }

  /** Forget what earlier pages did; `status` is the answer the next document is meant to get. */
  expect(url: string, status: number): void {
    this.requests = [];
    this.current = new Set();
    this.answered = new Set();
    this.failed = [];
    this.consoleErrors = [];
    this.cspViolations = [];
    this.document = { url, status };
  }

  /** Requests to other hosts, failed requests, console errors and CSP violations since `expect`. */
  problems(): string[] {
    const problems: string[] = [];
    if (this.requests.length === 0)
      problems.push("no request was seen at all: the watch is not attached to this page");
    for (const url of this.requests) {
      if (/^(?:data|blob|about):/.test(url)) continue;
      if (new URL(url).origin !== this.origin)
        problems.push(`request to another host: ${url} (only ${this.origin} is allowed)`);
    }
    problems.push(...this.failed.map((failure) => `failed request: ${failure}`));
    for (const { text, url } of this.consoleErrors) {
      // Chromium logs every 4xx document; the 404 page is meant to answer 404.
      const expected404 =
        this.document?.status === 404 && url === this.document.url && /status of 404/.test(text);
      if (!expected404) problems.push(`console error: ${text}${url ? ` (${url})` : ""}`);
    }
    problems.push(...this.cspViolations.map((violation) => `CSP violation: ${violation}`));
    return problems;
  }
}

/**
 * Open `url` and wait until it is loaded and its fonts are ready (pages have no script, so
 * nothing loads later). Returns a problem when the status is not the one expected.
 */
export async function visit(
  page: Page,
  watch: PageWatch,
  url: string,
  status = 200,
): Promise<string[]> {
  watch.expect(url, status);
  const response = await page.goto(url, { waitUntil: "load" });
  // Laying the page out starts its font loads; `ready` then waits for them.
  await page.evaluate(() => {
    void document.body.getBoundingClientRect();
    return document.fonts.ready.then(() => undefined);
  });
  const actual = response?.status();
  return actual === status
    ? []
    : [`${url} answered HTTP ${actual ?? "nothing"}, expected ${status}`];
}

export interface LayoutReport {
  htmlDirection: string;
  mainDirection: string | null;
  scrollWidth: number;
  clientWidth: number;
  /** The widest elements sticking out of the viewport, to tell what to fix. */
  overflowing: string[];
}

export function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector("main");
    const clientWidth = root.clientWidth;
    const overflowing = [...document.body.querySelectorAll("*")]
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.left < -0.5 || rect.right > clientWidth + 0.5))
      .sort((a, b) => b.rect.width - a.rect.width)
      .slice(0, 3)
      .map(
        ({ element, rect }) =>
          `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ""}> spans ${Math.round(rect.left)}…${Math.round(rect.right)} px`,
      );
    return {
      htmlDirection: getComputedStyle(root).direction,
      mainDirection: main ? getComputedStyle(main).direction : null,
      scrollWidth: root.scrollWidth,
      clientWidth,
      overflowing,
    };
  });
}

/** The document and its `<main>` read right to left, and nothing scrolls sideways. */
export async function layoutProblems(page: Page): Promise<string[]> {
  const report = await layoutReport(page);
  const problems: string[] = [];
  if (report.htmlDirection !== "rtl")
    problems.push(`the document's direction is ${report.htmlDirection}, expected rtl`);
  if (report.mainDirection === null) problems.push("the page has no <main> element");
  else if (report.mainDirection !== "rtl")
    problems.push(`<main>'s direction is ${report.mainDirection}, expected rtl`);
  if (report.scrollWidth > report.clientWidth) {
    problems.push(
      `the page scrolls sideways: scroll width ${report.scrollWidth} px > viewport ${report.clientWidth} px; sticking out: ${report.overflowing.join("; ") || "(none found)"}`,
    );
  }
  return problems;
}

const sessions = new WeakMap<Page, CDPSession>();

async function devtools(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send("DOM.enable");
    await session.send("CSS.enable");
    sessions.set(page, session);
  }
  return session;
}

/** The font family the page's own fonts are declared under. */
export const PERSIAN_FONT = "Vazirmatn";

/**
 * Vazirmatn is loaded (`document.fonts`) and really draws the page's main heading: Chromium's
 * own account of the fonts it rendered the heading's text with, not what CSS asked for.
 */
export async function fontProblems(page: Page, selector = "main h1"): Promise<string[]> {
  const problems: string[] = [];
  const loaded = await page.evaluate(
    (family) =>
      [...document.fonts].filter(
        (face) => face.family.replace(/["']/g, "") === family && face.status === "loaded",
      ).length,
    PERSIAN_FONT,
  );
  if (loaded === 0) problems.push(`no ${PERSIAN_FONT} face is loaded (document.fonts)`);
  const session = await devtools(page);
  const { root } = await session.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  if (!nodeId) return [...problems, `no ${selector} to check the font of`];
  const { fonts } = await session.send("CSS.getPlatformFontsForNode", { nodeId });
  if (fonts.length === 0)
    problems.push(`${selector} was drawn with no font at all (is its text hidden?)`);
  for (const font of fonts) {
    if (font.familyName !== PERSIAN_FONT || !font.isCustomFont) {
      problems.push(
        `${selector} has ${font.glyphCount} glyphs drawn with ${font.isCustomFont ? "web font" : "system font"} ${font.familyName}, expected ${PERSIAN_FONT} only`,
      );
    }
  }
  return problems;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The WCAG 2.2 level A and AA rule sets of axe-core. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core's WCAG 2.2 A/AA violations on the page as it is now (colour scheme included). Rules
 * axe could not decide ("incomplete", e.g. contrast over an image) count too: unknown is not a pass.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not apply to.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<AxeResults> };
        }
      ).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      }),
    WCAG_TAGS,
  );
  const describe = (kind: string, result: AxeResults["violations"][number]) =>
    `${kind} ${result.id} (${result.impact ?? "no impact"}): ${result.help} — ${result.nodes
      .slice(0, 5)
      .map(
        (node) =>
          `${node.target.join(" ")}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, " ")}]` : ""}`,
      )
      .join("; ")}`;
  return [
    ...results.violations.map((result) => describe("violation", result)),
    ...results.incomplete.map((result) => describe("undecided", result)),
  ];
}

interface FocusInfo {
  tag: string;
  href: string | null;
  text: string;
  inViewport: boolean;
}

function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      href: element.getAttribute("href"),
      text: (element.textContent ?? "").trim().slice(0, 40),
      inViewport:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.top >= 0 &&
        rect.left >= 0 &&
        rect.bottom <= innerHeight &&
        rect.right <= document.documentElement.clientWidth,
    };
  });
}

/**
 * The first Tab on a freshly loaded page focuses a visible «skip to content» link to `#main`;
 * Enter follows it, and the next Tab lands in or after the main content, not back in the header.
 */
export async function skipLinkProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.keyboard.press("Tab");
  const first = await focusInfo(page);
  if (!first || first.tag !== "a" || first.href !== "#main") {
    return [
      `the first Tab focuses ${first ? `<${first.tag} href="${first.href}">${first.text}` : "nothing"}, expected the skip link to #main`,
    ];
  }
  if (!first.inViewport)
    problems.push(`the focused skip link «${first.text}» is not visible inside the viewport`);
  const target = await page.evaluate(
    () => document.getElementById("main")?.tagName.toLowerCase() ?? null,
  );
  if (target !== "main")
    return [
      ...problems,
      `#main is ${target ? `a <${target}>` : "missing"}, expected the <main> element`,
    ];
  await page.keyboard.press("Enter");
  if ((await page.evaluate(() => location.hash)) !== "#main")
    problems.push("Enter on the skip link did not go to #main");
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => {
    const main = document.getElementById("main")!;
    const active = document.activeElement;
    if (!active || active === document.body) return "nothing";
    const afterMain =
      main.contains(active) ||
      !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    return afterMain
      ? ""
      : `<${active.tagName.toLowerCase()}> «${(active.textContent ?? "").trim().slice(0, 40)}» before the main content`;
  });
  if (next)
    problems.push(
      `after following the skip link, Tab focuses ${next}, expected the main content's first control`,
    );
  return problems;
}

/**
 * Tab through a freshly loaded page: every link, button and field is reached, and each shows a
 * focus indicator (an outline or a box shadow) when it has keyboard focus.
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const natural =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex^="-"]), [contenteditable]:not([contenteditable="false"])';
    const candidates = [...document.querySelectorAll<HTMLElement>(natural)].filter(
      (element) =>
        !(element as HTMLButtonElement).disabled &&
        element.checkVisibility({ visibilityProperty: true }),
    );
    const state = window as unknown as {
      __sarkhatTabbable: HTMLElement[];
      __sarkhatFocused: Set<Element>;
    };
    state.__sarkhatTabbable = candidates;
    state.__sarkhatFocused = new Set();
    return candidates.length;
  });
  const problems: string[] = [];
  // Room for focus stops that are not in the list (a scrollable region); the walk ends sooner,
  // when focus leaves the page or comes back to an element it has already been on.
  for (let step = 0; step < count + 20; step++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const state = window as unknown as { __sarkhatFocused: Set<Element> };
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body || state.__sarkhatFocused.has(element)) return null;
      state.__sarkhatFocused.add(element);
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return {
        name: `<${element.tagName.toLowerCase()}${element.getAttribute("href") ? ` href="${element.getAttribute("href")}"` : ""}> «${(element.textContent ?? "").trim().slice(0, 40)}»`,
        visible: outline || style.boxShadow !== "none",
      };
    });
    if (!focus) break;
    if (!focus.visible) {
      problems.push(
        `${focus.name} has keyboard focus but no visible focus indicator (outline or box-shadow)`,
      );
    }
  }
  const missed = await page.evaluate(() => {
    const state = window as unknown as {
      __sarkhatTabbable: HTMLElement[];
      __sarkhatFocused: Set<Element>;
    };
    return state.__sarkhatTabbable
      .filter((element) => !state.__sarkhatFocused.has(element))
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()}${element.getAttribute("href") ? ` href="${element.getAttribute("href")}"` : ""}> «${(element.textContent ?? "").trim().slice(0, 40)}»`,
      );
  });
  problems.push(...missed.map((name) => `${name} cannot be reached with the keyboard (Tab)`));
  return problems;
}

/** One `<h1>`, first; no level skipped on the way down (h2 → h4). */
export async function headingProblems(page: Page): Promise<string[]> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6, [role=heading]")]
      .filter((element) => element.checkVisibility() && !element.closest('[aria-hidden="true"]'))
      .map((element) => ({
        level: Number(element.getAttribute("aria-level") ?? element.tagName.slice(1)),
        text: (element.textContent ?? "").trim().slice(0, 50),
      })),
  );
  const problems: string[] = [];
  const h1s = headings.filter((heading) => heading.level === 1).length;
  if (h1s !== 1) problems.push(`the page has ${h1s} <h1> elements, expected exactly 1`);
  if (headings[0] && headings[0].level !== 1)
    problems.push(
      `the first heading is an h${headings[0].level} «${headings[0].text}», expected the h1`,
    );
  headings.forEach((heading, index) => {
    const previous = headings[index - 1];
    if (previous && heading.level > previous.level + 1)
      problems.push(
        `h${heading.level} «${heading.text}» follows h${previous.level} «${previous.text}»: level ${previous.level + 1} is skipped`,
      );
  });
  return problems;
}

/**
 * Latin text is isolated from the Persian around it: every text node with Latin letters holds no
 * Persian letters, sits in an element that computes to `direction: ltr`, and is not marked Persian.
 */
export async function bidiProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      const parent = node.parentElement;
      if (
        !parent ||
        parent.closest("script, style, template, noscript") ||
        !/\p{Script=Latin}/u.test(node.data)
      )
        continue;
      const text = node.data.trim().slice(0, 60);
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
      if (/\p{Script=Arabic}/u.test(node.data))
        problems.push(
          `«${text}» mixes Latin and Persian in one text run: isolate the Latin in <span dir="ltr" lang="en">`,
        );
      else if (getComputedStyle(parent).direction !== "ltr")
        problems.push(
          `Latin «${text}» in <${parent.tagName.toLowerCase()}> is laid out right to left: isolate it with dir="ltr"`,
        );
      else if (/^fa\b/i.test(lang)) problems.push(`Latin «${text}» is marked lang="${lang}"`);
    }
    return problems;
  });
}

export interface PrintExpectations {
  /** Elements that must not be printed (navigation, share links, related articles). */
  hidden: readonly string[];
  /** Elements that must be printed (the article, its date). */
  shown: readonly string[];
}

/**
 * With print media emulated: every `hidden` element is gone, every `shown` one is there, and the
 * printed text carries the page's canonical URL, so a printout says where it came from.
 */
export async function printProblems(
  page: Page,
  expectations: PrintExpectations,
): Promise<string[]> {
  await page.emulateMedia({ media: "print" });
  try {
    return await page.evaluate(({ hidden, shown }) => {
      const problems: string[] = [];
      for (const selector of hidden) {
        for (const element of document.querySelectorAll(selector)) {
          if (element.checkVisibility({ visibilityProperty: true }))
            problems.push(
              `${selector} «${(element.textContent ?? "").trim().slice(0, 40)}» is printed, expected it hidden in print`,
            );
        }
      }
      for (const selector of shown) {
        const elements = [...document.querySelectorAll(selector)];
        if (
          !elements.some(
            (element) =>
              element.checkVisibility({ visibilityProperty: true }) &&
              (element.textContent ?? "").trim(),
          )
        )
          problems.push(`${selector} is not printed`);
      }
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
      if (!canonical) problems.push("the page has no canonical URL to print");
      else if (!document.body.innerText.includes(canonical))
        problems.push(`the printed page does not show its URL ${canonical}`);
      return problems;
    }, expectations);
  } finally {
    // null, not "screen": an explicit screen would also make page.pdf() print the screen layout.
    await page.emulateMedia({ media: null });
  }
}

/** An article page's own text as it shows it (title, lead, body, date, URL): what its PDF must hold. */
export function articleText(page: Page): Promise<{ text: string[]; section: string }> {
  return page.evaluate(() => ({
    text: ["article h1", "article .lead", ".article-body", "article .meta time", ".print-only"].map(
      (selector) => {
        const element = document.querySelector(selector);
        if (!element?.textContent?.trim())
          throw new Error(`The article page has no ${selector} text`);
        return element.textContent;
      },
    ),
    section: document.querySelector("article .meta a")?.textContent?.trim() ?? "",
  }));
}

/** Words of `text` as the PDF check compares them: also split at punctuation and ZWNJ. */
function fragments(text: string): string[] {
  return comparableWords(text.replace(/[\p{P}\p{S}]/gu, " "));
}

/**
 * The PDF Chromium printed holds every word of `present` (as often as they occur there) and no
 * fragment of `absent` (text that printing must leave out).
 */
export function pdfProblems(
  pdf: Buffer,
  present: readonly string[],
  absent: readonly string[] = [],
): string[] {
  const printed = new Map<string, number>();
  for (const word of fragments(pdfText(pdf))) printed.set(word, (printed.get(word) ?? 0) + 1);
  const needed = new Map<string, number>();
  for (const word of fragments(present.join(" "))) needed.set(word, (needed.get(word) ?? 0) + 1);
  const problems: string[] = [];
  const missing = [...needed]
    .filter(([word, times]) => (printed.get(word) ?? 0) < times)
    .map(([word, times]) => `${word} ×${times} (printed ×${printed.get(word) ?? 0})`);
  if (missing.length)
    problems.push(
      `the PDF lacks ${missing.length} of ${needed.size} words: ${missing.slice(0, 12).join("، ")}`,
    );
  for (const text of absent) {
    if (fragments(text).every((word) => printed.has(word)))
      problems.push(`the PDF shows «${text}», which print should hide`);
  }
  return problems;
}
