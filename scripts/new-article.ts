/**
 * `npm run new -- --title "…" [--section "…"] [--tag "…" …]`: start a new article.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseSource } from "../src/content/front-matter.ts";
import { listMarkdownFiles } from "../src/content/source-files.mjs";
import { newArticlePath, newArticleSource, nextFreeCode } from "../src/content/new-article.ts";
import { articlesDirectory } from "../src/content/paths.mjs";

const { values } = parseArgs({
  options: {
    title: { type: "string" },
    section: { type: "string" },
    tag: { type: "string", multiple: true },
  },
});
if (!values.title) {
  console.error(
    'Usage: npm run new -- --title "تیتر خبر" [--section "بین‌الملل"] [--tag "برچسب" …]',
  );
  process.exit(2);
}

const dir = path.resolve(articlesDirectory());
// A code is taken as soon as any file claims it: drafts, future and even broken articles count.
const claimed = listMarkdownFiles(dir).flatMap((file) => {
  const code = (parseSource(readFileSync(file, "utf8")).data as { code?: unknown } | undefined)
    ?.code;
  return Number.isSafeInteger(code) ? [code as number] : [];
});
const code = nextFreeCode(claimed);
const now = new Date();
const file = path.join(dir, newArticlePath(code, now));
if (existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists; not overwritten`);
  process.exit(1);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(
  file,
  newArticleSource({ title: values.title, code, now, section: values.section, tags: values.tag }),
);
console.log(
  `Wrote ${path.relative(process.cwd(), file)} (code ${code}, a draft: set draft: false to publish)`,
);
