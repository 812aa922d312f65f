/**
 * The project's one markdown-it instance, shared by Eleventy (`setLibrary`) and the article loader.
 *
 * Decisions:
 * - Raw HTML in Markdown is disabled (`html: false`): newsroom copy needs no markup that Markdown
 *   lacks, and escaping it is safer than any sanitizer. It shows as text, never as markup.
 * - Only http(s), mailto, tel and relative links become links; `javascript:`, `data:` and the rest
 *   stay text (markdown-it's default would still let `data:image/…` through).
 * - External links open normally but get `rel="noopener noreferrer"`: no referrer leaks to them.
 * - `# Heading` in a body becomes `<h2>`: the page's `<h1>` is the title.
 * - Table column alignment becomes a class (`align-start`, `align-center`, `align-end`), never a
 *   `style` attribute, which the Content-Security-Policy forbids; Markdown's left/right are read
 *   as start/end, since the page is right-to-left.
 */
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it/index.js";
import { isolateLatinInMarkdown } from "./bidi.ts";

const SAFE_SCHEME = /^(?:https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme: `java\tscript:`.
  const compact = url.replace(/[\u0000-\u0020\u007F]+/g, "");
  return SAFE_SCHEME.test(compact) || !ANY_SCHEME.test(compact);
}

export function isExternalUrl(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url.trim());
}

export interface RenderEnv {
  /** When set, relative link and image URLs are made absolute against it (for feeds). */
  baseUrl?: string;
}

function resolveUrl(value: string, baseUrl: string): string {
  try {
    return new URL(value, baseUrl).href;
  } catch {
    // An unparseable URL stays as written: it was already shown to be harmless by validateLink.
    return value;
  }
}

function absolutize(token: Token, attr: string, env: RenderEnv): void {
  const value = token.attrGet(attr);
  if (value !== null && env.baseUrl) token.attrSet(attr, resolveUrl(value, env.baseUrl));
}

// markdown-it writes a link as `<a href="…"` and an image as `<img src="…"`, the URL escaped; raw
// HTML is off, so no other `<a` or `<img` can be in its output (text and code have `&lt;`).
const LINK_OR_IMAGE = /<(a|img)\s/g;
const FIRST_ATTRIBUTE = /(href|src)="([^"]*)"/y;
const ESCAPED = /&(amp|lt|gt|quot);/g;
const UNESCAPED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

/**
 * Whether `html` (rendered by `renderMarkdown` without a base URL) is what rendering the same
 * Markdown with `baseUrl` gives: true when every link and image URL in it is already what
 * resolving it against `baseUrl` makes of it. Feeds then reuse the page's HTML instead of
 * rendering every article again (most links in news copy are absolute).
 */
export function isRenderedWithBase(html: string, baseUrl: string): boolean {
  for (const tag of html.matchAll(LINK_OR_IMAGE)) {
    FIRST_ATTRIBUTE.lastIndex = tag.index + tag[0].length;
    const attribute = FIRST_ATTRIBUTE.exec(html);
    // Not the shape expected: say no, and the caller renders again.
    if (!attribute || attribute[1] !== (tag[1] === "a" ? "href" : "src")) return false;
    const url = attribute[2]!.replace(ESCAPED, (_, name: string) => UNESCAPED[name]!);
    if (resolveUrl(url, baseUrl) !== url) return false;
  }
  return true;
}

const ALIGNMENT_CLASSES: Record<string, string> = {
  left: "align-start",
  center: "align-center",
  right: "align-end",
};

function alignmentToClass(token: Token): void {
  const style = token.attrGet("style");
  if (style === null) return;
  const alignment = /^text-align:(\w+)$/.exec(style)?.[1];
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
  const className = alignment && ALIGNMENT_CLASSES[alignment];
  if (className) token.attrJoin("class", className);
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeUrl;

  md.core.ruler.push("sarkhat_links", (state) => {
    const env = state.env as RenderEnv;
    for (const block of state.tokens) {
      if (block.type === "th_open" || block.type === "td_open") alignmentToClass(block);
      if (block.type === "heading_open" && block.tag === "h1") {
        block.tag = "h2";
      }
      if (block.type === "heading_close" && block.tag === "h1") {
        block.tag = "h2";
      }
      for (const token of block.children ?? []) {
        if (token.type === "link_open") {
          if (isExternalUrl(token.attrGet("href") ?? ""))
            token.attrSet("rel", "noopener noreferrer");
          absolutize(token, "href", env);
        } else if (token.type === "image") {
          absolutize(token, "src", env);
        }
      }
    }
  });
  // Latin names and URLs in Persian text, isolated so they do not scramble the line (src/bidi.ts).
  md.use(isolateLatinInMarkdown);
  return md;
}

/** The shared instance. */
export const markdown = createMarkdown();

export function renderMarkdown(body: string, env: RenderEnv = {}): string {
  return markdown.render(body, { ...env });
}

/**
 * The body as feed readers need it, every link and image absolute against `baseUrl`: rendered
 * again from `body` when `html` (its rendering without a base URL) has a relative one, and
 * `undefined` when `html` already is that, byte for byte (most news copy links absolutely).
 */
export function renderFeedBody(body: string, html: string, baseUrl: string): string | undefined {
  return isRenderedWithBase(html, baseUrl) ? undefined : renderMarkdown(body, { baseUrl });
}
