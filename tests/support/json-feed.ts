/**
 * The rules of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) that a parser does not enforce,
 * as a list of problems: empty when the feed follows them.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function isAbsoluteUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkAuthors(authors: unknown, where: string, problems: string[]): void {
  if (authors === undefined) return;
  if (!Array.isArray(authors) || authors.length === 0)
    problems.push(`${where}.authors must be a non-empty array`);
  else
    authors.forEach((author, index) => {
      const a = author as Record<string, unknown>;
      if (typeof a.name !== "string" && typeof a.url !== "string")
        problems.push(`${where}.authors[${index}] needs a name or a url`);
    });
}

export function jsonFeedProblems(feed: unknown): string[] {
  const problems: string[] = [];
  if (typeof feed !== "object" || feed === null || Array.isArray(feed))
    return ["the feed must be a JSON object"];
  const f = feed as Record<string, unknown>;
  if (f.version !== "https://jsonfeed.org/version/1.1")
    problems.push(
      `version must be https://jsonfeed.org/version/1.1, got ${JSON.stringify(f.version)}`,
    );
  if (typeof f.title !== "string" || f.title === "")
    problems.push("title must be a non-empty string");
  for (const key of ["home_page_url", "feed_url", "favicon", "icon"] as const) {
    if (f[key] !== undefined && !isAbsoluteUrl(f[key]))
      problems.push(`${key} must be an absolute URL, got ${JSON.stringify(f[key])}`);
  }
  if (f.language !== undefined && typeof f.language !== "string")
    problems.push("language must be a string");
  checkAuthors(f.authors, "feed", problems);
  if (!Array.isArray(f.items)) return [...problems, "items must be an array"];
  const ids = new Set<string>();
  f.items.forEach((raw, index) => {
    const item = raw as Record<string, unknown>;
    const where = `items[${index}]`;
    if (typeof item.id !== "string" || item.id === "")
      problems.push(`${where}.id must be a non-empty string`);
    else if (ids.has(item.id)) problems.push(`${where}.id ${item.id} is not unique`);
    else ids.add(item.id);
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string")
      problems.push(`${where} needs content_html or content_text`);
    for (const key of ["title", "summary", "content_html", "content_text", "language"] as const) {
      if (item[key] !== undefined && typeof item[key] !== "string")
        problems.push(`${where}.${key} must be a string`);
    }
    for (const key of ["url", "external_url", "image", "banner_image"] as const) {
      if (item[key] !== undefined && !isAbsoluteUrl(item[key]))
        problems.push(`${where}.${key} must be an absolute URL`);
    }
    for (const key of ["date_published", "date_modified"] as const) {
      if (
        item[key] !== undefined &&
        (typeof item[key] !== "string" || !RFC3339.test(item[key] as string))
      )
        problems.push(`${where}.${key} must be RFC 3339, got ${JSON.stringify(item[key])}`);
    }
    if (
      item.tags !== undefined &&
      (!Array.isArray(item.tags) || item.tags.some((tag) => typeof tag !== "string"))
    )
      problems.push(`${where}.tags must be an array of strings`);
    checkAuthors(item.authors, where, problems);
  });
  return problems;
}
