/**
 * The benchmark's floor as a process (bench/floor-child.ts, bundled by bench/floor-bundle.ts and
 * run by plain `node`, as the build runs from its bundle) writes exactly what the floor run in
 * the benchmark's own process writes (bench/floor.ts): the two columns measure the same work.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { renderFloor } from "../../bench/floor.ts";
import { bundleFloorChild } from "../../bench/floor-bundle.ts";
import { hashTree, treeDifferences } from "../support/tree-hash.ts";

const COUNT = 25;
const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-floor-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the benchmark's floor as a process", () => {
  it("runs from its bundle under plain node and writes what the in-process floor writes", async () => {
    const corpus = path.join(dir, "corpus");
    writeCorpus(corpus, COUNT);
    const inProcess = renderFloor(corpus, path.join(dir, "in-process"));
    expect(inProcess.pages, "pages the in-process floor wrote").toBe(COUNT);

    const child = await bundleFloorChild(path.join(dir, "floor-child.mjs"));
    const { stdout } = await promisify(execFile)(process.execPath, [
      child,
      corpus,
      path.join(dir, "as-a-process"),
    ]);
    const { processMs } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { processMs: number };
    expect(processMs, "the child's measurement of its own life").toBeGreaterThan(0);
    const written = hashTree(path.join(dir, "as-a-process"));
    expect(written.size, "pages the floor as a process wrote").toBe(COUNT);
    expect(treeDifferences(hashTree(path.join(dir, "in-process")), written)).toEqual([]);
  });
});
