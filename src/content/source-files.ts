/**
 * Which Markdown files make the archive. Apart from the loader (load-articles.ts) and free of its
 * imports, so a build can list the files and start reading them in worker threads before this
 * thread has loaded Eleventy (see load-parallel.ts).
 */
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every `.md` file under `dir`, sorted, so nothing downstream depends on the file system's order. */
export function listMarkdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name))
    .sort();
}

/** A Markdown file of the archive: its absolute path and its path as reports name it. */
export interface SourceFile {
  absolute: string;
  /** Relative to the project root, with `/` separators. */
  file: string;
}

/** The Markdown files under `dir`, sorted, with the names reports give them (relative to `root`). */
export function listSourceFiles(options: { dir: string; root?: string }): SourceFile[] {
  const root = options.root ?? process.cwd();
  return listMarkdownFiles(options.dir).map((absolute) => ({
    absolute,
    file: path.relative(root, absolute).split(path.sep).join("/"),
  }));
}
