// @ts-check
/**
 * A bundle is one module (or a few shared chunks), so `import.meta.url` would be the bundle's
 * address in every module of it. Modules that find files next to themselves must keep their own:
 * the lexicon's word lists, the stylesheets read beside their modules, and in `npm run build`'s
 * bundle (main-bundle.mjs) Eleventy, which finds its package.json and registers its module hook
 * by its own address. This esbuild plugin writes each module's address into its code as it loads.
 * JavaScript: main-bundle.mjs runs before TypeScript can.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** This module's file: a bundle made with its plugin is made again when it changes. */
export const MODULE_ADDRESSES_SOURCE = fileURLToPath(import.meta.url);

// Not inside a string (src/worker.ts names them in strings), nor a property of something else.
const IMPORT_META = /(?<!["'`.\w$])\bimport\.meta\.(url|dirname|filename)\b/gu;
const COMMONJS_ADDRESS = /(?<![.\w$])\b__(dirname|filename)\b/gu;
const DECLARES_COMMONJS_ADDRESS = /\b(?:var|let|const)\s+__(?:dirname|filename)\b/u;

/**
 * The source of `file` with its own address in place of `import.meta.url`, `.dirname` and
 * `.filename`, and of CommonJS's `__dirname` and `__filename` where the module does not declare
 * them itself (an ES module often does, from `import.meta.url`). Exported for its tests.
 * @param {string} file
 * @param {string} source
 * @returns {string}
 */
export function withModuleAddress(file, source) {
  /** @type {Record<string, string>} */
  const values = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
  const addressed = source.replace(IMPORT_META, (_, name) => JSON.stringify(values[name]));
  if (file.endsWith(".ts") || DECLARES_COMMONJS_ADDRESS.test(addressed)) return addressed;
  return addressed.replace(COMMONJS_ADDRESS, (_, name) => JSON.stringify(values[name]));
}

/**
 * The plugin, for the files `filter` matches: TypeScript only for the workers' bundles, which
 * import packages as installed; packages too for `npm run build`'s, which holds them.
 * @param {RegExp} filter (a Go regular expression: no flags)
 * @returns {import("esbuild").Plugin}
 */
export function keepModuleAddresses(filter) {
  return {
    name: "sarkhat-module-addresses",
    setup(build) {
      build.onLoad({ filter }, ({ path: file }) => ({
        contents: withModuleAddress(file, readFileSync(file, "utf8")),
        loader: file.endsWith(".ts") ? "ts" : "js",
      }));
    },
  };
}
