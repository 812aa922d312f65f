/**
 * A link checker over a whole built site: every internal link, source and reference in pages,
 * stylesheets, feeds, the sitemap, robots.txt, the manifest and `_redirects` must resolve to a
 * file of the build (and an `#id` to an element of its page), under the site's path prefix,
 * percent-encoded. It reads the output as a static host serves it: `/x/` is `x/index.html`.
 */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import { type CheerioAPI, load } from "cheerio";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface LinkCheckOptions {
  /** The built site. */
  siteDir: string;
  /** The origin the site is built for (`SITE_URL`): absolute URLs on it are internal links. */
  siteUrl: string;
  /** `PATH_PREFIX`, normalised (`/` or `/news-site/`): every internal URL must stay under it. */
  pathPrefix?: string;
}

export interface BrokenLink {
  /** The output file the link is in, relative to the site folder. */
  file: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  /** Files read. */
  files: number;
  /** Internal links checked. */
  checked: number;
  broken: BrokenLink[];
}

/** A reference found in a file, and the URL it is relative to. */
interface Reference {
  link: string;
  base: URL;
  /** False for identifiers that only look like anchors (JSON-LD `@id`s such as `…/#article`). */
  anchors?: boolean;
}

const UNSAFE_SCHEME = /^\s*(?:javascript|data|vbscript):/i;
// A URL written into a file must already be percent-encoded: raw Persian letters or spaces are
// repaired by browsers but not by every feed reader or sitemap consumer.
const NOT_ENCODED = /[^\x21-\x7E]/;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/** The URL a file is served at: `news/1/index.html` → `<origin><prefix>news/1/`. */
function urlOfFile(file: string, origin: string, prefix: string): URL {
  const servedPath =
    file === "index.html" || file.endsWith("/index.html")
      ? file.slice(0, -"index.html".length)
      : file;
  return new URL(encodeURI(prefix + servedPath), origin);
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

const HTML_ATTRIBUTES = [
  ["a, area, link", "href"],
  ["img, script, iframe, source, audio, video, track, embed, input", "src"],
  ["video", "poster"],
  ["object", "data"],
  ["form", "action"],
  ["blockquote, q, del, ins", "cite"],
] as const;

// Metadata whose value is a URL of the site (Open Graph, Twitter cards).
const URL_METAS =
  'meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"], meta[name="twitter:url"]';

function htmlReferences($: CheerioAPI, base: URL): Reference[] {
  const references: Reference[] = [];
  const add = (link: string | undefined) => {
    if (link !== undefined) references.push({ link, base });
  };
  for (const [selector, attribute] of HTML_ATTRIBUTES)
    $(selector).each((_, element) => add($(element).attr(attribute)));
  $("img[srcset], source[srcset]").each((_, element) =>
    srcsetUrls($(element).attr("srcset") ?? "").forEach(add),
  );
  $(URL_METAS).each((_, element) => add($(element).attr("content")));
  $('meta[http-equiv="refresh" i]').each((_, element) =>
    add(/url=(.*)$/i.exec($(element).attr("content") ?? "")?.[1]?.trim()),
  );
  // JSON-LD: every URL-valued field that points into the site.
  $('script[type="application/ld+json"]').each((_, element) => {
    for (const link of jsonUrls(JSON.parse($(element).text()) as unknown))
      references.push({ link, base, anchors: false });
  });
  return references;
}

const JSON_URL_KEYS =
  /^(?:url|@id|id|src|icon|favicon|image|banner_image|avatar|logo|start_url|scope|home_page_url|feed_url|next_url|external_url|sameAs|item)$/;

/** URL-valued fields of a JSON document (JSON Feed, manifest, JSON-LD), by key. */
function jsonUrls(value: unknown, key = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => jsonUrls(item, key));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([childKey, child]) => jsonUrls(child, childKey));
  if (
    typeof value === "string" &&
    JSON_URL_KEYS.test(key) &&
    /^(?:[a-z][a-z0-9+.-]*:|\/|\.)/i.test(value)
  )
    return [value];
  return [];
}

function jsonHtml(value: unknown, key = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => jsonHtml(item, key));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([childKey, child]) => jsonHtml(child, childKey));
  return typeof value === "string" && key === "content_html" ? [value] : [];
}

function* xmlElements(node: XmlNode): Generator<XmlElement> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) {
      yield child as XmlElement;
      yield* xmlElements(child);
    }
  }
}

const ATOM = "http://www.w3.org/2005/Atom";

/** Links in RSS, Atom and sitemaps, plus those inside their HTML content. */
function xmlReferences(text: string, base: URL): { references: Reference[]; error?: string } {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(text, "text/xml");
  if (errors.length) return { references: [], error: errors.join("; ") };
  const references: Reference[] = [];
  const add = (link: string | null | undefined) => {
    if (link) references.push({ link: link.trim(), base });
  };
  for (let node = document.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE && node.nodeName === "xml-stylesheet") {
      add(/href="([^"]*)"/.exec((node as unknown as { data: string }).data)?.[1]);
    }
  }
  for (const element of xmlElements(document)) {
    const name = element.localName;
    const inAtom = element.namespaceURI === ATOM;
    if (inAtom && name === "link") add(element.getAttribute("href"));
    else if (!inAtom && (name === "link" || name === "loc") && !element.getAttribute("href"))
      add(element.textContent);
    else if (name === "link" && element.getAttribute("href")) add(element.getAttribute("href"));
    else if (name === "guid" && element.getAttribute("isPermaLink") !== "false")
      add(element.textContent);
    else if (name === "enclosure") add(element.getAttribute("url"));
    else if (inAtom && (name === "icon" || name === "logo")) add(element.textContent);
    // HTML carried as text: RSS content:encoded, Atom content/summary of type html.
    const carriesHtml =
      name === "encoded" ||
      (inAtom &&
        (name === "content" || name === "summary") &&
        element.getAttribute("type") === "html");
    if (carriesHtml) references.push(...htmlReferences(load(element.textContent ?? ""), base));
  }
  return { references };
}

function cssReferences(text: string, base: URL): Reference[] {
  return [...text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => ({
    link: match[2]!,
    base,
  }));
}

/** Check every internal link of a built site; the report lists each broken one with its file. */
export function checkLinks(options: LinkCheckOptions): LinkReport {
  const prefix = options.pathPrefix ?? "/";
  const origin = new URL(options.siteUrl).origin;
  const files = listFiles(options.siteDir);
  const broken: BrokenLink[] = [];
  const idsByFile = new Map<string, Set<string>>();
  let checked = 0;

  const idsOf = (file: string): Set<string> => {
    let ids = idsByFile.get(file);
    if (!ids) {
      const $ = load(readFileSync(path.join(options.siteDir, file), "utf8"));
      ids = new Set([
        ...$("[id]")
          .map((_, element) => $(element).attr("id"))
          .get(),
        ...$("a[name]")
          .map((_, element) => $(element).attr("name"))
          .get(),
      ]);
      idsByFile.set(file, ids);
    }
    return ids;
  };

  const check = (file: string, { link, base, anchors = true }: Reference) => {
    const report = (reason: string) => broken.push({ file, link, reason });
    if (UNSAFE_SCHEME.test(link)) return report("an unsafe URL scheme");
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      return report("not a URL");
    }
    if (url.origin !== origin || !/^https?:$/.test(url.protocol)) return; // another site, mailto:, tel:
    checked++;
    if (NOT_ENCODED.test(link)) return report("not percent-encoded");
    if (!url.pathname.startsWith(prefix)) return report(`outside the path prefix ${prefix}`);
    let relative: string;
    try {
      relative = url.pathname.slice(prefix.length).split("/").map(decodeURIComponent).join("/");
    } catch {
      return report("malformed percent-encoding");
    }
    const target = relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
    const absolute = path.join(options.siteDir, target);
    if (!absolute.startsWith(path.resolve(options.siteDir) + path.sep))
      return report("outside the site folder");
    if (!existsSync(absolute)) return report("no such file in the build");
    if (statSync(absolute).isDirectory())
      return report("a folder: link to it with a trailing slash");
    if (anchors && url.hash && target.endsWith(".html")) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (!idsOf(target).has(id)) report(`no element with id "${id}" in ${target}`);
    }
  };

  for (const file of files) {
    const base = urlOfFile(file, origin, prefix);
    const text = (): string => readFileSync(path.join(options.siteDir, file), "utf8");
    let references: Reference[] = [];
    if (file.endsWith(".html")) {
      references = htmlReferences(load(text()), base);
    } else if (file.endsWith(".xml") || file.endsWith(".xsl")) {
      const parsed = xmlReferences(text(), base);
      if (parsed.error)
        broken.push({ file, link: "", reason: `not well-formed XML: ${parsed.error}` });
      // In an XSLT stylesheet, `{…}` values are templates filled from the feed, not links yet.
      references = file.endsWith(".xsl")
        ? parsed.references.filter((reference) => !reference.link.includes("{"))
        : parsed.references;
    } else if (file.endsWith(".json") || file.endsWith(".webmanifest")) {
      const json = JSON.parse(text()) as unknown;
      references = [
        ...jsonUrls(json).map((link) => ({ link, base, anchors: false })),
        ...jsonHtml(json).flatMap((html) => htmlReferences(load(html), base)),
      ];
    } else if (file.endsWith(".css")) {
      references = cssReferences(text(), base);
    } else if (file === "robots.txt") {
      references = [...text().matchAll(/^sitemap:\s*(\S+)/gim)].map((match) => ({
        link: match[1]!,
        base,
      }));
    } else if (file === "_redirects") {
      // `from to status`: the target must exist (the source is a path no file needs to have).
      references = text()
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields.length >= 2 && !fields[0]!.startsWith("#"))
        .map((fields) => ({ link: fields[1]!, base }));
    }
    for (const reference of references) check(file, reference);
  }
  return { files: files.length, checked, broken };
}

/** One line per broken link: `file: link — reason`. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((item) => `${item.file}: ${item.link || "(file)"} — ${item.reason}`).join("\n");
}
