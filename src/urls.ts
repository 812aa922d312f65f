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

/** A site-relative path (`/news/1001/`) as it is linked from pages: with the prefix, percent-encoded. */
export function sitePath(path: string): string {
  if (!path.startsWith("/"))
    throw new Error(`sitePath expects a path starting with /, got ${JSON.stringify(path)}`);
  return encodeURI(pathPrefix + path.slice(1));
}

/** The absolute URL of a site path, for feeds, canonical links and metadata. */
export function absoluteUrl(path: string): string {
  return new URL(sitePath(path), `${site.url}/`).href;
}
