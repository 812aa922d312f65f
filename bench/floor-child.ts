/**
 * The floor as a process of its own: the same bare render as bench/floor.ts, plus what every
 * process pays, Node's start and the imports. The benchmark runs it as `npm run build` runs the
 * build, from an esbuild bundle under plain `node` (bench/floor-bundle.ts). Prints
 * `{"processMs": …}` as its last line.
 */
import { renderFloor } from "./floor.ts";

const [corpusDir, outputDir] = process.argv.slice(2);
if (!corpusDir || !outputDir) throw new Error("usage: floor-child.ts <corpus dir> <output dir>");
renderFloor(corpusDir, outputDir);
console.log(JSON.stringify({ processMs: performance.now() }));
