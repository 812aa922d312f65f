/**
 * The typography findings of files linted by an earlier build, kept between builds as ESLint's
 * `--cache --cache-strategy content` keeps its results: a file whose bytes are the same, linted by
 * the same code with the same word lists, has the same findings. A newsroom rebuilds many times a
 * day, and all but a few of its articles are the files the last build read; linting them again
 * was the largest part of the build's second core after the search index (bench/HISTORY.md).
 *
 * Keyed by content, not by modification time: a file restored from git or copied keeps its
 * findings, and a file changed within the same millisecond is never taken for unchanged.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../write-atomically.ts";
import { contentKey } from "./content-key.ts";
import { lexiconSources } from "./lexicon.ts";
import type { Finding } from "./typography.ts";

export interface LintCache {
  /** The findings of a file of these bytes: kept ones, or `lint()`'s, kept for the next build. */
  findings(bytes: Uint8Array, lint: () => Finding[]): Finding[];
  /** How many files were linted this time rather than taken from the cache. */
  readonly linted: number;
  /** Write the cache for the next build, if this one linted anything. Never throws. */
  save(): void;
}

interface CacheFile {
  version: string;
  entries: [key: string, findings: Finding[]][];
}

/**
 * Files of other archives (a benchmark's corpus beside the newsroom's) stay until the cache holds
 * this many; those of the last build are kept first. About 50 bytes each without findings.
 */
export const MAX_CACHED_FILES = 200_000;

/**
 * The cache in `file` for lint code and word lists identified by `version`. A missing, damaged or
 * other-version file is an empty cache: every file is linted, as without one.
 */
export function openLintCache(
  file: string,
  version: string,
  options: { maxFiles?: number } = {},
): LintCache {
  if (typeof version !== "string" || version === "")
    throw new TypeError(
      `openLintCache expects a non-empty version, got ${JSON.stringify(version)}`,
    );
  const maxFiles = options.maxFiles ?? MAX_CACHED_FILES;
  const previous = readLintCache(file, version);
  const current = new Map<string, Finding[]>();
  let linted = 0;
  return {
    findings(bytes, lint) {
      const key = contentKey(bytes);
      let findings = current.get(key) ?? previous.get(key);
      if (findings === undefined) {
        findings = lint();
        linted++;
      }
      current.set(key, findings);
      return findings;
    },
    get linted() {
      return linted;
    },
    save() {
      if (linted === 0) return;
      const entries = [...current];
      for (const entry of previous) {
        if (entries.length >= maxFiles) break;
        if (!current.has(entry[0])) entries.push(entry);
      }
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomically(
          file,
          JSON.stringify({ version, entries: entries.slice(0, maxFiles) } satisfies CacheFile),
        );
      } catch {
        // A read-only or full disk: the next build lints every file again, nothing worse.
      }
    },
  };
}

/** The findings the cache in `file` holds for `version`, by content key; empty when none. */
export function readLintCache(file: string, version: string): Map<string, Finding[]> {
  try {
    const cache = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (cache.version === version && Array.isArray(cache.entries))
      return new Map(cache.entries.filter(isEntry));
  } catch {
    // No cache yet, or one cut short: lint everything.
  }
  return new Map();
}

// A file edited by hand or by another tool is read only as far as it holds entries of the right shape.
function isEntry(entry: unknown): entry is CacheFile["entries"][number] {
  return Array.isArray(entry) && typeof entry[0] === "string" && Array.isArray(entry[1]);
}

/**
 * What the findings depend on besides the code: the word lists and the dictionary, by content.
 * `files` are read whole; pass the lint code's own identity (its bundle's hash) as `code`.
 */
export function lintCacheVersion(code: string, files: readonly string[]): string {
  const hash = createHash("sha256").update(code);
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest("base64url");
}

/**
 * The version of the build's cache for the lint code `code` (its bundle's identity): that code,
 * the dictionary's decoder and its word lists, and the Unicode version of the running Node, which
 * the rules' character classes (`\p{…}`) follow. One function for the lint's worker and for the
 * summary taken from the cache alone (src/typography-summary.ts), which must agree.
 */
export function typographyCacheVersion(code: string): string {
  const sources = lexiconSources();
  const runtime = `unicode ${process.versions.unicode}`;
  return lintCacheVersion(`${code}\0${sources.decoder}\0${runtime}`, sources.files);
}
