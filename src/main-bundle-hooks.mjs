// @ts-check
/**
 * Module hooks of `npm run build` (main-bundle.mjs), run by Node in its hooks thread: an import of
 * the script, the configuration, a template or a layout by its `.ts` file resolves to its module
 * in the bundle. https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
 */
import { fileURLToPath } from "node:url";

/** @type {Map<string, string>} */
let outputs = new Map();

/** @param {{ outputs: Record<string, string> }} data */
export function initialize(data) {
  outputs = new Map(Object.entries(data.outputs));
}

const TYPESCRIPT = /\.ts(?:[?#]|$)/u;

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  if (!TYPESCRIPT.test(specifier)) return nextResolve(specifier, context);
  let url;
  try {
    url = new URL(specifier, context.parentURL);
  } catch {
    return nextResolve(specifier, context);
  }
  if (url.protocol !== "file:") return nextResolve(specifier, context);
  // Eleventy adds a query to bust its import cache in watch mode; a build imports each once.
  url.search = "";
  url.hash = "";
  const bundled = outputs.get(url.href);
  if (bundled) return { url: bundled, shortCircuit: true };
  // Not bundled means no TypeScript to run it with: say which file, rather than Node's "unknown
  // file extension".
  throw new Error(
    `${fileURLToPath(url)} is not in the bundle of the build's program: it bundles the script, .eleventy.ts and the TypeScript under content/ and layouts/ (src/main-bundle.mjs). Import the module from one of those.`,
  );
}
