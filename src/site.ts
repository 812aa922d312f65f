/**
 * Site metadata: the one place templates, feeds and tests read the site's identity from.
 */

/** A section (سرویس): a fixed, curated list, so an unknown section in front matter is a typo. */
export interface Section {
  /** The name readers see, as it is written in front matter. */
  readonly name: string;
  /** The URL segment: ASCII, short and stable, like the big Persian newsrooms use. */
  readonly slug: string;
}

export const sections: readonly Section[] = [
  { name: "سیاسی", slug: "politics" },
  { name: "بین‌الملل", slug: "world" },
  { name: "اقتصادی", slug: "economy" },
  { name: "اجتماعی", slug: "society" },
  { name: "فرهنگی", slug: "culture" },
  { name: "ورزشی", slug: "sport" },
  { name: "علمی", slug: "science" },
];

const DEFAULT_SITE_URL = "http://localhost:8080";

/**
 * The absolute origin (and optional path) the site is served from, without a trailing slash.
 * Read from `SITE_URL` so one build can target production and another a preview host.
 */
export function resolveSiteUrl(value = process.env.SITE_URL): string {
  const raw = value?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`SITE_URL must use http or https, got ${JSON.stringify(raw)}`);
  }
  return url.href.replace(/\/+$/, "");
}

export const site = {
  name: "سرخط",
  /** The Latin transliteration, for places that need ASCII (user agents, file names). */
  nameLatin: "Sarkhat",
  description: "سرخط؛ خبرهای ایران و جهان، سریع، سبک و بی‌واسطه",
  lang: "fa-IR",
  /** Open Graph wants an underscore locale. */
  ogLocale: "fa_IR",
  dir: "rtl",
  timeZone: "Asia/Tehran",
  url: resolveSiteUrl(),
  /** How many items a feed carries: the newest N. */
  feedSize: 20,
  /** How many articles one home/section/tag listing page shows. */
  pageSize: 20,
  sections,
} as const;

export type Site = typeof site;
