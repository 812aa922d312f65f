import { absoluteUrl } from "../src/urls.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render(): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("/sitemap.xml")}\n`;
}
