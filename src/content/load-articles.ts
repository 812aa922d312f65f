/**
 * Read, validate and render every article in one pass.
 *
 * Articles are loaded here rather than treated as one Eleventy template each: at 10,000 articles
 * Eleventy's per-template work costs about 4× a plain render, and one loader lets validation see
 * the whole archive at once (duplicate codes, every problem in one report). See README, "Design".
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { fieldExpectations, frontMatterSchema, toArticle, type Article } from "../article.ts";
import { renderMarkdown } from "../markdown.ts";
import { normalizeSourceText } from "../text-hygiene.ts";
import { parseSource } from "./front-matter.ts";
import { ContentValidationError, type ContentProblem } from "./problems.ts";

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

export function listMarkdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name))
    .sort();
}

function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  return JSON.stringify(value) ?? String(value);
}

function zodProblems(file: string, error: z.ZodError, data: Record<string, unknown>, lineOf: (key?: string) => number): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "(front matter)";
    const key = String(issue.path[0] ?? "");
    const value = issue.path.reduce<unknown>((node, step) => (node as Record<PropertyKey, unknown> | undefined)?.[step], data);
    const params = (issue as { params?: { expected?: string } }).params;
    let message: string;
    let expected = params?.expected ?? fieldExpectations[key] ?? "a valid value";
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((unknownKey) => ({
        file,
        line: lineOf(unknownKey),
        field: unknownKey,
        message: "is not a known front-matter field (a typo?)",
        expected: `one of ${Object.keys(frontMatterSchema.shape).join(", ")}`,
      }));
    } else if (value === undefined) {
      message = "is missing";
    } else if (issue.code === "invalid_value") {
      message = `${describeValue(value)} is not one of the allowed values`;
    } else if (issue.code === "custom") {
      message = `${describeValue(value)} ${issue.message}`;
    } else {
      message = `${describeValue(value)} is not valid`;
      if (issue.code === "invalid_type") expected = fieldExpectations[key] ?? `a ${issue.expected}`;
    }
    return [{ file, line: lineOf(key), field, message, expected }];
  }).flat();
}

export interface LoadResult {
  articles: Article[];
  problems: ContentProblem[];
}

/** Load and validate every article; problems are collected, not thrown, so all are reported. */
export function readArticles(options: LoadOptions): LoadResult {
  const root = options.root ?? process.cwd();
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const byCode = new Map<number, string>();

  for (const absolute of listMarkdownFiles(options.dir)) {
    const file = path.relative(root, absolute).split(path.sep).join("/");
    const checked = checkFile(absolute, file);
    problems.push(...checked.problems);
    if (checked.code !== undefined) {
      const twin = byCode.get(checked.code);
      if (twin !== undefined) {
        problems.push({ file, line: checked.codeLine, field: "code", message: `${checked.code} is already the code of ${twin}`, expected: "a news code no other article uses" });
        continue;
      }
      byCode.set(checked.code, file);
    }
    const article = checked.article;
    if (!article) continue;
    if (article.draft && !options.includeDrafts) continue;
    if (options.now && article.date.getTime() > options.now.getTime()) continue;
    articles.push(article);
  }
  return { articles, problems };
}

interface CheckedFile {
  article?: Article;
  problems: ContentProblem[];
  /** The news code when it is itself valid, so duplicates are found even in otherwise broken files. */
  code?: number;
  codeLine: number;
}

// Checked files by path, reused while the file is unchanged: `npm start` rebuilds re-read only the
// article that was edited, and `npm run build` validates before Eleventy without parsing twice.
const cache = new Map<string, { stamp: string; checked: CheckedFile }>();

function checkFile(absolute: string, file: string): CheckedFile {
  const stats = statSync(absolute);
  const stamp = `${file}:${stats.mtimeMs}:${stats.size}`;
  const cached = cache.get(absolute);
  if (cached?.stamp === stamp) return cached.checked;
  const checked = checkSource(readFileSync(absolute, "utf8"), file);
  cache.set(absolute, { stamp, checked });
  return checked;
}

/** Validate and render one article's source text. */
export function checkSource(source: string, file: string): CheckedFile {
  const parsed = parseSource(normalizeSourceText(source));
  if (parsed.errors.length) {
    return {
      problems: parsed.errors.map((error) => ({ file, line: error.line, field: "(front matter)", message: error.message, expected: "valid YAML between two --- lines" })),
      codeLine: 1,
    };
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const codeLine = parsed.lineOf("code");
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const codeIsValid = frontMatterSchema.shape.code.safeParse(data.code).success;
    return { problems: zodProblems(file, result.error, data, parsed.lineOf), code: codeIsValid ? (data.code as number) : undefined, codeLine };
  }
  const article = toArticle(file, result.data, parsed.body, renderMarkdown(parsed.body));
  const emptyTag = article.tags.find((tag) => tag.slug === "");
  if (emptyTag) {
    return {
      problems: [{ file, line: parsed.lineOf("tags"), field: "tags", message: `${describeValue(emptyTag.name)} is empty once normalised`, expected: "a tag with at least one letter or digit" }],
      code: article.code,
      codeLine,
    };
  }
  return { article, problems: [], code: article.code, codeLine };
}

/** Like `readArticles`, but throws one error listing every problem. */
export function loadArticles(options: LoadOptions): Article[] {
  const { articles, problems } = readArticles(options);
  if (problems.length) throw new ContentValidationError(problems);
  return articles;
}
