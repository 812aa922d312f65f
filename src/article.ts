/**
 * The article front-matter schema: the one source of the `Article` type and of its validation.
 */
import { createRequire } from "node:module";
import type { output } from "zod";
import { renderFeedBody } from "./markdown.ts";
import { readingMinutes } from "./reading-time.ts";
import { routes } from "./routes.ts";
import { site, type Section } from "./site.ts";
import { findForbiddenCharacter } from "./text-hygiene.ts";
import { parseZonedDateTime } from "./time.ts";
import { toTopic, type Topic } from "./topics.ts";
import { absoluteUrl } from "./urls.ts";

const DATE_FORMATS =
  "a date as YYYY-MM-DD or YYYY-MM-DDTHH:mm (Tehran time), optionally with an offset like +03:30";

const sectionNames = site.sections.map((section) => section.name);

/** Front matter as editors write it; unknown keys are rejected because they are usually typos. */
function makeFrontMatterSchema({ z }: typeof import("zod")) {
  const text = z.string().superRefine((value, ctx) => {
    const problem = findForbiddenCharacter(value);
    if (problem)
      ctx.addIssue({
        code: "custom",
        message: `contains ${problem}`,
        params: { expected: "plain text" },
      });
  });

  const requiredText = text.refine((value) => value.trim() !== "", {
    message: "is empty",
    params: { expected: "non-empty text" },
  });

  const optionalText = requiredText.optional();

  const dateTime = z
    .string({ error: `is not text — expected ${DATE_FORMATS}` })
    .transform((value, ctx) => {
      const parsed = parseZonedDateTime(value, site.timeZone);
      if (!parsed) {
        ctx.addIssue({
          code: "custom",
          message: "is not a date",
          params: { expected: DATE_FORMATS },
        });
        return z.NEVER;
      }
      return parsed;
    });

  return z.strictObject({
    /** کد خبر: a positive whole number, unique, that makes the permanent URL. */
    code: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    title: requiredText,
    /** روتیتر: the line above the title. */
    surtitle: optionalText,
    /** لید: the first paragraph, a summary that stands on its own. */
    lead: requiredText,
    date: dateTime,
    modified: dateTime.optional(),
    section: z.enum(sectionNames as [string, ...string[]]),
    tags: z.array(requiredText).default([]),
    /** The agency or outlet the report comes from. */
    source: optionalText,
    /** Whom the source itself quotes («به نقل از …»). */
    quoting: optionalText,
    author: optionalText,
    draft: z.boolean().default(false),
  });
}

export type FrontMatterSchema = ReturnType<typeof makeFrontMatterSchema>;
export type FrontMatter = output<FrontMatterSchema>;

const require = createRequire(import.meta.url);
let schema: FrontMatterSchema | undefined;

/**
 * The schema, made on first use. zod takes 80 ms to load, on the build's main thread and in each
 * thread that reads articles, and a build whose articles all come from the cache of checked
 * articles (src/content/article-cache.ts) validates none (bench/HISTORY.md).
 */
export function frontMatterSchema(): FrontMatterSchema {
  return (schema ??= makeFrontMatterSchema(require("zod") as typeof import("zod")));
}

/** The expectation shown in an error for each field, where zod's own message is not enough. */
export const fieldExpectations: Record<string, string> = {
  code: "a positive whole number (the news code, کد خبر)",
  title: "non-empty text",
  lead: "non-empty text (the first paragraph, لید)",
  date: DATE_FORMATS,
  modified: DATE_FORMATS,
  section: `one of ${sectionNames.map((name) => `«${name}»`).join("، ")}`,
  tags: "a list of non-empty texts",
  draft: "true or false",
};

/** A validated article with everything the templates and feeds derive from it. */
export interface Article {
  /** The source file, relative to the project root. */
  file: string;
  code: number;
  title: string;
  surtitle?: string;
  lead: string;
  source?: string;
  quoting?: string;
  author?: string;
  section: Section;
  tags: Topic[];
  date: Date;
  /** False when the editor gave a day without a time of day. */
  hasTime: boolean;
  modified?: Date;
  draft: boolean;
  /** The body rendered to HTML, with URLs as on the site. */
  html: string;
  /**
   * The body as feeds carry it, every link and image absolute (src/markdown.ts
   * `renderFeedBody`); absent when that is `html` byte for byte, as in most news copy. Made when
   * the article is read, so that the Markdown itself need not be kept: an article crosses from a
   * load worker to the main thread and stays there for the whole build, and at 10,000 articles
   * their Markdown was 30 MB of its heap (bench/HISTORY.md).
   */
  feedHtml?: string;
  /**
   * Whole minutes to read the body (src/reading-time.ts). Counted when the article is read, which
   * a large build does in worker threads, rather than on the main thread as each page is made.
   */
  readingMinutes: number;
  /** Site-relative permanent URL, e.g. `/news/1001/`. */
  url: string;
}

/** Turn validated front matter and its body into an `Article`. */
export function toArticle(file: string, data: FrontMatter, body: string, html: string): Article {
  const url = routes.article(data.code);
  const section = site.sections.find((candidate) => candidate.name === data.section);
  if (!section)
    throw new Error(
      `${file}: section ${JSON.stringify(data.section)} passed validation but is unknown`,
    );
  return {
    file,
    code: data.code,
    title: data.title.trim(),
    surtitle: data.surtitle?.trim(),
    lead: data.lead.trim(),
    source: data.source?.trim(),
    quoting: data.quoting?.trim(),
    author: data.author?.trim(),
    section,
    tags: dedupeTopics(data.tags.map((tag) => toTopic(tag))),
    date: data.date.date,
    hasTime: data.date.hasTime,
    modified: data.modified?.date,
    draft: data.draft,
    html,
    feedHtml: renderFeedBody(body, html, absoluteUrl(url)),
    readingMinutes: readingMinutes(body),
    url,
  };
}

function dedupeTopics(topics: Topic[]): Topic[] {
  const seen = new Set<string>();
  return topics.filter((topic) => !seen.has(topic.slug) && seen.add(topic.slug));
}
