/**
 * The Content-Security-Policy of every page, as a function of the page: one source for the
 * `<meta>` tag in each page's head and for the `_headers` file.
 *
 * Pages ship no JavaScript and load nothing from other hosts, so the policy is strict:
 * everything from the site's own origin, no script at all, no inline style or script (an inline
 * snippet would need its sha256 hash listed below). `<script type="application/ld+json">` blocks
 * are data, never executed, so they need no hash. Only the pages listed in `pagePolicies` may run
 * scripts, and only their own.
 *
 * The header differs from the `<meta>` in one point. A header also covers documents that carry no
 * `<meta>`: the RSS and Atom feeds, which a browser shows through their XSLT stylesheet, and
 * Chromium loads an XSLT stylesheet under `script-src`. So the header allows scripts from the
 * site itself (`'self'`, nothing inline), while each HTML page's `<meta>` still says `'none'`:
 * a page gets both policies, and a browser enforces both, so for pages the stricter one holds.
 */
import { createHash } from "node:crypto";
import { routes } from "../routes.ts";

/** What one page may run beyond the site-wide policy. */
export interface PagePolicy {
  /** Script sources, e.g. `'self'`; none by default. */
  scripts?: readonly string[];
}

/**
 * Pages that need more than the default, by site path. Each must be a top-level folder (`/search/`):
 * `_headers` gives one policy per top-level folder, so a deeper path could not get its own.
 */
export const pagePolicies: Readonly<Record<string, PagePolicy>> = {
  // Search (issue 9) runs its own script, which fetches the index as JSON: nothing inline, no WebAssembly.
  [routes.search()]: { scripts: ["'self'"] },
};

/**
 * Inline `<style>` and `<script>` contents allowed on every page, by exact text (hashed below).
 * Empty: nothing inline is needed. Add the exact text here rather than loosening the policy.
 */
export const inlineStyles: readonly string[] = [];
export const inlineScripts: readonly string[] = [];

/** The CSP source expression that allows one exact inline snippet: `'sha256-…'`. */
export function hashSource(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

/** The policy of the page at a site path (`/`, `/news/1001/`, `/search/`). */
export function policyForPath(path: string): PagePolicy {
  if (!path.startsWith("/"))
    throw new Error(
      `policyForPath expects a site path starting with /, got ${JSON.stringify(path)}`,
    );
  const topLevel = `/${path.split("/")[1] ?? ""}/`;
  return pagePolicies[topLevel] ?? {};
}

/**
 * The policy a page built in `runMode` carries in its `<meta>`. Eleventy's dev server
 * (`npm start`, run mode "serve") adds a live-reload script, served from the site's own origin,
 * to every page it serves; a page that forbids scripts would never show an edit, so a page built
 * for it also allows the site's own scripts. Every other build keeps the page's policy.
 * https://www.11ty.dev/docs/dev-server/
 */
export function metaPolicyForPath(
  path: string,
  runMode = process.env.ELEVENTY_RUN_MODE,
): PagePolicy {
  const policy = policyForPath(path);
  if (runMode !== "serve") return policy;
  return { ...policy, scripts: [...new Set([...(policy.scripts ?? []), "'self'"])] };
}

/**
 * The policy as a header value or `<meta>` content. `frame-ancestors` (and reporting) are ignored
 * in a `<meta>` tag, and Chromium logs an error for them there, so they are sent as a header only.
 */
export function contentSecurityPolicy(policy: PagePolicy, delivery: "meta" | "header"): string {
  const ownScripts =
    delivery === "header"
      ? ["'self'", ...(policy.scripts ?? []).filter((source) => source !== "'self'")]
      : (policy.scripts ?? []);
  const scripts = [...ownScripts, ...inlineScripts.map(hashSource)];
  const styles = ["'self'", ...inlineStyles.map(hashSource)];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...(scripts.length ? scripts : ["'none'"])],
    ["style-src", ...styles],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
  ];
  if (delivery === "header") directives.push(["frame-ancestors", "'none'"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}
