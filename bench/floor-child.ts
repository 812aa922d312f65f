/**
 * The floor as a process of its own (`node --import tsx bench/floor-child.ts <corpus> <out>`):
 * the same bare render as bench/floor.ts, plus what every process pays, Node's start, tsx and the
 * imports, as our build does. Prints `{"processMs": …}` as its last line.
 */
import { renderFloor } from "./floor.ts";

const [corpusDir, outputDir] = process.argv.slice(2);
if (!corpusDir || !outputDir) throw new Error("usage: floor-child.ts <corpus dir> <output dir>");
renderFloor(corpusDir, outputDir);
console.log(JSON.stringify({ processMs: performance.now() }));
