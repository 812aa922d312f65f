/**
 * Feed links for pages: `<link rel="alternate">` in the head (all three formats, absolute URLs,
 * as feed readers and browser extensions discover them) and a visible list for a page's body.
 */
import { ltr } from "../src/bidi.ts";
import { FEED_FORMAT_NAMES, FEED_FORMATS } from "../src/feeds/catalog.ts";
import { html, type SafeHtml } from "../src/html.ts";
import { FEED_TYPES, routes } from "../src/routes.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";

/** The `<head>` links advertising the three feeds that follow `pagePath`, titled «title (RSS)» etc. */
export function feedAlternateLinks(pagePath: string, title: string): SafeHtml {
  return html`${FEED_FORMATS.map(
    (format) =>
      html`<link
        rel="alternate"
        type="${FEED_TYPES[format]}"
        title="${title} (${FEED_FORMAT_NAMES[format]})"
        href="${absoluteUrl(routes.feed(pagePath, format))}"
      /> `,
  )}`;
}

/** A visible list of the three feeds that follow `pagePath`, and the way to the subscribe page. */
export function feedLinksList(pagePath: string): SafeHtml {
  return html`<ul class="feed-links">
    ${FEED_FORMATS.map((format) => html`<li><a href="${sitePath(routes.feed(pagePath, format))}" type="${FEED_TYPES[format]}">${ltr(FEED_FORMAT_NAMES[format])}</a></li> `)}
    <li><a href="${sitePath(routes.subscribe())}">راهنمای اشتراک</a></li>
  </ul>`;
}
