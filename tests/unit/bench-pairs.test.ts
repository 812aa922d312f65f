/**
 * `npm run bench:pairs` (bench/pairs.ts): its arithmetic (bench/pair-stats.ts) and the copy of a
 * commit it builds (bench/project-copy.ts). The timings themselves are never asserted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstOfPair, summarizePairs, type Pair } from "../../bench/pair-stats.ts";
import { copyProject } from "../../bench/project-copy.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = (processMs: number, cpuMs = processMs, peakRssBytes = 2 ** 20) => ({
  processMs,
  cpuMs,
  peakRssBytes,
});
const pair = (a: number, b: number, cpuA = a, cpuB = b): Pair => ({
  a: run(a, cpuA),
  b: run(b, cpuB),
});

describe("firstOfPair", () => {
  it("alternates which build goes first, A in the first pair", () => {
    expect([0, 1, 2, 3, 4].map(firstOfPair)).toEqual(["a", "b", "a", "b", "a"]);
  });
});

describe("summarizePairs", () => {
  it.each<[string, Pair[], { wallRatio: number; cpuRatio: number; bFaster: number }]>([
    ["one pair", [pair(1000, 900, 2000, 1900)], { wallRatio: 0.9, cpuRatio: 0.95, bFaster: 1 }],
    [
      "an odd number: the middle ratio",
      [pair(1000, 900), pair(1000, 1200), pair(2000, 1900)],
      { wallRatio: 0.95, cpuRatio: 0.95, bFaster: 2 },
    ],
    [
      "an even number: the mean of the middle two",
      [pair(1000, 800), pair(1000, 1000), pair(1000, 1100), pair(1000, 1300)],
      { wallRatio: 1.05, cpuRatio: 1.05, bFaster: 1 },
    ],
  ])("takes the median of each pair's ratio, with %s", (_, pairs, expected) => {
    const summary = summarizePairs(pairs);
    expect(summary.pairs, "pairs counted").toBe(pairs.length);
    expect(summary.wallRatio, "wall ratio").toBeCloseTo(expected.wallRatio, 12);
    expect(summary.cpuRatio, "CPU ratio").toBeCloseTo(expected.cpuRatio, 12);
    expect(summary.bFaster, "pairs where B is faster").toBe(expected.bFaster);
  });

  it("compares within each pair, not the two sides' medians", () => {
    // B is 10 % faster in every pair, but the machine slowed down between pairs.
    const pairs = [pair(1000, 900), pair(3000, 2700), pair(1200, 1080)];
    const summary = summarizePairs(pairs);
    expect(summary.wallRatio, "the pairs' ratio").toBeCloseTo(0.9, 12);
    expect(summary.wallA, "A's median").toBe(1200);
    expect(summary.wallB, "B's median").toBe(1080);
  });

  it("refuses no pairs, saying so", () => {
    expect(() => summarizePairs([])).toThrow(/at least one pair, got none/);
  });
});

describe("copyProject of a commit", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "sarkhat-pairs-copy-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT }).toString();
  const hasHistory = existsSync(path.join(ROOT, ".git"));

  it.skipIf(!hasHistory)(
    "holds the commit's files, not the working tree's, and the packages",
    () => {
      const commit = git("rev-parse", "HEAD").trim();
      const dest = copyProject(path.join(work, "head"), { commit });
      for (const file of ["package.json", ".eleventy.ts", "src/build.ts", "bench/build-child.ts"])
        expect(readFileSync(path.join(dest, file), "utf8"), file).toBe(
          git("show", `${commit}:${file}`),
        );
      expect(existsSync(path.join(dest, "content/news")), "the articles left out").toBe(false);
      expect(
        lstatSync(path.join(dest, "node_modules/@11ty")).isSymbolicLink(),
        "packages linked from this checkout",
      ).toBe(true);
      expect(existsSync(path.join(dest, "node_modules/.cache")), "caches of its own").toBe(false);
    },
  );

  it("refuses a name that is no commit, naming it", () => {
    expect(() => copyProject(path.join(work, "none"), { commit: "no-such-commit" })).toThrow(
      /"no-such-commit" names no commit/,
    );
  });
});
