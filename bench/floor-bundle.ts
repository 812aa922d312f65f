/**
 * The floor as a process runs as `npm run build` does: from an esbuild bundle of its program,
 * packages included, under plain `node` (no tsx; src/main-bundle.mjs is the build's). Through tsx
 * it paid about 0.35 s of start-up at 1,000 articles that the build no longer pays.
 */
import { build } from "esbuild";
import path from "node:path";
import { REQUIRE_BANNER } from "../src/main-bundle.mjs";

const CHILD = path.join(import.meta.dirname, "floor-child.ts");

/** Bundle bench/floor-child.ts into `outfile` (a `.mjs` file); returns `outfile`. */
export async function bundleFloorChild(outfile: string): Promise<string> {
  await build({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // yaml's CommonJS build requires Node's own modules ("process", "buffer"): the `require` the
    // build's bundle gives its chunks.
    banner: { js: REQUIRE_BANNER },
  });
  return outfile;
}
