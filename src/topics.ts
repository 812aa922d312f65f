/**
 * Topics: tags with URLs that stay one per topic however the tag is spelled.
 */
import { toMatchKey } from "./persian/match-key.ts";

export interface Topic {
  /** The tag as the editor wrote it (trimmed). */
  name: string;
  /** The URL segment, raw Unicode: also the folder name on disk. */
  slug: string;
}

/**
 * The URL segment for a Persian (or Latin) topic name. Eleventy's `slugify` transliterates
 * «گروه مینسک» to `grwh-mynsk`, unreadable to everyone; instead the name keeps its letters and
 * goes through the same match key as search, so «تروریست‌ها», «تروریستها» and «تروريستها»
 * share one URL. Returns "" when nothing usable is left (the caller reports that as an error).
 */
export function slugifyTopic(name: string): string {
  if (typeof name !== "string")
    throw new TypeError(`slugifyTopic expects a string, got ${typeof name}`);
  // A newsroom reuses a few hundred tags across thousands of articles: each is keyed once.
  let slug = slugs.get(name);
  if (slug === undefined) slugs.set(name, (slug = computeSlug(name)));
  return slug;
}

const slugs = new Map<string, string>();

function computeSlug(name: string): string {
  return toMatchKey(name)
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export function toTopic(name: string): Topic {
  const trimmed = name.trim();
  return { name: trimmed, slug: slugifyTopic(trimmed) };
}

/** Percent-encode a raw path for use in `href`s, feeds and the sitemap. */
export function encodePath(path: string): string {
  return encodeURI(path);
}
