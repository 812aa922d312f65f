/**
 * Lint (and optionally fix) the Persian typography of Markdown files on disk: the part of the
 * linter the build and the `lint:fa` CLI share.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { childPrefix } from "../content/source-files.mjs";
import { contentKey } from "./content-key.ts";
import type { LintCache } from "./lint-cache.ts";
import { fixMarkdown, lintMarkdown } from "./markdown-lint.ts";
import type { Finding } from "./typography.ts";

export interface FindingWithFile extends Finding {
  /** Path of the file as given or found under a given directory. */
  file: string;
}

export interface LintFilesOptions {
  /** Write the high-confidence fixes back to the files before reporting what is left. */
  fix?: boolean;
  /** Findings of files linted before (src/persian/lint-cache.ts); not with `fix`. */
  cache?: LintCache;
}

export interface LintFilesResult {
  files: number;
  /** What is left after fixing (everything when not fixing). */
  findings: FindingWithFile[];
  /** Files that `fix` rewrote. */
  fixedFiles: string[];
}

const MARKDOWN_FILE = /\.(?:md|markdown)$/iu;

/** Lint every Markdown file in `paths` (files, or directories searched recursively). */
export async function lintContentFiles(
  paths: readonly string[],
  options: LintFilesOptions = {},
): Promise<LintFilesResult> {
  if (!Array.isArray(paths))
    throw new TypeError(`lintContentFiles expects an array of paths, got ${JSON.stringify(paths)}`);
  const { cache } = options;
  // A fix rewrites the files it lints: their findings must be those of the new text.
  if (cache && options.fix)
    throw new TypeError("lintContentFiles: fix and cache cannot be combined");
  const files = (await Promise.all(paths.map((path) => collectMarkdownFiles(path)))).flat();
  const findings: FindingWithFile[] = [];
  const fixedFiles: string[] = [];
  for (const file of files) {
    // Read synchronously: one read per file, where the promise API's open, stat, read and close
    // each wait for the thread pool — seconds over an archive, spent doing nothing. The lint runs
    // in the build's worker thread or in the CLI, where nothing else waits on this thread.
    if (cache) {
      // The bytes are hashed as read; decoded only when the cache does not have them.
      const bytes = readFileSync(file);
      for (const finding of cache.findings(bytes, () => lintMarkdown(bytes.toString("utf8"))))
        findings.push({ file, ...finding });
      continue;
    }
    let text = readFileSync(file, "utf8");
    if (options.fix) {
      const fixed = fixMarkdown(text, { onlyHighConfidence: true });
      if (fixed !== text) {
        await writeFile(file, fixed);
        fixedFiles.push(file);
        text = fixed;
      }
    }
    findings.push(...lintMarkdown(text).map((finding) => ({ file, ...finding })));
  }
  return { files: files.length, findings, fixedFiles };
}

/**
 * The summary `lintContentFiles(paths, { cache })` gives when `cache` has every file, from its
 * findings alone (`cached`, by content key); `undefined` as soon as one file is not in it. A file
 * is looked up by its key in `contentKeys` (absolute path → key) when the caller has read it,
 * and read here otherwise.
 */
export async function summarizeFromCache(
  paths: readonly string[],
  cached: ReadonlyMap<string, Finding[]>,
  contentKeys: ReadonlyMap<string, string>,
): Promise<string | undefined> {
  const files = (await Promise.all(paths.map((path) => collectMarkdownFiles(path)))).flat();
  const findings: FindingWithFile[] = [];
  for (const file of files) {
    const key = contentKeys.get(resolve(file)) ?? contentKey(await readFile(file));
    const kept = cached.get(key);
    if (kept === undefined) return undefined;
    for (const finding of kept) findings.push({ file, ...finding });
  }
  return summarizeFindings({ files: files.length, findings });
}

async function collectMarkdownFiles(path: string): Promise<string[]> {
  if (typeof path !== "string")
    throw new TypeError(`lintContentFiles expects string paths, got ${JSON.stringify(path)}`);
  const info = await stat(path).catch(() => {
    throw new Error(`lint-fa: no such file or directory: ${path}`);
  });
  if (info.isFile()) return [path];
  const files: string[] = [];
  await collectUnder(path, files);
  return files.sort();
}

/**
 * The Markdown files under `folder`, into `files`: regular files only (a link is not followed),
 * none under a hidden folder or `node_modules`, nor hidden themselves. Walked folder by folder,
 * leaving those folders out as it goes: one recursive listing, then each file's path taken apart
 * to look for them, took the build's main thread about 55 ms at 10,000 articles (profiled).
 */
async function collectUnder(folder: string, files: string[]): Promise<void> {
  const prefix = childPrefix(folder);
  const folders: Promise<void>[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") folders.push(collectUnder(prefix + entry.name, files));
    } else if (entry.isFile() && MARKDOWN_FILE.test(entry.name)) files.push(prefix + entry.name);
  }
  await Promise.all(folders);
}

/** `file:line:col word → suggestion (rule)`, marked as a warning when low-confidence. */
export function formatFinding(finding: FindingWithFile): string {
  const severity = finding.confidence === "low" ? " [warning]" : "";
  return `${finding.file}:${finding.line}:${finding.column} ${finding.word} → ${finding.suggestion} (${finding.rule})${severity}`;
}

/** One line for the build log, e.g. `Persian typography: 12 files, 3 findings (1 warning).` */
export function summarizeFindings(
  result: Pick<LintFilesResult, "files" | "findings"> & { fixedFiles?: string[] },
): string {
  const warnings = result.findings.filter((finding) => finding.confidence === "low").length;
  const fixed = result.fixedFiles?.length
    ? `, fixed ${plural(result.fixedFiles.length, "file")}`
    : "";
  const counts =
    result.findings.length === 0
      ? "clean"
      : `${plural(result.findings.length, "finding")} (${plural(warnings, "warning")})`;
  return `Persian typography: ${plural(result.files, "file")}${fixed}, ${counts}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
