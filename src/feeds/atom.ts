/**
 * Atom 1.0 (RFC 4287), written to pass the W3C Feed Validation Service without errors or warnings:
 * `xml:lang="fa-IR"` on the root (readers that honour it lay every entry out right-to-left),
 * a `self` link, ids that are `urn:uuid:` URNs, RFC 3339 dates with the Tehran offset, an
 * author at feed level, all feed metadata before the first entry, and text constructs whose type
 * matches their content (see `textConstruct`).
 */
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { absoluteUrl, sitePath } from "../urls.ts";
import type { FeedDescription, FeedItem } from "./items.ts";
import { FEED_PREVIEW_PATH } from "./preview.ts";
import { htmlText, xmlAttribute as attr, xmlText as text } from "./xml-text.ts";

const date = (value: Date) => toIsoWithOffset(value, site.timeZone);

/**
 * A plain-text construct. `type="text"` when the text has no `<` or `&`; otherwise `type="html"`
 * with the text escaped as HTML: the validator takes `</b>` or `&amp;` inside `type="text"` for
 * undeclared HTML and warns, while readers decode both forms to the same text.
 */
export function textConstruct(element: string, value: string): string {
  return /[<&]/.test(value)
    ? `<${element} type="html">${text(htmlText(value))}</${element}>`
    : `<${element} type="text">${text(value)}</${element}>`;
}

// Written again for each feed the item appears in, as RSS items are (rss.ts says why).
function renderEntry(item: FeedItem): string {
  const categories = [item.section, ...item.tags]
    .map((category) => `<category term="${attr(category)}"/>\n`)
    .join("");
  return `<entry>
<id>${text(item.id)}</id>
${textConstruct("title", item.title)}
<link rel="alternate" type="text/html" href="${attr(item.url)}"/>
<published>${date(item.published)}</published>
<updated>${date(item.updated)}</updated>
${item.author ? `<author><name>${text(item.author)}</name></author>\n` : ""}${categories}${textConstruct("summary", item.summary)}
<content type="html">${text(item.contentHtml)}</content>
</entry>
`;
}

export function renderAtom(feed: FeedDescription): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="${attr(sitePath(FEED_PREVIEW_PATH))}"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(feed.language)}">
<id>${text(feed.id)}</id>
${textConstruct("title", feed.title)}
${textConstruct("subtitle", feed.description)}
<link rel="self" type="application/atom+xml" href="${attr(feed.feedUrls.atom)}"/>
<link rel="alternate" type="text/html" href="${attr(feed.homeUrl)}"/>
<updated>${date(feed.updated)}</updated>
<author><name>${text(site.name)}</name><uri>${text(absoluteUrl("/"))}</uri></author>
<icon>${text(absoluteUrl("/icon.svg"))}</icon>
${feed.items.map(renderEntry).join("")}</feed>
`;
}
