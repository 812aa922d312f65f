/**
 * The browser preview of `/feed.xml` and `/atom.xml`: an XSLT stylesheet that turns either feed
 * into a right-to-left Persian page listing its items and explaining how to subscribe, instead of
 * a tree of raw XML. It loads nothing from another host and has no inline style or script (the
 * site's Content-Security-Policy allows neither): it links the site's stylesheet and feeds.css.
 *
 * The stylesheet must be served from the same origin as the feed (browsers refuse cross-origin
 * XSLT), so feeds link it by site path, not by absolute URL.
 */
import { LATIN_LANG } from "../bidi.ts";
import { routes } from "../routes.ts";
import { site } from "../site.ts";
import { sitePath } from "../urls.ts";
import { xmlAttribute as attr, xmlText as text } from "./xml-text.ts";

/** Site path of the stylesheet both XML feeds name in their `xml-stylesheet` instruction. */
export const FEED_PREVIEW_PATH = "/feed.xsl";

export interface PreviewOptions {
  /** Site paths of the stylesheets the page links, in order. */
  stylesheets: readonly string[];
}

/** Latin written into the page's own Persian text, isolated as the site's pages do (src/bidi.ts). */
const latin = (value: string) => `<span dir="ltr" lang="${LATIN_LANG}">${text(value)}</span>`;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Named templates shared by both formats (XSLT 1.0: no regular expressions, so text is walked).
const TEMPLATES = `<xsl:variable name="latin-letters" select="'${LETTERS}'"/>
<xsl:variable name="letter-marks" select="'${"a".repeat(LETTERS.length)}'"/>
<xsl:variable name="word-characters" select="'${LETTERS}0123456789'"/>
<xsl:variable name="joiners"> -.'’&amp;/+:_@#%?=~</xsl:variable>

<!-- RSS <description> and Atom type="html" carry plain text escaped as HTML (xml-text.ts
     htmlText escapes exactly &, < and >): undo those three. -->
<xsl:template name="unescape">
<xsl:param name="text"/>
<xsl:choose>
<xsl:when test="contains($text, '&amp;')">
<xsl:value-of select="substring-before($text, '&amp;')"/>
<xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
<xsl:choose>
<xsl:when test="starts-with($rest, 'lt;')"><xsl:text>&lt;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
<xsl:when test="starts-with($rest, 'gt;')"><xsl:text>&gt;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
<xsl:when test="starts-with($rest, 'amp;')"><xsl:text>&amp;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
<xsl:otherwise><xsl:text>&amp;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="$rest"/></xsl:call-template></xsl:otherwise>
</xsl:choose>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<!-- The plain text of a feed field: unescaped when it is HTML (RSS description, Atom type="html"). -->
<xsl:template name="plain">
<xsl:param name="node"/>
<xsl:param name="html" select="false()"/>
<xsl:choose>
<xsl:when test="$html or $node/@type = 'html'"><xsl:call-template name="unescape"><xsl:with-param name="text" select="string($node)"/></xsl:call-template></xsl:when>
<xsl:otherwise><xsl:value-of select="$node"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<!-- A feed field shown in the page: its Latin runs isolated, as src/bidi.ts does for pages. -->
<xsl:template name="shown">
<xsl:param name="node"/>
<xsl:param name="html" select="false()"/>
<xsl:variable name="plain"><xsl:call-template name="plain"><xsl:with-param name="node" select="$node"/><xsl:with-param name="html" select="$html"/></xsl:call-template></xsl:variable>
<xsl:call-template name="isolate-latin"><xsl:with-param name="text" select="string($plain)"/></xsl:call-template>
</xsl:template>

<!-- Text with every Latin run in <span dir="ltr" lang="${LATIN_LANG}">: a run starts with a Latin
     letter, goes on through letters and ASCII digits and the punctuation that joins them inside a
     name («Nahid-2», «AT&amp;T»), and ends on a letter or digit (src/bidi.ts, for ASCII letters). -->
<xsl:template name="isolate-latin">
<xsl:param name="text"/>
<xsl:variable name="marked" select="translate($text, $latin-letters, $letter-marks)"/>
<xsl:choose>
<xsl:when test="contains($marked, 'a')">
<xsl:variable name="before" select="string-length(substring-before($marked, 'a'))"/>
<xsl:value-of select="substring($text, 1, $before)"/>
<xsl:variable name="rest" select="substring($text, $before + 1)"/>
<xsl:variable name="length"><xsl:call-template name="latin-run-length"><xsl:with-param name="text" select="$rest"/><xsl:with-param name="length" select="1"/></xsl:call-template></xsl:variable>
<span dir="ltr" lang="${LATIN_LANG}"><xsl:value-of select="substring($rest, 1, $length)"/></span>
<xsl:call-template name="isolate-latin"><xsl:with-param name="text" select="substring($rest, $length + 1)"/></xsl:call-template>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<!-- How long the Latin run at the start of $text is, knowing its first $length characters are in it. -->
<xsl:template name="latin-run-length">
<xsl:param name="text"/>
<xsl:param name="length"/>
<xsl:variable name="next" select="substring($text, $length + 1, 1)"/>
<xsl:choose>
<xsl:when test="$next != '' and contains($word-characters, $next)">
<xsl:call-template name="latin-run-length"><xsl:with-param name="text" select="$text"/><xsl:with-param name="length" select="$length + 1"/></xsl:call-template>
</xsl:when>
<xsl:when test="$next != '' and contains($joiners, $next)">
<xsl:variable name="joined"><xsl:call-template name="joiners-length"><xsl:with-param name="text" select="substring($text, $length + 1)"/><xsl:with-param name="length" select="1"/></xsl:call-template></xsl:variable>
<xsl:variable name="after" select="substring($text, $length + $joined + 1, 1)"/>
<xsl:choose>
<xsl:when test="$after != '' and contains($word-characters, $after)">
<xsl:call-template name="latin-run-length"><xsl:with-param name="text" select="$text"/><xsl:with-param name="length" select="$length + $joined + 1"/></xsl:call-template>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$length"/></xsl:otherwise>
</xsl:choose>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$length"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<!-- How many joiner characters $text starts with, knowing the first $length are. -->
<xsl:template name="joiners-length">
<xsl:param name="text"/>
<xsl:param name="length"/>
<xsl:variable name="next" select="substring($text, $length + 1, 1)"/>
<xsl:choose>
<xsl:when test="$next != '' and contains($joiners, $next)">
<xsl:call-template name="joiners-length"><xsl:with-param name="text" select="$text"/><xsl:with-param name="length" select="$length + 1"/></xsl:call-template>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$length"/></xsl:otherwise>
</xsl:choose>
</xsl:template>`;

/** XSLT snippets that read one format: the same page is written from either. */
interface FormatReader {
  /** The feed's title as plain text (for `<title>`), and as shown in the page. */
  title: string;
  heading: string;
  description: string;
  /** XPath of the HTML page's URL and of the feed's own URL (for attribute value templates). */
  home: string;
  self: string;
  items: string;
}

const shown = (node: string, html = false) =>
  `<xsl:call-template name="shown"><xsl:with-param name="node" select="${node}"/>${html ? `<xsl:with-param name="html" select="true()"/>` : ""}</xsl:call-template>`;
const plain = (node: string) =>
  `<xsl:call-template name="plain"><xsl:with-param name="node" select="${node}"/></xsl:call-template>`;

const RSS: FormatReader = {
  title: plain("/rss/channel/title"),
  heading: shown("/rss/channel/title"),
  description: shown("/rss/channel/description"),
  home: "/rss/channel/link",
  self: "/rss/channel/atom:link[@rel='self']/@href",
  items: `<xsl:for-each select="/rss/channel/item">
<li><article>
<h3><a href="{link}">${shown("title")}</a></h3>
<p>${shown("description", true)}</p>
</article></li>
</xsl:for-each>`,
};

const ATOM: FormatReader = {
  title: plain("/atom:feed/atom:title"),
  heading: shown("/atom:feed/atom:title"),
  description: shown("/atom:feed/atom:subtitle"),
  home: "/atom:feed/atom:link[@rel='alternate']/@href",
  self: "/atom:feed/atom:link[@rel='self']/@href",
  items: `<xsl:for-each select="/atom:feed/atom:entry">
<li><article>
<h3><a href="{atom:link[@rel='alternate']/@href}">${shown("atom:title")}</a></h3>
<p>${shown("atom:summary")}</p>
</article></li>
</xsl:for-each>`,
};

function page(options: PreviewOptions, read: FormatReader): string {
  return `<html lang="${attr(site.lang)}" dir="${attr(site.dir)}">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${read.title} — پیش‌نمایش خوراک</title>
<link rel="icon" href="${attr(sitePath("/icon.svg"))}" type="image/svg+xml"/>
${options.stylesheets.map((path) => `<link rel="stylesheet" href="${attr(sitePath(path))}"/>`).join("\n")}
</head>
<body>
<a class="skip-link" href="#main">پرش به محتوا</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="${attr(sitePath(routes.home()))}">${text(site.name)}</a>
</div>
</header>
<main id="main" class="wrap feed-preview">
<p class="feed-kind">پیش‌نمایش خوراک</p>
<h1>${read.heading}</h1>
<p>${read.description}</p>
<section class="feed-howto" aria-labelledby="feed-howto-title">
<h2 id="feed-howto-title">این صفحه یک خوراک (فید) است</h2>
<p>خوراک همان خبرهای این صفحه است، برای خبرخوان‌ها. نشانی آن را به یک خبرخوان بدهید تا هر خبر تازه خودش به شما برسد و لازم نباشد هر روز به سایت سر بزنید.</p>
<ol>
<li>نشانی زیر را کپی کنید.</li>
<li>در خبرخوان خود (هر برنامه یا سایتی که ${latin("RSS")} یا ${latin("Atom")} می‌خواند) گزینهٔ افزودن خوراک را بزنید و نشانی را آنجا بچسبانید.</li>
</ol>
<p class="feed-url-field"><label for="feed-url">نشانی این خوراک</label>
<input id="feed-url" class="feed-url" type="text" readonly="readonly" dir="ltr" value="{${read.self}}"/></p>
<ul class="feed-more">
<li><a href="${attr(sitePath(routes.subscribe()))}">همهٔ خوراک‌های ${text(site.name)} و راهنمای اشتراک</a></li>
<li><a href="{${read.home}}">دیدن همین خبرها در ${text(site.name)}</a></li>
</ul>
</section>
<h2>تازه‌ترین خبرهای این خوراک</h2>
<ol class="article-list feed-items">
${read.items}
</ol>
</main>
</body>
</html>`;
}

/** The XSLT stylesheet for both XML formats. */
export function renderFeedPreviewStylesheet(options: PreviewOptions): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="no"/>
<xsl:template match="/rss">
${page(options, RSS)}
</xsl:template>
<xsl:template match="/atom:feed">
${page(options, ATOM)}
</xsl:template>
${TEMPLATES}
</xsl:stylesheet>
`;
}
