// @ts-check
/**
 * `npm run build`'s program as an esbuild bundle, kept between builds (scripts/run-bundled.mjs).
 *
 * Run through tsx, the build's start was Node loading about 550 modules: some 430 of Eleventy and
 * the packages, then about 120 of this project's TypeScript, each of these through tsx's hooks
 * thread. Bundled, they are about 80 files of JavaScript in shared chunks, and no module hook
 * runs at all (bench/HISTORY.md: 0.76 of the wall time at 1,000 articles with a hook that
 * sent Eleventy's imports to the bundle, 0.87 of that without it, 0.94 of that minified). The
 * first build after a change of code pays for the bundle: 0.5–1.1 s.
 *
 * The bundle has one entry per module imported by its path: the script, the configuration, the
 * templates and the layouts (`mainBundleEntries`). esbuild's shared chunks keep every other module
 * one instance. Eleventy imports the configuration and the templates through one function of
 * its own; the bundle's copy of it calls `importModule` (bundled-modules.mjs), which loads them
 * from the bundle (`eleventyImportsFromBundle`). Packages are bundled too, except those loaded
 * only on demand or serving `npm start` (`ON_DEMAND`); this project's JavaScript modules are not
 * (`ownJavaScriptAsItIs`): the preloads have loaded them already and hold state the build takes
 * over.
 *
 * Kept while its sources are unchanged, as the workers' bundles are (src/bundle-cache.ts): a
 * manifest lists the files it was made from with their times and sizes, and the entries it has.
 * JavaScript: it runs before TypeScript can.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { useBundledModules } from "./bundled-modules.mjs";
import { defaultArticlesDir } from "./content/paths.mjs";
import {
  keepModuleAddresses,
  MODULE_ADDRESSES_SOURCE,
  withModuleAddress,
} from "./module-addresses.mjs";
import {
  INSTALLED_PACKAGES,
  inputsSettledBefore,
  inputsUnchanged,
  ROOT,
  stampInputs,
} from "./worker-bundles.mjs";

/** Where the bundles go: under node_modules/, so that the packages left out resolve from them. */
export const MAIN_BUNDLES = path.join(ROOT, "node_modules", ".cache", "sarkhat-main");

/**
 * Packages left out of the bundle, imported as installed: esbuild (a native binary), tsx, those
 * the build loads only when a cache misses (subset-font, yaml, zod: scripts/register-tsx.mjs),
 * and `npm start`'s server and watcher, which Eleventy imports only to serve.
 */
const ON_DEMAND = [
  "esbuild",
  "tsx",
  "subset-font",
  "yaml",
  "zod",
  "@11ty/eleventy-dev-server",
  "chokidar",
];

/** The modules that keep their own addresses in the bundle: all of them, packages included. */
const ADDRESSED_MODULES = /\.(?:ts|m?js|cjs)$/;

/**
 * A bundled package may `require()` what it does not import (Eleventy's package.json, a
 * CommonJS dependency): each chunk gets a `require` of its own, resolving from node_modules.
 */
export const REQUIRE_BANNER =
  'import { createRequire as __sarkhatCreateRequire } from "node:module";\nconst require = __sarkhatCreateRequire(import.meta.url);';

/**
 * What a bundle was made of and holds.
 * @typedef {{
 *   folder: string,
 *   entries: string[],
 *   outputs: Record<string, string>,
 *   inputs: import("./worker-bundles.mjs").InputStamp[],
 * }} MainBundleManifest
 */

/**
 * Where the bundles of one project are kept; both default to this project's.
 * @typedef {{ root?: string, cache?: string }} MainBundlePlace
 */

/**
 * The modules imported by their path, in order: the script (by scripts/run-bundled.mjs), the
 * configuration, then every TypeScript module under content/ and layouts/ (templates, layouts
 * and whatever sits beside them, which Eleventy and the streamed pages import), the articles'
 * folder aside: articles are Markdown, thousands of them, and Eleventy ignores the folder
 * (src/plugins/content.ts).
 * @param {string} script
 * @param {string} [root]
 * @returns {string[]}
 */
export function mainBundleEntries(script, root = ROOT) {
  const articles = path.join(root, defaultArticlesDir);
  /** @type {string[]} */
  const found = [];
  /** @param {string} folder */
  const walk = (folder) => {
    if (folder === articles || !existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(file);
    }
  };
  walk(path.join(root, "content"));
  walk(path.join(root, "layouts"));
  const first = [path.resolve(script), path.join(root, ".eleventy.ts")];
  return [...first, ...found.sort().filter((file) => !first.includes(file))];
}

/** The bundle's name: one per script, for each copy of the project (the benchmark's). */
function bundleName(/** @type {string} */ script) {
  return `main-${createHash("sha256").update(path.resolve(script)).digest("hex").slice(0, 16)}`;
}

/** @param {string} cache @param {string} name */
function manifestFile(cache, name) {
  return path.join(cache, `${name}.manifest.json`);
}

/**
 * The bundled module of each entry (file URL to file URL), if the bundle of `script` made last
 * has these `entries` and none of the files it was made from changed since.
 * @param {string} script
 * @param {readonly string[]} entries
 * @param {MainBundlePlace} [place]
 * @returns {Record<string, string> | undefined}
 */
export function reusableMainBundle(script, entries, { cache = MAIN_BUNDLES } = {}) {
  try {
    const manifest = /** @type {MainBundleManifest} */ (
      JSON.parse(readFileSync(manifestFile(cache, bundleName(script)), "utf8"))
    );
    if (JSON.stringify(manifest.entries) !== JSON.stringify(entries)) return undefined;
    if (!inputsUnchanged(manifest.inputs)) return undefined;
    for (const output of Object.values(manifest.outputs))
      if (!existsSync(fileURLToPath(output))) return undefined;
    // In use: not an old folder for the next bundle's cleanup.
    const now = new Date();
    utimesSync(manifest.folder, now, now);
    return manifest.outputs;
  } catch {
    // No manifest yet, an input gone: bundle again.
    return undefined;
  }
}

/**
 * The project's own JavaScript modules stay imports of their files: the preloads loaded them
 * before the bundle (scripts/start-article-load.mjs), the build takes over the workers they
 * started, and bundled-modules.mjs is told where the bundle is before it runs: there must be one
 * instance of each. Those of the folder bundled, and of this project (a test's folder imports
 * them).
 * @param {string} root
 * @returns {import("esbuild").Plugin}
 */
function ownJavaScriptAsItIs(root) {
  const projects = [path.resolve(root), path.resolve(ROOT)].map((folder) => folder + path.sep);
  return {
    name: "sarkhat-own-javascript",
    setup(build) {
      build.onResolve({ filter: /\.m?js$/ }, ({ path: specifier, resolveDir }) => {
        if (!specifier.startsWith(".") && !path.isAbsolute(specifier)) return undefined;
        const file = path.resolve(resolveDir, specifier);
        const own = projects.some(
          (project) =>
            file.startsWith(project) && !file.startsWith(path.join(project, "node_modules")),
        );
        return own ? { path: pathToFileURL(file).href, external: true } : undefined;
      });
    },
  };
}

/** Eleventy's one function that imports a module by its path (configuration, templates, data). */
const ELEVENTY_LOADER = path.join("@11ty", "eleventy", "src", "Util", "Require.js");
const ELEVENTY_IMPORT = "promise = import(urlPath);";
const BUNDLED_MODULES = fileURLToPath(new URL("./bundled-modules.mjs", import.meta.url));

/**
 * Whether the installed Eleventy imports modules as `eleventyImportsFromBundle` expects: the
 * bundle of an Eleventy whose loader changed would import `.ts` files Node cannot load. Then the build runs
 * through tsx (scripts/run-bundled.mjs says so) until this module is updated.
 * @param {string} [root]
 * @returns {boolean}
 */
export function eleventyLoaderIsKnown(root = ROOT) {
  const loader = path.join(root, "node_modules", ELEVENTY_LOADER);
  // A folder without Eleventy (a test's) has nothing of it to bundle.
  if (!existsSync(loader)) return true;
  return readFileSync(loader, "utf8").split(ELEVENTY_IMPORT).length === 2;
}

/**
 * The bundle's copy of Eleventy's loader imports through `importModule` (bundled-modules.mjs):
 * from the bundle, the configuration, the templates and the layouts. One call in one module of
 * Eleventy's, checked first (`eleventyLoaderIsKnown`); the alternative, a module hook, runs in a
 * thread of its own on Node 20 that every import then waits on.
 * @returns {import("esbuild").Plugin}
 */
function eleventyImportsFromBundle() {
  return {
    name: "sarkhat-eleventy-imports",
    setup(build) {
      build.onLoad({ filter: /Require\.js$/ }, ({ path: file }) => {
        if (!file.endsWith(path.sep + ELEVENTY_LOADER)) return undefined;
        const source = withModuleAddress(file, readFileSync(file, "utf8"));
        if (source.split(ELEVENTY_IMPORT).length !== 2)
          throw new Error(`${file} no longer has \`${ELEVENTY_IMPORT}\` (src/main-bundle.mjs)`);
        const contents = `import { importModule as __sarkhatImportModule } from ${JSON.stringify(BUNDLED_MODULES)};\n${source.replace(ELEVENTY_IMPORT, "promise = __sarkhatImportModule(urlPath);")}`;
        return { contents, loader: "js" };
      });
    },
  };
}

/**
 * Bundle `entries` (`mainBundleEntries`) for `script` now, write the bundle in a folder named
 * by a hash of its content, and give the bundled module of each entry. Throws esbuild's error
 * (which names the file and line) when the code does not compile, and the file system's when the
 * bundle cannot be written.
 * @param {string} script
 * @param {readonly string[]} entries
 * @param {MainBundlePlace} [place]
 * @returns {Promise<Record<string, string>>}
 */
export async function makeMainBundle(script, entries, { root = ROOT, cache = MAIN_BUNDLES } = {}) {
  // Only now: a build whose code did not change never loads esbuild.
  const { build } = await import("esbuild");
  const started = Date.now();
  const name = bundleName(script);
  const staging = path.join(cache, `${name}.${randomUUID()}.tmp`);
  const result = await build({
    entryPoints: [...entries],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: staging,
    outbase: root,
    entryNames: "[dir]/[name]",
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    banner: { js: REQUIRE_BANNER },
    // Less for V8 to parse at every start: 0.94 of the wall time at 1,000 articles (13 pairs),
    // 0.96 at 10,000 (4). Names are kept, so stack traces still name each function, and
    // `NODE_OPTIONS=--enable-source-maps` maps them to the TypeScript (the maps name the sources
    // on disk; Node reads them only with that flag).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    external: ON_DEMAND,
    plugins: [
      ownJavaScriptAsItIs(root),
      eleventyImportsFromBundle(),
      keepModuleAddresses(ADDRESSED_MODULES),
    ],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const files = result.outputFiles
    .map((output) => ({ file: path.relative(staging, output.path), contents: output.contents }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  const hash = createHash("sha256");
  for (const { file, contents } of files) hash.update(file).update("\0").update(contents);
  const folder = path.join(cache, `${name}.${hash.digest("hex").slice(0, 16)}`);

  mkdirSync(cache, { recursive: true });
  forgetOldBundles(cache, folder);
  if (!existsSync(folder)) {
    // Written aside, then renamed: a build running beside this one sees all of it or none.
    for (const { file, contents } of files) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), contents);
    }
    try {
      renameSync(staging, folder);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another build wrote the same bundle first.
      if (!existsSync(folder)) throw error;
    }
  }

  /** @type {Record<string, string>} */
  const outputs = {};
  for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
    if (entryPoint === undefined) continue;
    const bundled = path.join(folder, path.relative(staging, path.resolve(root, output)));
    outputs[pathToFileURL(path.resolve(root, entryPoint)).href] = pathToFileURL(bundled).href;
  }
  const inputs = new Set(
    Object.keys(result.metafile.inputs)
      .map((input) => path.resolve(root, input))
      // The packages change with npm's record of them, checked below; not each of their files.
      .filter((input) => !input.includes(`${path.sep}node_modules${path.sep}`)),
  );
  for (const file of [INSTALLED_PACKAGES, fileURLToPath(import.meta.url), MODULE_ADDRESSES_SOURCE])
    if (existsSync(file)) inputs.add(file);
  /** @type {MainBundleManifest} */
  const manifest = {
    folder,
    entries: [...entries],
    outputs,
    inputs: stampInputs(inputs),
  };
  const manifestPath = manifestFile(cache, name);
  if (inputsSettledBefore(manifest.inputs, started)) {
    const temporary = `${manifestPath}.${randomUUID()}.tmp`;
    writeFileSync(temporary, JSON.stringify(manifest));
    renameSync(temporary, manifestPath);
  } else {
    rmSync(manifestPath, { force: true });
  }
  return outputs;
}

/**
 * Bundles go once they are an hour old, those of every script (a test's script in a folder of
 * its own is bundled once and never again), but not the one in use: a build touches its folder
 * as it starts, and a build still running from an older one may use it until then. A manifest
 * goes with its folder.
 * @param {string} cache @param {string} current
 */
function forgetOldBundles(cache, current) {
  const hourAgo = Date.now() - 3_600_000;
  const manifests = [];
  for (const entry of readdirSync(cache)) {
    const file = path.join(cache, entry);
    if (entry.endsWith(".manifest.json")) manifests.push(file);
    else if (file !== current)
      try {
        if (statSync(file).mtimeMs < hourAgo) rmSync(file, { recursive: true, force: true });
      } catch {
        // Another build removed it first.
      }
  }
  for (const manifest of manifests)
    try {
      const { folder } = /** @type {MainBundleManifest} */ (
        JSON.parse(readFileSync(manifest, "utf8"))
      );
      if (!existsSync(folder)) rmSync(manifest, { force: true });
    } catch {
      // Being rewritten, or removed by another build.
    }
}

/**
 * Whether `error` is esbuild's report of code that does not compile (its `errors` name each file,
 * line and column), rather than a failure to write the bundle.
 * @param {unknown} error
 * @returns {error is Error & { errors: unknown[] }}
 */
export function isCompileError(error) {
  return Array.isArray(/** @type {{ errors?: unknown }} */ (error)?.errors);
}

/**
 * The bundled module of `script` (`program`), made now unless the last bundle is current, with
 * `importModule` (bundled-modules.mjs) loading the other entries from it: import it to run the
 * program. Otherwise why there is none (`fallback`): the bundle cannot be written (a read-only
 * node_modules, a `.cache` that is not a folder) or Eleventy's loader is not the one expected
 * (`eleventyLoaderIsKnown`); the caller then runs the TypeScript as it is. Throws esbuild's
 * error when the code does not compile: tsx would fail on it too.
 * @param {string} script
 * @param {MainBundlePlace} [place]
 * @returns {Promise<{ program: string } | { fallback: string }>}
 */
export async function prepareMainBundle(script, place = {}) {
  const entries = mainBundleEntries(script, place.root);
  let outputs = reusableMainBundle(script, entries, place);
  if (!outputs) {
    if (!eleventyLoaderIsKnown(place.root))
      return {
        fallback: `the installed Eleventy no longer imports modules with \`${ELEVENTY_IMPORT}\` (src/main-bundle.mjs)`,
      };
    try {
      outputs = await makeMainBundle(script, entries, place);
    } catch (error) {
      if (isCompileError(error)) throw error;
      return { fallback: `its bundle could not be written (${String(error)})` };
    }
  }
  useBundledModules(outputs);
  const program = outputs[pathToFileURL(path.resolve(script)).href];
  if (!program) throw new Error(`the bundle of ${script} has no module for it`);
  return { program };
}
