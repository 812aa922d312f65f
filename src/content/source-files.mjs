// @ts-check
/**
 * Which Markdown files make the archive. Apart from the loader (load-articles.ts) and free of its
 * imports, so a build can list the files and start reading them in worker threads before it has
 * loaded Eleventy (see early-article-load.mjs); JavaScript, since that is before tsx is registered.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every `.md` file under `dir`, sorted, so nothing downstream depends on the file system's order.
 * @param {string} dir
 * @returns {string[]}
 */
export function listMarkdownFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name))
    .sort();
}

/**
 * A Markdown file of the archive: its absolute path, and (`file`) its path as reports name it,
 * relative to the project root with `/` separators.
 * @typedef {{ absolute: string, file: string }} SourceFile
 */

/**
 * The Markdown files under `dir`, sorted, with the names reports give them (relative to `root`).
 * @param {{ dir: string, root?: string }} options
 * @returns {SourceFile[]}
 */
export function listSourceFiles(options) {
  const root = options.root ?? process.cwd();
  return listMarkdownFiles(options.dir).map((absolute) => ({
    absolute,
    file: path.relative(root, absolute).split(path.sep).join("/"),
  }));
}
