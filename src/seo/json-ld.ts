/**
 * schema.org structured data as JSON-LD, for search engines and social apps.
 */
import type { Article } from "../article.ts";
import type { Crumb } from "../content/listings.ts";
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { absoluteUrl } from "../urls.ts";

export type JsonLd = Record<string, unknown>;

/** The site logo, a PNG as Google's publisher guidelines ask. */
export const LOGO_PATH = "/icon-512.png";

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as JSON
 * unicode escapes, so a `</script>` in a title cannot end the element, and U+2028/U+2029 are
 * escaped for old JavaScript parsers. The JSON value is unchanged.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function organization(): JsonLd {
  return {
    "@type": "NewsMediaOrganization",
    "@id": `${absoluteUrl("/")}#organization`,
    name: site.name,
    alternateName: site.nameLatin,
    url: absoluteUrl("/"),
    logo: { "@type": "ImageObject", url: absoluteUrl(LOGO_PATH), width: 512, height: 512 },
  };
}

export function webSite(): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": `${absoluteUrl("/")}#website`,
    name: site.name,
    description: site.description,
    url: absoluteUrl("/"),
    inLanguage: site.lang,
    publisher: { "@id": `${absoluteUrl("/")}#organization` },
  };
}

export function homeGraph(): JsonLd {
  return { "@context": "https://schema.org", "@graph": [webSite(), organization()] };
}

export function newsArticle(article: Article): JsonLd {
  const url = absoluteUrl(article.url);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.lead,
    datePublished: toIsoWithOffset(article.date, site.timeZone),
    dateModified: toIsoWithOffset(article.modified ?? article.date, site.timeZone),
    author: article.author
      ? { "@type": "Person", name: article.author }
      : { "@type": "NewsMediaOrganization", name: site.name, url: absoluteUrl("/") },
    publisher: organization(),
    image: [absoluteUrl(LOGO_PATH)],
    inLanguage: site.lang,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    articleSection: article.section.name,
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    identifier: String(article.code),
  };
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}
