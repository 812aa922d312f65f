/**
 * The Node flags `npm run build` starts its script with, read from package.json's `build`, so
 * that whatever runs the build otherwise (the benchmark's child, a test) starts exactly as the
 * build does: the article load first, then the program from its bundle
 * (scripts/start-article-load.mjs, scripts/register-bundle.mjs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export function buildScriptFlags(projectDir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(projectDir, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = scripts.build?.split(/\s+/u) ?? [];
  if (words[0] !== "node" || words.at(-1) !== "scripts/build.ts")
    throw new Error(
      `package.json's build script should be "node <flags> scripts/build.ts", got ${JSON.stringify(scripts.build)}`,
    );
  return words.slice(1, -1);
}
