import { site } from "../src/site.ts";
import { sitePath } from "../src/urls.ts";

export const data = { permalink: "/manifest.webmanifest", eleventyExcludeFromCollections: true };

export function render(): string {
  const manifest = {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.lang,
    dir: site.dir,
    start_url: sitePath("/"),
    scope: sitePath("/"),
    display: "browser",
    background_color: "#fdfcfa",
    theme_color: "#a3160f",
    icons: [
      { src: sitePath("/icon.svg"), sizes: "any", type: "image/svg+xml" },
      { src: sitePath("/icon-192.png"), sizes: "192x192", type: "image/png" },
      { src: sitePath("/icon-512.png"), sizes: "512x512", type: "image/png" },
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
