/**
 * What `npm run build` loads before it knows it needs it. Packages it needs only on a cache miss
 * (esbuild: the code changed; subset-font: the font cache missed; zod: an article is not in the
 * cache of checked ones) or on unusual input (`yaml`: a front matter js-yaml cannot be trusted
 * with) cost every build 0.3 s of its start when imported
 * at the top (bench/HISTORY.md): they must be imported where they
 * are used, and not preloaded (scripts/register-tsx.mjs).
 */
import { build } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOADED_ON_DEMAND = ["esbuild", "subset-font", "yaml", "zod"];

function filesIn(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" }).map((file) =>
    path.posix.join(folder, file.split(path.sep).join("/")),
  );
}

/** Every module the build's main thread imports statically, from its command, config and templates. */
async function staticImports(): Promise<Set<string>> {
  const entries = [
    "scripts/build.ts",
    // Imported by the build command as soon as it has started the article load.
    "src/build.ts",
    ".eleventy.ts",
    ...filesIn("content").filter((file) => file.endsWith(".11ty.ts")),
    ...filesIn("layouts").filter((file) => file.endsWith(".ts")),
  ];
  const result = await build({
    entryPoints: entries,
    absWorkingDir: ROOT,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    outdir: "unused",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const reached = new Set<string>(entries);
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const imported of result.metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== "import-statement" || reached.has(imported.path)) continue;
      reached.add(imported.path);
      pending.push(imported.path);
    }
  }
  return reached;
}

describe("the build's start", () => {
  it.each(LOADED_ON_DEMAND)("does not import %s before it is needed", async (module) => {
    const imports = await staticImports();
    expect(imports.has("src/search/index-site.ts"), "the walk reaches the build's modules").toBe(
      true,
    );
    expect(imports.has("src/fonts.ts"), "and the modules that use these on demand").toBe(true);
    expect(imports.has(module), `${module} is imported by a top-level import`).toBe(false);
  });

  it.each(LOADED_ON_DEMAND)("does not preload %s", (module) => {
    const preloads = readFileSync(path.join(ROOT, "scripts/register-tsx.mjs"), "utf8");
    expect(preloads, "scripts/register-tsx.mjs").not.toContain(`import("${module}")`);
  });
});
