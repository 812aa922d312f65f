/**
 * A temporary copy of the project for the benchmarks and tests: what is measured is the code as
 * it was when the benchmark started, whatever is edited in the working tree meanwhile, and a
 * watch-mode run reacts only to the benchmark's own edits.
 *
 * The packages are linked one by one, not copied; `node_modules/.cache` is the copy's own, as a
 * fresh clone's would be: the bundles of its code (src/main-bundle.mjs, src/worker.ts) and the
 * caches the build keeps (the checked articles, the typography lint's findings). Sharing them
 * with this checkout, two checkouts built in turn would each find the other's caches. With
 * `sharedNodeModules`, `node_modules` itself is a link to this checkout's, caches included.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIPPED = new Set(["node_modules", "_site", ".cache", ".git", "coverage", "test-results"]);

export interface CopyOptions {
  /** Copy `content/news` too (left out by default: the benchmark brings its own corpus). */
  withArticles?: boolean;
  /** Link `node_modules` whole, caches and all, instead of its packages one by one. */
  sharedNodeModules?: boolean;
  /**
   * The project as a git commit holds it (`HEAD~1`, `a69414a`: anything `git rev-parse` knows)
   * rather than the working tree as it is: for builds of two commits in turn (bench/pairs.ts).
   * Its packages are this checkout's, installed for this checkout's package.json.
   */
  commit?: string;
}

/** Copy the project into `dest` (which must not exist); returns `dest`. */
export function copyProject(dest: string, options: CopyOptions = {}): string {
  if (options.commit !== undefined) extractCommit(options.commit, dest, options);
  else copyWorkingTree(dest, options);
  const modules = path.join(ROOT, "node_modules");
  if (options.sharedNodeModules) {
    symlinkSync(modules, path.join(dest, "node_modules"), "dir");
    return dest;
  }
  mkdirSync(path.join(dest, "node_modules"));
  // npm's record of the installed packages (`.package-lock.json`) and `.bin` come along.
  for (const entry of readdirSync(modules))
    if (entry !== ".cache")
      symlinkSync(path.join(modules, entry), path.join(dest, "node_modules", entry));
  return dest;
}

function copyWorkingTree(dest: string, options: CopyOptions): void {
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
}

/** The files of `commit` (git's archive of it, as tar), `content/news` left out as above. */
function extractCommit(commit: string, dest: string, options: CopyOptions): void {
  const git = (args: string[]) =>
    execFileSync("git", args, { cwd: ROOT, maxBuffer: 1 << 30, stdio: "pipe" });
  let id: string;
  try {
    id = git(["rev-parse", "--verify", `${commit}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new Error(`copyProject: ${JSON.stringify(commit)} names no commit of ${ROOT}`);
  }
  mkdirSync(dest, { recursive: true });
  const paths = options.withArticles ? [] : [":(exclude)content/news"];
  execFileSync("tar", ["-x", "-C", dest], { input: git(["archive", id, "--", ".", ...paths]) });
}
