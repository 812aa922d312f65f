/**
 * `npm run build` where its program's bundle cannot be written (src/main-bundle.mjs): a copy of
 * the project whose `node_modules/.cache` is a file, so no cache of any kind can be written. The
 * build says it runs through tsx, and writes the same site as `npm run build` from the bundle.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject } from "../../bench/project-copy.ts";
import { hashTree, treeDifferences } from "../support/tree-hash.ts";
import { npmRunBuildArgs } from "../support/run-build.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
let fallback: { stdout: string; stderr: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sarkhat-no-bundle-"));
  // The copy links every package one by one; in place of its caches' folder, a file.
  const project = copyProject(path.join(dir, "project"), { withArticles: true });
  writeFileSync(path.join(project, "node_modules", ".cache"), "not a folder\n");

  const run = (cwd: string, output: string) =>
    promisify(execFile)(process.execPath, npmRunBuildArgs(["--output", output], cwd), { cwd });
  fallback = await run(project, path.join(dir, "through-tsx"));
  await run(ROOT, path.join(dir, "from-bundle"));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run build without a bundle", () => {
  it("says why it runs through tsx", () => {
    expect(fallback.stderr).toMatch(
      /^Running through tsx, slower: its bundle could not be written \(Error: ENOTDIR/mu,
    );
  });

  it("builds the site all the same", () => {
    expect(fallback.stdout).toMatch(/^Built \d+ files into /mu);
    const throughTsx = hashTree(path.join(dir, "through-tsx"));
    expect(throughTsx.size, "a whole site").toBeGreaterThan(50);
    expect(treeDifferences(hashTree(path.join(dir, "from-bundle")), throughTsx)).toEqual([]);
  });
});
