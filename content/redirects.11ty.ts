import type { Newsroom } from "../src/content/newsroom.ts";
import { routes } from "../src/routes.ts";
import { sitePath } from "../src/urls.ts";

// Netlify/Cloudflare Pages-style redirects: short links answer with a real 301.
export const data = { permalink: "/_redirects", eleventyExcludeFromCollections: true };

export function render(data: { newsroom: Newsroom }): string {
  return data.newsroom.articles
    .map((article) => `${sitePath(routes.short(article.code))} ${sitePath(article.url)} 301\n`)
    .join("");
}
