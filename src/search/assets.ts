/**
 * The search page's own assets, fingerprinted like the site's stylesheet (src/assets.ts): its
 * script, bundled from TypeScript by esbuild (the only JavaScript the site ships), and its styles.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fingerprint } from "../assets.ts";
import { bundleContents, cachedBundle } from "../bundle-cache.ts";

export interface SearchAssets {
  script: { path: string; content: string };
  style: { path: string; content: string };
}

const SCRIPT_ENTRY = fileURLToPath(new URL("./browser/search-page.ts", import.meta.url));
const STYLESHEET = fileURLToPath(new URL("../../assets/css/search.css", import.meta.url));

/** Bundle the search page's script for the browsers the site supports, minified. */
export async function bundleSearchScript(): Promise<string> {
  const bundle = await cachedBundle(
    "search-page",
    SCRIPT_ENTRY,
    {
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2020"],
      minify: true,
      legalComments: "none",
    },
    import.meta.filename,
  );
  return bundleContents(bundle).toString("utf8");
}

export async function buildSearchAssets(): Promise<SearchAssets> {
  const script = await bundleSearchScript();
  const style = readFileSync(STYLESHEET, "utf8");
  return {
    script: { path: `/assets/search.${fingerprint(script)}.js`, content: script },
    style: { path: `/assets/search.${fingerprint(style)}.css`, content: style },
  };
}
