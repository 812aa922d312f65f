/**
 * What `npm run build` puts before its script on Node's command line, read from package.json's
 * `build`, so that whatever runs the build otherwise (the benchmark's child, a test) starts
 * exactly as the build does: the article load first, then the program from its bundle
 * (scripts/start-article-load.mjs, scripts/run-bundled.mjs). Followed by a `.ts` script of the
 * project and its options.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export function buildCommandPrefix(projectDir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(projectDir, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = scripts.build?.split(/\s+/u) ?? [];
  if (words[0] !== "node" || words.at(-1) !== "scripts/build.ts")
    throw new Error(
      `package.json's build script should be "node <flags and launcher> scripts/build.ts", got ${JSON.stringify(scripts.build)}`,
    );
  return words.slice(1, -1);
}
