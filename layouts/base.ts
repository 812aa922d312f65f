/**
 * The page shell every page shares: `<html lang dir>`, head metadata, header, footer.
 */
import type { Assets } from "../src/assets.ts";
import { ltr } from "../src/bidi.ts";
import { html, raw, type SafeHtml } from "../src/html.ts";
import { routes } from "../src/routes.ts";
import { contentSecurityPolicy, metaPolicyForPath } from "../src/security/csp.ts";
import { site } from "../src/site.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";
import { feedTitle } from "../src/feeds/catalog.ts";
import { feedAlternateLinks } from "./feed-links.ts";

export interface PageOptions {
  /** Site path of this page, e.g. `/news/1001/`. */
  path: string;
  /** The page's own title; the site name is appended, except on the home page. */
  title?: string;
  description: string;
  body: SafeHtml;
  assets: Assets;
  /** Extra `<head>` markup (Open Graph, JSON-LD, more feed links). */
  head?: SafeHtml;
  /** A section's or topic's own feeds, advertised beside the site's (rendering: feeds helper). */
  feeds?: { pagePath: string; title: string };
  /** A robots directive, e.g. `noindex` for the 404 page. */
  robots?: string;
}

/** The site-wide feeds (RSS, Atom, JSON Feed) follow the home page; every page advertises them. */
export const siteFeedsPath = routes.home();

function header(): SafeHtml {
  return html`<header class="site-header">
<div class="wrap">
<a class="site-name" href="${sitePath("/")}">${site.name}</a>
<nav class="site-nav" aria-label="سرویس‌ها">
<ul>${site.sections.map((section) => html`<li><a href="${sitePath(routes.section(section))}">${section.name}</a></li>`)}
<li><a href="${sitePath(routes.subscribe())}">اشتراک</a></li>
<li><a href="${sitePath(routes.search())}">جست‌وجو</a></li></ul>
</nav>
</div>
</header>`;
}

function footer(): SafeHtml {
  return html`<footer class="site-footer">
<div class="wrap">
<ul>
<li><a href="${sitePath("/")}">${site.name}</a></li>
<li><a href="${sitePath(routes.archive())}">بایگانی</a></li>
<li><a href="${sitePath(routes.tags())}">برچسب‌ها</a></li>
<li><a href="${sitePath(routes.about())}">درباره سرخط</a></li>
<li><a href="${sitePath(routes.subscribe())}">اشتراک با خبرخوان</a></li>
<li><a href="${sitePath(routes.feed(siteFeedsPath, "rss"))}" type="application/rss+xml">خبرخوان (${ltr("RSS")})</a></li>
</ul>
</div>
</footer>`;
}

// The parts of the shell that are the same on every page (the path prefix is fixed per process):
// made once, not once per page (profiled: 0.1–0.2 s of a 10,000-article build).
let shell: { header: SafeHtml; footer: SafeHtml; siteFeeds: SafeHtml } | undefined;
const metaPolicies = new Map<string, string>();

// Pages fall into a handful of policies (src/security/csp.ts): each is written out once.
function metaPolicy(path: string): string {
  const policy = metaPolicyForPath(path);
  const key = (policy.scripts ?? []).join(" ");
  let content = metaPolicies.get(key);
  if (content === undefined)
    metaPolicies.set(key, (content = contentSecurityPolicy(policy, "meta")));
  return content;
}

export function renderPage(options: PageOptions): string {
  shell ??= {
    header: header(),
    footer: footer(),
    siteFeeds: feedAlternateLinks(siteFeedsPath, site.name),
  };
  const title = options.title
    ? `${options.title} | ${site.name}`
    : `${site.name} | ${site.description}`;
  // Both Persian faces: every page shows bold (site name, headings) above the fold, and a face that
  // arrives late re-lays the whole page out (Lighthouse, article: TBT 0–150 ms instead of 10–1,270).
  const fonts = options.assets.fonts.filter((font) => font.path.includes("arabic"));
  return `<!doctype html>
${html`<html lang="${site.lang}" dir="${site.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${metaPolicy(options.path)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${options.description}">
${options.robots ? html`<meta name="robots" content="${options.robots}">\n` : ""}
<link rel="canonical" href="${absoluteUrl(options.path)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${sitePath("/icon.svg")}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${sitePath("/icon-192.png")}">
<link rel="manifest" href="${sitePath("/manifest.webmanifest")}">
${fonts.map((font) => html`<link rel="preload" href="${sitePath(font.path)}" as="font" type="font/woff2" crossorigin>\n`)}<link rel="stylesheet" href="${sitePath(options.assets.css.path)}">
${shell.siteFeeds}${options.feeds ? feedAlternateLinks(options.feeds.pagePath, feedTitle(options.feeds.title)) : ""}${options.head ?? raw("")}</head>
<body>
<a class="skip-link" href="#main">پرش به محتوا</a>
${shell.header}
<main id="main" class="wrap">
${options.body}
</main>
${shell.footer}
</body>
</html>
`}`;
}
