/**
 * Site paths and absolute URLs, honouring `PATH_PREFIX` (a site served from `/news-site/`).
 */
import { site } from "./site.ts";

/** Normalise a path prefix to the form `/`, or `/news-site/` with both slashes. */
export function normalizePathPrefix(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed && !/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(
      `PATH_PREFIX must be a plain URL path like /news-site/, got ${JSON.stringify(value)}`,
    );
  }
  return trimmed ? `/${trimmed}/` : "/";
}

export const pathPrefix = normalizePathPrefix(process.env.PATH_PREFIX);

// A build links the same few thousand paths from many pages (every page's header, every list
// item, every feed): each is encoded and resolved once per process (the prefix and the site's
// URL are fixed per process). Profiled: `new URL` alone was 0.2 s of a 10,000-article build.
const sitePaths = new Map<string, string>();
const absoluteUrls = new Map<string, string>();

/** A site-relative path (`/news/1001/`) as it is linked from pages: with the prefix, percent-encoded. */
export function sitePath(path: string): string {
  let encoded = sitePaths.get(path);
  if (encoded === undefined) {
    if (!path.startsWith("/"))
      throw new Error(`sitePath expects a path starting with /, got ${JSON.stringify(path)}`);
    sitePaths.set(path, (encoded = encodeURI(pathPrefix + path.slice(1))));
  }
  return encoded;
}

/** The absolute URL of a site path, for feeds, canonical links and metadata. */
export function absoluteUrl(path: string): string {
  let url = absoluteUrls.get(path);
  if (url === undefined)
    absoluteUrls.set(path, (url = new URL(sitePath(path), `${site.url}/`).href));
  return url;
}
