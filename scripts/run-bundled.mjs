// @ts-check
/**
 * `node scripts/run-bundled.mjs script.ts [options]`: run a TypeScript program of this project
 * from an esbuild bundle of it, Eleventy and the packages included, made when its code changed and
 * kept otherwise (src/main-bundle.mjs). `npm run build` runs scripts/build.ts this way, after the
 * article load's preload. Through tsx, the start of the build was Node loading about 550 modules,
 * the project's TypeScript through tsx's hooks thread; bundled, about 80, and no module hook.
 *
 * Where the bundle cannot be written (a read-only node_modules) or Eleventy's loader is not the
 * one the bundle expects, the program runs through tsx as before (scripts/register-tsx.mjs), and
 * says so.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isCompileError, prepareMainBundle } from "../src/main-bundle.mjs";

const [script] = process.argv.splice(2, 1);
if (!script?.endsWith(".ts"))
  throw new Error(`usage: run-bundled.mjs <script.ts> [options], got ${JSON.stringify(script)}`);
// The program sees the command line `node script.ts [options]` would give it.
process.argv[1] = path.resolve(script);

const bundle = await prepareMainBundle(process.argv[1]).catch(reportCode);
if ("program" in bundle) {
  // Eleventy registers a module hook on Node 20 that busts its import cache for files changed
  // while it watches (https://github.com/11ty/eleventy/issues/3371); a build imports each module
  // once, and the hook runs in a thread of its own that every later import would wait on.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  await import(bundle.program);
} else {
  console.error(`Running through tsx, slower: ${bundle.fallback}.`);
  await import("./register-tsx.mjs");
  await import(pathToFileURL(process.argv[1]).href);
}

/**
 * Code that does not compile: esbuild's errors name each file, line and column, which is what
 * the editor needs (its stack is esbuild's own); anything else is thrown as it is.
 * @param {unknown} error
 * @returns {never}
 */
function reportCode(error) {
  if (!isCompileError(error)) throw error;
  console.error(`The build's code does not compile. ${error.message}`);
  console.error("The build failed; nothing was built.");
  process.exit(1);
}
