// @ts-check
/**
 * Imports by path of the modules that `npm run build`'s bundle holds (main-bundle.mjs): the
 * configuration, the templates and the layouts, which Eleventy imports by their `.ts` file, and so
 * do the streamed pages (src/plugins/streamed-pages.ts). Run from its bundle, the build has no
 * TypeScript loader: each such import goes to the module's bundled file. Otherwise (tsx: the
 * tests, `npm start`) it is a plain `import()`. JavaScript, one instance shared by the bundle and
 * the script that starts it (scripts/run-bundled.mjs).
 */
import { fileURLToPath } from "node:url";

/** @type {Map<string, string> | undefined} */
let bundled;

/**
 * From now on, `importModule` loads each entry of the bundle (its `.ts` file URL) from its bundled
 * module (file URL).
 * @param {Record<string, string>} outputs
 */
export function useBundledModules(outputs) {
  bundled = new Map(Object.entries(outputs));
}

/**
 * `import(specifier)`, from the bundle when the program runs from one. A `.ts` file the bundle
 * does not hold is refused with its name, rather than Node's "unknown file extension".
 * @param {string} specifier a file URL, as Eleventy and the streamed pages import modules
 * @returns {Promise<any>}
 */
export async function importModule(specifier) {
  if (bundled && /\.ts(?:[?#]|$)/u.test(specifier) && URL.canParse(specifier)) {
    const url = new URL(specifier);
    // Eleventy adds a query to bust its cache in watch mode; a build imports each module once.
    url.search = "";
    url.hash = "";
    if (url.protocol === "file:") {
      const module = bundled.get(url.href);
      if (!module)
        throw new Error(
          `${fileURLToPath(url)} is not in the bundle of the build's program: it bundles the script, .eleventy.ts and the TypeScript under content/ and layouts/ (src/main-bundle.mjs). Import the module from one of those.`,
        );
      return import(module);
    }
  }
  return import(specifier);
}
