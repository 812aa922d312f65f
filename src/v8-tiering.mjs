// @ts-check
/**
 * V8's tier-up tuned for a build, a batch job of one or two seconds in five isolates (this thread
 * and the workers'): each isolate compiles its hot functions with TurboFan afresh, in V8's
 * background threads, which share the machine's cores with the build itself.
 *
 * Profiled at 1,000 articles on Node 20 (per-thread CPU from /proc): V8's background threads took
 * 0.74 s of 2.9 s of CPU, and 0.28 s with `--no-concurrent-recompilation` (TurboFan compiling on
 * the threads that ask instead). Waiting about four and a half times longer before optimizing a
 * function cut their share to 0.46 s; the code that runs long enough to matter (rendering, the
 * search index's text) is still optimized. Measured in interleaved pairs of builds: 0.95 of the wall time at 1,000 articles
 * (CPU 0.95), 0.98 at 10,000.
 *
 * Only on V8 11.3 (Node 20), where it was measured: V8 12 and later (Node 22, 24) tier up through
 * Maglev first and have no `--interrupt-budget` (`node: bad option`), so they keep their defaults.
 */
import { setFlagsFromString } from "node:v8";

/** V8's default on 11.3 is 67,584 (bytecode bytes run, scaled, before a tier-up check). */
const INTERRUPT_BUDGET = 300_000;

/**
 * The V8 flags a build sets on the V8 version `v8Version` (`process.versions.v8`).
 * @param {string} v8Version
 * @returns {string[]}
 */
export function buildTieringFlags(v8Version) {
  return v8Version.startsWith("11.3.") ? [`--interrupt-budget=${INTERRUPT_BUDGET}`] : [];
}

/**
 * Set them in this process, before its workers start: V8's flags are the process's, and the
 * workers' isolates read them too. Set at run time, the budget did what it does on the command
 * line (measured as above); a flag on the command line would stop `npm run build` on Node 22.
 * @returns {string[]} the flags set
 */
export function tuneTieringForBuild() {
  const flags = buildTieringFlags(process.versions.v8);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
