// @ts-check
/**
 * `node --import ./scripts/register-bundle.mjs script.ts`: run the build's TypeScript program from
 * an esbuild bundle of it, Eleventy and the packages included, made when its code changed and
 * kept otherwise (src/main-bundle.mjs). Through tsx, the start of `npm run build` was Node loading
 * about 550 modules, the project's TypeScript through tsx's hooks thread; bundled, about 80.
 *
 * Where the bundle cannot be written (a read-only node_modules), or the script is not TypeScript,
 * it registers tsx as before (scripts/register-tsx.mjs). Only the main thread bundles: workers
 * run bundles of their own and are not given this flag (src/worker-bundles.mjs).
 */
import { isMainThread } from "node:worker_threads";
import { runFromMainBundle } from "../src/main-bundle.mjs";

if (isMainThread) {
  const script = process.argv[1];
  const bundled = script?.endsWith(".ts") && (await runFromMainBundle(script).catch(reportCode));
  if (!bundled) await import("./register-tsx.mjs");
}

/**
 * Code that does not compile: esbuild's errors name each file, line and column, which is what
 * the editor needs (its stack is esbuild's own); anything else is thrown as it is.
 * @param {unknown} error
 * @returns {never}
 */
function reportCode(error) {
  if (!Array.isArray(/** @type {{ errors?: unknown }} */ (error)?.errors)) throw error;
  console.error(`The build's code does not compile. ${/** @type {Error} */ (error).message}`);
  console.error("The build failed; nothing was built.");
  process.exit(1);
}
