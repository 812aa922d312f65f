/**
 * Read, validate and render every article in one pass.
 *
 * Articles are loaded here rather than treated as one Eleventy template each: at 10,000 articles
 * Eleventy's per-template work costs about 4× a plain render, and one loader lets validation see
 * the whole archive at once (duplicate codes, every problem in one report). See README, "Design".
 */
import { closeSync, fstatSync, openSync, statSync, type Stats } from "node:fs";
import { frontMatterSchema, toArticle, type Article } from "../article.ts";
import { markdown } from "../markdown.ts";
import { readFully } from "../read-fully.ts";
import { routes } from "../routes.ts";
import { normalizeSourceText } from "../text-hygiene.ts";
import { bodyProblems, bodyStartLine } from "./body-problems.ts";
import { parseSource } from "./front-matter.ts";
import {
  emptyTagProblems,
  implausibleYearProblems,
  invisibleTextProblems,
  zodProblems,
} from "./front-matter-problems.ts";
import type { ArticleCache } from "./article-cache.ts";
import { ContentValidationError, type ContentProblem } from "./problems.ts";
import { listSourceFiles, type SourceFile } from "./source-files.mjs";
import { contentKey } from "../persian/content-key.ts";

export interface LoadOptions {
  /** The folder holding article Markdown files (searched recursively). */
  dir: string;
  /** Paths in reports are relative to this folder. */
  root?: string;
  /** Drafts are shown while previewing (`npm start`), never in a production build. */
  includeDrafts?: boolean;
  /** Articles dated after this instant are held back until a later build. */
  now?: Date;
}

export interface LoadResult {
  articles: Article[];
  problems: ContentProblem[];
}

/** The files of an archive and what checking each gave, in the same order. */
export interface ArchiveSnapshot {
  dir: string;
  root: string;
  files: readonly SourceFile[];
  checked: readonly CheckedFile[];
}

let pinned: ArchiveSnapshot | undefined;

/**
 * Make `readArticles` of `snapshot.dir` answer from `snapshot` until the returned function is
 * called. A build reads and validates the archive before Eleventy starts (src/build.ts); Eleventy's
 * global data and the streamed pages then ask for the articles again, and without the pin each
 * asking lists the folder and reads every file's stamp (0.3 s of a 10,000-article build). It also
 * makes the build publish exactly the files it validated, should one change meanwhile.
 */
export function pinArchive(snapshot: ArchiveSnapshot): () => void {
  pinned = snapshot;
  return () => {
    if (pinned === snapshot) pinned = undefined;
  };
}

/** Load and validate every article; problems are collected, not thrown, so all are reported. */
export function readArticles(options: LoadOptions): LoadResult {
  const root = options.root ?? process.cwd();
  if (pinned && pinned.dir === options.dir && pinned.root === root)
    return collectArticles(pinned.files, pinned.checked, options);
  const files = listSourceFiles(options);
  return collectArticles(
    files,
    files.map(({ absolute, file }) => checkFile(absolute, file)),
    options,
  );
}

/**
 * The articles and problems of checked files (in the order of `files`): duplicate codes found
 * across the archive, drafts and articles dated later left out as `options` asks.
 */
export function collectArticles(
  files: readonly SourceFile[],
  checkedFiles: readonly CheckedFile[],
  options: Pick<LoadOptions, "includeDrafts" | "now">,
): LoadResult {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  // The permanent URL is made from the news code: two files with one code (however it is written,
  // `12` or `012`) would publish two stories at one URL, and feed readers would merge them.
  const byUrl = new Map<string, string>();

  files.forEach(({ file }, index) => {
    const checked = checkedFiles[index]!;
    problems.push(...checked.problems);
    if (checked.code !== undefined) {
      const url = routes.article(checked.code);
      const twin = byUrl.get(url);
      if (twin !== undefined) {
        const written =
          checked.codeText && checked.codeText !== String(checked.code)
            ? `${checked.codeText} (that is ${checked.code})`
            : String(checked.code);
        problems.push({
          file,
          line: checked.codeLine,
          field: "code",
          message: `${written} is already the code of ${twin}: both would be published at ${url}`,
          expected: "a news code no other article uses",
        });
        return;
      }
      byUrl.set(url, file);
    }
    const article = checked.article;
    if (!article) return;
    if (article.draft && !options.includeDrafts) return;
    if (options.now && article.date.getTime() > options.now.getTime()) return;
    articles.push(article);
  });
  return { articles, problems };
}

export interface CheckedFile {
  article?: Article;
  problems: ContentProblem[];
  /** The news code when it is itself valid, so duplicates are found even in otherwise broken files. */
  code?: number;
  /** The code as the editor wrote it (`012`), for the duplicate report. */
  codeText?: string;
  codeLine: number;
  /**
   * The file's key in the typography lint's cache (src/persian/content-key.ts), taken as it is
   * read: the build's summary looks the file up by it instead of reading it again.
   */
  contentKey?: string;
}

// Checked files by path, reused while the file is unchanged: `npm start` rebuilds re-read only the
// article that was edited, and `npm run build` validates before Eleventy without parsing twice.
const cache = new Map<string, { stamp: string; checked: CheckedFile }>();

/** A file's identity for the cache: its name, modification time and size. */
export function fileStamp(absolute: string, file: string): string {
  return stampOf(file, statSync(absolute));
}

const stampOf = (file: string, stats: Stats) => `${file}:${stats.mtimeMs}:${stats.size}`;

/**
 * Check one file, or take it from this thread's cache while it is unchanged; `articleCache`, the
 * cache kept between builds (article-cache.ts), when this thread's has not seen it.
 */
export function checkFile(
  absolute: string,
  file: string,
  articleCache?: ArticleCache,
): CheckedFile {
  const cached = cache.get(absolute);
  if (cached?.stamp === fileStamp(absolute, file)) return cached.checked;
  const { stamp, checked } = readStampAndCheck(absolute, file, articleCache);
  cache.set(absolute, { stamp, checked });
  return checked;
}

/**
 * Read one file and check it, through `articleCache` when given (article-cache.ts); with the
 * file's stamp (`fileStamp`) taken from the file opened for the read: the stamp and the bytes are
 * of one file, and its path is looked up once, not twice (a `stat` before each read was about
 * 74 ms of the main thread's share of 10,000 articles, profiled).
 */
export function readStampAndCheck(
  absolute: string,
  file: string,
  articleCache?: ArticleCache,
): { stamp: string; checked: CheckedFile } {
  const fd = openSync(absolute, "r");
  let stamp: string;
  let bytes: Buffer;
  try {
    const stats = fstatSync(fd);
    stamp = stampOf(file, stats);
    // The bytes the stamp's size says, or fewer should the file shrink meanwhile: the next
    // build sees another stamp then, and reads it again.
    bytes = Buffer.allocUnsafe(stats.size);
    bytes = bytes.subarray(0, readFully(fd, bytes, bytes.length));
  } finally {
    closeSync(fd);
  }
  return { stamp, checked: checkBytes(bytes, file, articleCache) };
}

function checkBytes(bytes: Buffer, file: string, articleCache?: ArticleCache): CheckedFile {
  const key = contentKey(bytes);
  const checked = articleCache
    ? articleCache.checked(file, bytes, key, (source) => checkSource(source, file))
    : checkSource(bytes.toString("utf8"), file);
  return { ...checked, contentKey: key };
}

/** Put a file checked elsewhere (a worker thread: load-parallel.ts) into this thread's cache. */
export function rememberCheckedFile(absolute: string, stamp: string, checked: CheckedFile): void {
  cache.set(absolute, { stamp, checked });
}

/** Validate and render one article's source text. */
export function checkSource(source: string, file: string): CheckedFile {
  const normalized = normalizeSourceText(source);
  const parsed = parseSource(normalized);
  if (parsed.errors.length) {
    return {
      problems: parsed.errors.map((error) => ({
        file,
        line: error.line,
        field: "(front matter)",
        message: error.message,
        expected: "valid YAML between two --- lines",
      })),
      codeLine: 1,
    };
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const codeLine = parsed.lineOf("code");
  const codeText = normalized
    .split("\n")
    [codeLine - 1]?.replace(/^code:\s*/, "")
    .replace(/\s+#.*$/, "")
    .trim();
  const codeIsValid = frontMatterSchema().shape.code.safeParse(data.code).success;
  const code = codeIsValid ? (data.code as number) : undefined;

  const env = {};
  const tokens = markdown.parse(parsed.body, env);
  const problems = bodyProblems(file, parsed.body, bodyStartLine(normalized, parsed.body), tokens);
  if (typeof data === "object" && !Array.isArray(data))
    problems.unshift(...invisibleTextProblems(file, data, parsed.lineOf));

  const result = frontMatterSchema().safeParse(data);
  if (!result.success) {
    return {
      problems: [...zodProblems(file, result.error, data, parsed.lineOf), ...problems],
      code,
      codeText,
      codeLine,
    };
  }
  problems.push(
    ...implausibleYearProblems(file, result.data, data, parsed.lineOf),
    ...emptyTagProblems(file, result.data, parsed.lineOf),
  );
  if (problems.length) return { problems, code, codeText, codeLine };

  const article = toArticle(
    file,
    result.data,
    parsed.body,
    markdown.renderer.render(tokens, markdown.options, env),
  );
  return { article, problems: [], code, codeText, codeLine };
}

/** Like `readArticles`, but throws one error listing every problem. */
export function loadArticles(options: LoadOptions): Article[] {
  const { articles, problems } = readArticles(options);
  if (problems.length) throw new ContentValidationError(problems);
  return articles;
}
