/**
 * Latin inside Persian text: names, models and URLs («ماهواره Nahid-2»، «iPhone 15 Pro»).
 *
 * Left bare in a right-to-left line, a Latin run's neutral characters (hyphens, spaces, slashes,
 * a trailing number) are ordered by the Persian around them and the line scrambles: «Nahid-2» can
 * show as «2-Nahid». Each run is therefore isolated in `<span dir="ltr" lang="en">`: `dir`
 * isolates it (HTML gives `[dir]` `unicode-bidi: isolate`) and `lang` lets a screen reader switch
 * to a voice that can read Latin, which a Persian voice cannot. English is a guess for a name, but
 * the best one a Persian news page can make, and far better than reading it as Persian.
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it/index.js";
import { html, type SafeHtml } from "./html.ts";

/** `lang` of an isolated Latin run. */
export const LATIN_LANG = "en";

// A run starts with a Latin letter (or digits glued to one: «5G»), goes on through Latin letters,
// ASCII digits and the punctuation that joins them inside a name («Nahid-2», «AT&T», «U.S.»), and
// ends on a letter or digit, or on a slash (a URL's last one). Sentence punctuation around it
// («،», «.», «»») stays Persian. Persian digits are not Latin: they read right in a Persian line.
const LATIN_RUN =
  /[0-9]*\p{Script=Latin}[\p{Script=Latin}\p{M}0-9]*(?:[ \-.'’&/+:_@#%?=~]+[\p{Script=Latin}0-9][\p{Script=Latin}\p{M}0-9]*)*\/?/gu;

export interface TextPart {
  text: string;
  latin: boolean;
}

/** `text` cut into Latin runs and the rest, in order; joined they give `text` back. */
export function splitLatinRuns(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), latin: false });
    parts.push({ text: match[0], latin: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), latin: false });
  return parts;
}

// Most Persian titles and leads hold no Latin letter at all: one test, and no parts to assemble.
const ANY_LATIN = /\p{Script=Latin}/u;

/** Plain text as escaped HTML with every Latin run isolated: for titles, leads, names. */
export function isolateLatin(text: string): SafeHtml {
  if (!ANY_LATIN.test(text)) return html`${text}`;
  return html`${splitLatinRuns(text).map((part) => (part.latin ? html`<span dir="ltr" lang="${LATIN_LANG}">${part.text}</span>` : part.text))}`;
}

/** Text that is Latin as a whole, such as a URL shown to readers, isolated as one run. */
export function ltr(text: string): SafeHtml {
  return html`<span dir="ltr" lang="${LATIN_LANG}">${text}</span>`;
}

type TokenConstructor = new (type: string, tag: string, nesting: Token.Nesting) => Token;

function isolatedTokens(state: { Token: TokenConstructor }, token: Token): Token[] {
  if (!ANY_LATIN.test(token.content)) return [token];
  const parts = splitLatinRuns(token.content);
  if (!parts.some((part) => part.latin)) return [token];
  const tokens: Token[] = [];
  for (const part of parts) {
    const text = new state.Token("text", "", 0);
    text.content = part.text;
    if (!part.latin) {
      tokens.push(text);
      continue;
    }
    const open = new state.Token("bidi_open", "span", 1);
    open.attrs = [
      ["dir", "ltr"],
      ["lang", LATIN_LANG],
    ];
    tokens.push(open, text, new state.Token("bidi_close", "span", -1));
  }
  return tokens;
}

const LTR_ATTRS: [string, string][] = [
  ["dir", "ltr"],
  ["lang", LATIN_LANG],
];

/**
 * A markdown-it plugin isolating the Latin runs of body text. Code is left to right as a whole:
 * a code span gets `dir="ltr" lang="en"`, and so does a code block's `<pre>` (so its lines start
 * on the left, as code does).
 */
export function isolateLatinInMarkdown(md: MarkdownIt): void {
  md.core.ruler.push("sarkhat_bidi", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      block.children = block.children.flatMap((token) => {
        if (token.type === "code_inline") token.attrs = [...(token.attrs ?? []), ...LTR_ATTRS];
        return token.type === "text" ? isolatedTokens(state, token) : [token];
      });
    }
  });
  for (const rule of ["fence", "code_block"] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (...args) =>
      render(...args).replace(/^<pre\b/, `<pre dir="ltr" lang="${LATIN_LANG}"`);
  }
}
