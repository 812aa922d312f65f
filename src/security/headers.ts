/**
 * The `_headers` file (Netlify, Cloudflare Pages and compatible hosts): caching, security headers,
 * the Content-Security-Policy and the feeds' content types, written from the finished output.
 *
 * Hosts disagree on what happens when two matching rules set the same header (Cloudflare joins the
 * values with a comma, Netlify keeps one), so the rules are built so that never happens: security
 * headers only on `/*`; caching and the page policy once per top-level file or folder of the
 * output (which is why the file is written after the build, from the names really at the top of
 * the output); feed types only on the feeds. tests/unit/headers.test.ts checks that no path gets
 * a header twice.
 */
import { contentSecurityPolicy, policyForPath } from "./csp.ts";
import { FEED_TYPES, type FeedFormat } from "../routes.ts";

export interface HeaderRule {
  /** A URL pattern: an exact path, `/folder/*`, or `:name` for one path segment. */
  path: string;
  headers: readonly (readonly [name: string, value: string])[];
}

export interface HeaderOptions {
  /** The site's path prefix, `/` or `/news-site/`. */
  pathPrefix: string;
  /** Whether the site is served over HTTPS (then browsers are told to stay on it). */
  https: boolean;
}

/** Fingerprinted files (their name changes with their content) may be cached for a year. */
export const LONG_CACHE = "public, max-age=31536000, immutable";
/** Pages and feeds change with every publication: five minutes, like deploy/nginx.conf. */
export const SHORT_CACHE = "public, max-age=300";

/** The folder of fingerprinted assets (src/assets.ts names every file in it by its hash). */
const FINGERPRINTED_FOLDER = "assets";

const FEED_FILES: Record<string, FeedFormat> = {
  "feed.xml": "rss",
  "atom.xml": "atom",
  "feed.json": "json",
};

// Files the host reads itself and never serves.
const HOST_FILES = new Set(["_headers", "_redirects"]);

const PERMISSIONS = [
  "accelerometer",
  "camera",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
  "browsing-topics",
];

function securityHeaders(options: HeaderOptions): [string, string][] {
  const headers: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", PERMISSIONS.map((feature) => `${feature}=()`).join(", ")],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["X-Frame-Options", "DENY"],
  ];
  if (options.https) headers.push(["Strict-Transport-Security", "max-age=31536000"]);
  return headers;
}

/**
 * All the rules depend on: the names of the files and folders at the top of the output, and the
 * feed files (paths relative to the output folder, with `/`) wherever they are.
 */
export interface SiteOutline {
  topLevelFiles: readonly string[];
  /** Folders at the top (a build writes no empty folder; a rule for one would match nothing). */
  topLevelFolders: readonly string[];
  feedFiles: readonly string[];
}

/** Whether a file of this name is a feed (and gets a feed's content type). */
export function isFeedFile(name: string): boolean {
  return Object.hasOwn(FEED_FILES, name);
}

/** The outline of a site made of `files` (paths relative to the output folder, with `/`). */
export function outlineOf(files: readonly string[]): SiteOutline {
  const topLevelFiles = new Set<string>();
  const topLevelFolders = new Set<string>();
  const feedFiles: string[] = [];
  for (const file of files) {
    const [first, ...rest] = file.split("/");
    if (!first) continue;
    if (rest.length) topLevelFolders.add(first);
    else topLevelFiles.add(first);
    if (isFeedFile(rest.at(-1) ?? first)) feedFiles.push(file);
  }
  return { topLevelFiles: [...topLevelFiles], topLevelFolders: [...topLevelFolders], feedFiles };
}

/**
 * The rules for a site made of `files` (output paths relative to the output folder, with `/`), or
 * of its outline. The same site gives the same rules, whatever order its files are listed in.
 */
export function headerRules(
  site: readonly string[] | SiteOutline,
  options: HeaderOptions,
): HeaderRule[] {
  const outline = "feedFiles" in site ? site : outlineOf(site);
  const prefixed = (path: string) => encodeURI(options.pathPrefix + path.replace(/^\//, ""));
  const rules: HeaderRule[] = [{ path: prefixed("/*"), headers: securityHeaders(options) }];
  const topLevelFiles = new Set(outline.topLevelFiles.filter((name) => !HOST_FILES.has(name)));
  const topLevelFolders = new Set(outline.topLevelFolders);

  const pageHeaders = (sitePath: string, cache: string): HeaderRule["headers"] => [
    ["Cache-Control", cache],
    ["Content-Security-Policy", contentSecurityPolicy(policyForPath(sitePath), "header")],
  ];
  if (topLevelFiles.has("index.html"))
    rules.push({ path: prefixed("/"), headers: pageHeaders("/", SHORT_CACHE) });
  for (const name of [...topLevelFiles].sort())
    rules.push({ path: prefixed(`/${name}`), headers: pageHeaders(`/${name}`, SHORT_CACHE) });
  for (const name of [...topLevelFolders].sort()) {
    const cache = name === FINGERPRINTED_FOLDER ? LONG_CACHE : SHORT_CACHE;
    rules.push({ path: prefixed(`/${name}/*`), headers: pageHeaders(`/${name}/`, cache) });
  }

  // Feeds by name and depth (`/feed.xml`, `/:segment/feed.xml` for sections, two levels for tags):
  // a handful of rules whatever the number of topics (Cloudflare Pages reads at most 100 rules).
  const feedPatterns = new Map<string, FeedFormat>();
  for (const file of outline.feedFiles) {
    const segments = file.split("/");
    const format = FEED_FILES[segments.at(-1)!];
    if (!format) continue;
    const pattern = [
      ...segments.slice(0, -1).map((_, index) => `:segment${index + 1}`),
      segments.at(-1)!,
    ].join("/");
    feedPatterns.set(pattern, format);
  }
  for (const [pattern, format] of [...feedPatterns].sort(
    ([a], [b]) => a.split("/").length - b.split("/").length || (a < b ? -1 : 1),
  )) {
    rules.push({
      path: prefixed(`/${pattern}`),
      headers: [
        ["Content-Type", `${FEED_TYPES[format]}; charset=utf-8`],
        // Web-based feed readers fetch feeds from their own origin.
        ["Access-Control-Allow-Origin", "*"],
      ],
    });
  }
  return rules;
}

/** The `_headers` file: one block per rule, headers indented under their path. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(
    (rule) =>
      `${rule.path}\n${rule.headers.map(([name, value]) => `  ${name}: ${value}\n`).join("")}`,
  );
  return `# Written by src/security/headers.ts from the built site; see README, "Deploying".\n${blocks.join("\n")}`;
}
