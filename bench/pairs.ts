/**
 * `npm run bench:pairs -- <A> <B> [N] [--pairs P] [--dir D] [--keep]`: how much faster or slower
 * the build of B is than the build of A, in interleaved pairs (bench/pair-stats.ts). A and B are
 * git commits (`HEAD~1`, `a69414a`) or `.`, the working tree as it is. N articles (1,000 by
 * default) are generated as for `npm run bench` (bench/corpus.ts); P pairs (8 by default) follow
 * one warm-up build of each, which makes the copies' bundles and fills their caches, so that the
 * pairs measure what an editor's builds do.
 *
 * Each side is a copy of the project (bench/project-copy.ts) with caches of its own, built in a
 * child process exactly as `npm run build` runs (bench/build-child.ts, with the build's flags:
 * bench/build-flags.ts), on tmpfs where there is one, as `npm run bench` does. A commit is built
 * with this checkout's packages. It is a benchmark, not a test: it prints figures and asserts
 * nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, mebibytes, runBuildChild, seconds, thousands } from "./child.ts";
import { writeCorpus } from "./corpus.ts";
import { firstOfPair, summarizePairs, type Pair } from "./pair-stats.ts";
import { copyProject } from "./project-copy.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pairs: { type: "string", default: "8" },
    dir: { type: "string", default: BENCH_DIR },
    keep: { type: "boolean", default: false },
  },
});
const [sideA, sideB, countText = "1000"] = positionals;
const count = Number(countText);
const pairCount = Number(values.pairs);
if (!sideA || !sideB || positionals.length > 3)
  throw new Error(
    `usage: npm run bench:pairs -- <commit or .> <commit or .> [articles] [--pairs P], got ${JSON.stringify(positionals)}`,
  );
if (!Number.isInteger(count) || count < 1)
  throw new Error(`the number of articles must be a positive whole number, got ${countText}`);
if (!Number.isInteger(pairCount) || pairCount < 1)
  throw new Error(`--pairs must be a positive whole number, got ${values.pairs}`);

const workDir = mkdtempSync(path.join(values.dir, "sarkhat-pairs-"));
try {
  const copy = (side: string, name: string) =>
    copyProject(path.join(workDir, name), side === "." ? {} : { commit: side });
  const projects = { a: copy(sideA, "a"), b: copy(sideB, "b") };
  const corpus = path.join(workDir, "corpus");
  writeCorpus(corpus, count);
  const output = path.join(workDir, "site");
  const build = async (side: "a" | "b") => {
    const measured = await runBuildChild(projects[side], corpus, output);
    rmSync(output, { recursive: true, force: true });
    return measured;
  };

  console.error(
    `A = ${sideA}, B = ${sideB}; ${thousands(count)} articles; 1 warm-up each, then ${pairCount} pairs`,
  );
  await build("a");
  await build("b");
  const pairs: Pair[] = [];
  for (let index = 0; index < pairCount; index++) {
    const first = firstOfPair(index);
    const second = first === "a" ? "b" : "a";
    const firstRun = await build(first);
    const secondRun = await build(second);
    const runs: Pair =
      first === "a" ? { a: firstRun, b: secondRun } : { a: secondRun, b: firstRun };
    pairs.push(runs);
    console.error(
      `  pair ${index + 1} (${first.toUpperCase()} first): A ${seconds(runs.a.processMs)} s, B ${seconds(runs.b.processMs)} s, B/A ${(runs.b.processMs / runs.a.processMs).toFixed(3)}, CPU ${(runs.b.cpuMs / runs.a.cpuMs).toFixed(3)}`,
    );
  }
  const summary = summarizePairs(pairs);
  console.log(
    [
      `B/A, median of ${summary.pairs} pairs: wall ${summary.wallRatio.toFixed(3)}, CPU ${summary.cpuRatio.toFixed(3)}; B faster in ${summary.bFaster} of ${summary.pairs}`,
      `medians: A ${seconds(summary.wallA)} s, B ${seconds(summary.wallB)} s; peak RSS A ${mebibytes(summary.peakRssA)}, B ${mebibytes(summary.peakRssB)}`,
    ].join("\n"),
  );
} finally {
  if (values.keep) console.error(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
