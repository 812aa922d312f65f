/**
 * esbuild bundles kept between builds: the worker threads' (src/worker.ts) and the search page's
 * script and service worker (src/search/). Each is written under node_modules/.cache/ beside a
 * manifest of the files it was made from, with their times and sizes, and reused while they are
 * unchanged (`reusableBundle`, src/worker-bundles.mjs): a build whose code did not change never
 * loads esbuild, never starts its process and never reads the sources again. Measured at 1,000
 * articles: 60–90 ms of the main thread (loading esbuild, starting it, two browser bundles).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { BuildOptions } from "esbuild";
import {
  BUNDLES,
  INSTALLED_PACKAGES,
  inputsSettledBefore,
  manifestPath,
  reusableBundle,
  ROOT,
  stampInputs,
  type BundleManifest,
} from "./worker-bundles.mjs";
import { writeFileAtomically } from "./write-atomically.ts";

/** A bundle as `cachedBundle` gives it: its file, or only its bytes when it could not be written. */
export type CachedBundle = { file: string } | { file?: undefined; contents: Uint8Array };

/** The bytes of a bundle, read from its file or as made. */
export function bundleContents(bundle: CachedBundle): Buffer {
  return bundle.file === undefined ? Buffer.from(bundle.contents) : readFileSync(bundle.file);
}

// Each change of the code makes new bundles: the older ones of an entry go once they are an hour
// old (a build still running from an older checkout may be using one until then).
// So do the manifests of other checkouts that shared this node_modules and are gone since (a
// removed worktree, say; src/worker-bundles.mjs): the files they list no longer exist.
function forgetOldBundles(name: string, extension: string): void {
  const hourAgo = Date.now() - 3_600_000;
  const ours = path.basename(manifestPath(name));
  for (const file of readdirSync(BUNDLES)) {
    if (!file.startsWith(`${name}.`)) continue;
    const full = path.join(BUNDLES, file);
    try {
      if (file.endsWith(".manifest.json")) {
        if (file === ours) continue;
        const { inputs } = JSON.parse(readFileSync(full, "utf8")) as BundleManifest;
        if (!existsSync(inputs[0]?.[0] ?? "")) rmSync(full, { force: true });
      } else if (file.endsWith(extension) && statSync(full).mtimeMs < hourAgo)
        rmSync(full, { force: true });
    } catch {
      // Another build removed it first, or it is no manifest this code can read: leave it.
    }
  }
}

/**
 * `entry` bundled by esbuild with `options`, as `name` (names are the cache's keys: one entry,
 * one set of options per name), reused while every file it was made from is unchanged; and so are
 * `optionsFrom` (the files of the modules that give the options and plugins: new options, a new
 * bundle), this module, and
 * npm's record of the packages installed (a new esbuild may bundle differently, and a bundle for
 * the browser holds the packages it imports).
 */
export async function cachedBundle(
  name: string,
  entry: string,
  options: Omit<BuildOptions, "entryPoints" | "write" | "metafile">,
  optionsFrom: string | readonly string[],
): Promise<CachedBundle> {
  const reusable = reusableBundle(name);
  if (reusable) return { file: reusable };
  // Only now: a build whose bundles are all current never loads esbuild.
  const { build } = await import("esbuild");
  const started = Date.now();
  const result = await build({
    ...options,
    entryPoints: [entry],
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  const extension = options.platform === "browser" ? ".js" : ".mjs";
  const hash = createHash("sha256").update(output.contents).digest("hex").slice(0, 16);
  const file = path.join(BUNDLES, `${name}.${hash}${extension}`);
  const inputs = new Set(
    Object.keys(result.metafile.inputs).map((input) => path.resolve(ROOT, input)),
  );
  for (const file of [optionsFrom].flat()) inputs.add(path.resolve(file));
  inputs.add(import.meta.filename);
  if (existsSync(INSTALLED_PACKAGES)) inputs.add(INSTALLED_PACKAGES);
  const manifest: BundleManifest = { bundle: file, inputs: stampInputs(inputs) };
  const settled = inputsSettledBefore(manifest.inputs, started);
  try {
    mkdirSync(BUNDLES, { recursive: true });
    if (!existsSync(file)) {
      forgetOldBundles(name, extension);
      writeFileAtomically(file, output.contents);
    }
    if (settled) writeFileAtomically(manifestPath(name), JSON.stringify(manifest));
    else rmSync(manifestPath(name), { force: true });
    return { file };
  } catch {
    return existsSync(file) ? { file } : { contents: output.contents };
  }
}
