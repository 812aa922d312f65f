/**
 * A temporary copy of the project for the benchmarks: what is measured is the code as it was when
 * the benchmark started, whatever is edited in the working tree meanwhile, and a watch-mode run
 * reacts only to the benchmark's own edits. node_modules is linked, not copied.
 */
import { cpSync, symlinkSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIPPED = new Set(["node_modules", "_site", ".cache", ".git", "coverage", "test-results"]);

/** Copy the project into `dest` (which must not exist); returns `dest`. */
export function copyProject(dest: string, options: { withArticles?: boolean } = {}): string {
  cpSync(ROOT, dest, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(ROOT, source);
      const top = relative.split(path.sep)[0]!;
      // `_site.*`: a build's temporary and previous sites (src/publish.ts), if one is under way.
      if (SKIPPED.has(top) || top.startsWith("_site.")) return false;
      if (!options.withArticles && relative.startsWith(path.join("content", "news") + path.sep))
        return false;
      return !relative.endsWith(".cpuprofile");
    },
  });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dest, "node_modules"), "dir");
  return dest;
}
