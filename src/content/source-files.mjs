// @ts-check
/**
 * Which Markdown files make the archive. Apart from the loader (load-articles.ts) and free of its
 * imports, so a build can list the files and start reading them in worker threads before it has
 * loaded Eleventy (see early-article-load.mjs); JavaScript, since that is before tsx is registered.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * What `path.join(folder, name)` puts before a name ("" for ".", "/" for "/", "a/" for "a/b/.."),
 * so that it is worked out once per folder rather than once per file.
 * @param {string} folder
 */
export const childPrefix = (folder) => path.join(folder, "_").slice(0, -1);

/** @param {string} file */
const isFolder = (file) => statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * Whether a path relative to a folder (`path.relative`) leads out of it.
 * @param {string} relative
 */
const isOutside = (relative) =>
  relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);

/**
 * Every `.md` file under `dir`, sorted, so nothing downstream depends on the file system's order.
 * @param {string} dir
 * @returns {string[]}
 */
export function listMarkdownFiles(dir) {
  // Walked folder by folder rather than with `readdirSync(dir, { recursive: true })`, which on
  // Node 20 took 70–112 ms for 10,000 files in 6 folders against 12–19 ms here (measured), at the
  // start of a build, before any thread can start reading. It lists what that listed (a link to a
  // folder is followed), except a folder whose name ends in `.md`, which is no article.
  /** @type {string[]} */
  const files = [];
  /** @param {string} folder */
  const walk = (folder) => {
    const prefix = childPrefix(folder);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = prefix + entry.name;
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(name))) walk(name);
      else if (entry.name.endsWith(".md")) files.push(name);
    }
  };
  walk(dir);
  return files.sort();
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
  // A file's name is its folder's path from the root, worked out once, and the rest of its path:
  // `path.relative` for each file took 16–40 ms at 10,000 files (measured). Unless the root lies
  // below `dir`: a file under the root is then named from there, and each is worked out whole.
  const rootFromDir = path.relative(options.dir, root);
  const rootBelowDir = rootFromDir !== "" && !isOutside(rootFromDir);
  const under = childPrefix(options.dir);
  const named = childPrefix(path.relative(root, options.dir));
  return listMarkdownFiles(options.dir).map((absolute) => {
    const file = rootBelowDir
      ? path.relative(root, absolute)
      : named + absolute.slice(under.length);
    return { absolute, file: path.sep === "/" ? file : file.split(path.sep).join("/") };
  });
}
