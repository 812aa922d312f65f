/**
 * feeds.css, the small stylesheet of the subscribe page and the feed preview, fingerprinted like
 * the site's own (src/assets.ts) so hosts can cache it forever.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fingerprint } from "../assets.ts";

const SOURCE = fileURLToPath(new URL("../../assets/css/feeds.css", import.meta.url));

export interface Stylesheet {
  /** Site path of the fingerprinted copy. */
  path: string;
  content: string;
}

/** Read feeds.css (it is small; reading it per build keeps `npm start` showing edits). */
export function feedsStylesheet(): Stylesheet {
  const content = readFileSync(SOURCE, "utf8");
  return { path: `/assets/feeds.${fingerprint(content)}.css`, content };
}
