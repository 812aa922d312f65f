import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  firstMessage,
  makeWorkerBundle,
  startTypeScriptWorker,
  workerCodeVersion,
} from "../../src/worker.ts";
import {
  flagsForWorkers,
  INSTALLED_PACKAGES,
  installedPackagesVersion,
  manifestPath,
  SMALL_ARCHIVE_YOUNG_GENERATION,
} from "../../src/worker-bundles.mjs";
import { copyProject } from "../../bench/project-copy.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = path.resolve(import.meta.dirname, "../fixtures/worker/echo.ts");

describe("startTypeScriptWorker", () => {
  it("runs a TypeScript module that keeps its own address, reads files beside it and imports the project", async () => {
    const worker = await startTypeScriptWorker(pathToFileURL(ENTRY), 1399);
    const message = await firstMessage(worker, "echo");
    await worker.terminate();
    expect(message).toEqual({
      url: pathToFileURL(ENTRY).href,
      dirname: path.dirname(ENTRY),
      beside: "read next to the worker module\n",
      digits: "۱۳۹۹",
      youngGenerationMb: expect.any(Number),
    });
  });

  it("starts with the resource limits it is given", async () => {
    const worker = await startTypeScriptWorker(pathToFileURL(ENTRY), 1400, {
      maxYoungGenerationSizeMb: 12,
    });
    const message = await firstMessage(worker, "echo");
    await worker.terminate();
    expect(message, "the young generation the worker was started with").toMatchObject({
      youngGenerationMb: 12,
    });
  });

  it("starts even when this process has flags Node refuses for a worker", async () => {
    const original = process.execArgv;
    // `node --max-old-space-size=8192 …` or `node --trace-gc …`: process-wide, refused per worker.
    process.execArgv = [...original, "--max-old-space-size=4096", "--trace-gc"];
    try {
      const worker = await startTypeScriptWorker(
        pathToFileURL(ENTRY),
        1402,
        SMALL_ARCHIVE_YOUNG_GENERATION,
      );
      const message = await firstMessage(worker, "echo");
      await worker.terminate();
      expect(
        message,
        "what the worker posted, and its young generation still limited",
      ).toMatchObject({
        digits: "۱۴۰۲",
        youngGenerationMb: SMALL_ARCHIVE_YOUNG_GENERATION.maxYoungGenerationSizeMb,
      });
    } finally {
      process.execArgv = original;
    }
  });

  it("fails naming the module when it does not compile", async () => {
    await expect(
      startTypeScriptWorker(pathToFileURL(path.join(path.dirname(ENTRY), "missing.ts")), null),
    ).rejects.toThrow(/missing\.ts/u);
  });
});

describe("flagsForWorkers", () => {
  // A worker runs a JavaScript bundle: the flags that register tsx would only cost it a hooks
  // thread, and the article load is the main thread's to start; every other flag must reach it
  // unchanged.
  it.each([
    [
      "`tsx script.ts`",
      [
        "--require",
        "/p/node_modules/tsx/dist/preflight.cjs",
        "--import",
        "file:///p/node_modules/tsx/dist/loader.mjs",
      ],
      [],
    ],
    ["`node --import tsx`", ["--import", "tsx"], []],
    [
      "`--import=tsx/esm` among other flags",
      ["--import=tsx/esm", "--cpu-prof", "--max-old-space-size=4096"],
      ["--cpu-prof", "--max-old-space-size=4096"],
    ],
    [
      "hooks that are not tsx",
      ["--import", "./instrument.mjs", "-r", "dotenv/config"],
      ["--import", "./instrument.mjs", "-r", "dotenv/config"],
    ],
    [
      "a package whose name only contains tsx",
      ["--import", "my-tsx-plugin"],
      ["--import", "my-tsx-plugin"],
    ],
    [
      "tsx registered after the packages load",
      ["--import", "./scripts/register-tsx.mjs", "--cpu-prof"],
      ["--cpu-prof"],
    ],
    [
      "the same as a file URL",
      [`--import=${pathToFileURL(path.resolve(ROOT, "scripts/register-tsx.mjs")).href}`],
      [],
    ],
    [
      "`npm run build`: the article load started first",
      ["--import", "./scripts/start-article-load.mjs", "--cpu-prof"],
      ["--cpu-prof"],
    ],
    [
      "the article load and tsx, as a script run through tsx starts them",
      [
        "--import",
        "./scripts/start-article-load.mjs",
        "--import",
        "./scripts/register-tsx.mjs",
        "--cpu-prof",
      ],
      ["--cpu-prof"],
    ],
    ["no flags", [], []],
  ])("%s", (_, flags, expected) => {
    expect(flagsForWorkers(flags), `the flags kept of ${JSON.stringify(flags)}`).toEqual(expected);
  });
});

describe("makeWorkerBundle", () => {
  // A folder of the project (bundles resolve the project's imports), removed afterwards.
  const dir = mkdtempSync(path.join(import.meta.dirname, "../fixtures/worker/bundle-"));
  const bundles = path.resolve(import.meta.dirname, "../../node_modules/.cache/sarkhat-workers");
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const file of readdirSync(bundles))
      if (file.startsWith(`${path.basename(dir)}-entry.`)) rmSync(path.join(bundles, file));
  });
  const helper = path.join(dir, "helper.ts");
  const manifest = manifestPath(`${path.basename(dir)}-entry`);

  it("reuses the last bundle while its files are unchanged, and bundles again when one changes", async () => {
    // Named after the folder, so that parallel test runs never share a manifest.
    const named = path.join(dir, `${path.basename(dir)}-entry.ts`);
    writeFileSync(helper, 'export const word: string = "first-version";\n');
    writeFileSync(named, 'import { word } from "./helper.ts";\nexport const said = word;\n');
    // Stamps a second in the past: files saved while esbuild runs are not trusted (see worker.ts).
    const past = new Date(Date.now() - 2_000);
    for (const file of [helper, named]) utimesSync(file, past, past);

    const first = await makeWorkerBundle(pathToFileURL(named));
    expect(first, "a bundle was written").toBeTypeOf("string");
    expect(readFileSync(first!, "utf8")).toContain("first-version");
    const written = statSync(manifest).mtimeMs;

    const second = await makeWorkerBundle(pathToFileURL(named));
    expect(second, "the same bundle, unchanged files").toBe(first);
    expect(statSync(manifest).mtimeMs, "the manifest was not written again").toBe(written);

    // An imported module changes: its size and time no longer match the manifest.
    writeFileSync(helper, 'export const word: string = "second-version";\n');
    utimesSync(helper, past, new Date(Date.now() - 1_000));
    const third = await makeWorkerBundle(pathToFileURL(named));
    expect(third, "a new bundle for the new code").not.toBe(first);
    expect(readFileSync(third!, "utf8")).toContain("second-version");
  });

  it("gives a checkout that shares this node_modules bundles of its own", async () => {
    // Checkouts may share one node_modules (git worktrees linked to one, say). The lint worker
    // finds its word lists by its module's address, so its bundle names the checkout it ran from.
    const lintWorker = new URL("../../src/persian/lint-worker.ts", import.meta.url);
    const ours = await makeWorkerBundle(lintWorker);
    const copy = copyProject(path.join(mkdtempSync(path.join(tmpdir(), "sarkhat-copy-")), "p"), {
      sharedNodeModules: true,
    });
    const script = `const { makeWorkerBundle } = await import("./src/worker.ts");
const { manifestPath } = await import("./src/worker-bundles.mjs");
const bundle = await makeWorkerBundle(new URL("./src/persian/lint-worker.ts", "file://" + process.cwd() + "/"));
console.log(JSON.stringify({ bundle, manifest: manifestPath("lint-worker") }));`;
    let theirs: { bundle: string; manifest: string } | undefined;
    try {
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        { cwd: copy },
      );
      theirs = JSON.parse(stdout) as { bundle: string; manifest: string };
      expect(theirs.manifest, "the copy's manifest").not.toBe(manifestPath("lint-worker"));
      expect(theirs.bundle, "the copy's bundle").not.toBe(ours);
      const code = readFileSync(theirs.bundle, "utf8");
      expect(code, "the copy's worker reads the copy's word lists").toContain(copy);
      expect(code, "and not this checkout's").not.toContain(path.resolve(ROOT, "src/persian"));
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
      if (theirs)
        for (const file of [theirs.bundle, theirs.manifest]) rmSync(file, { force: true });
    }
  });

  it("forgets the manifests of checkouts that are gone when it bundles again", async () => {
    const name = `${path.basename(dir)}-entry`;
    const named = path.join(dir, `${name}.ts`);
    const manifestOf = (files: string[]) =>
      JSON.stringify({ bundle: "-", inputs: files.map((file) => [file, 0, 0]) });
    const gone = path.join(bundles, `${name}.0123456789abcdef.manifest.json`);
    const alive = path.join(bundles, `${name}.fedcba9876543210.manifest.json`);
    writeFileSync(gone, manifestOf([path.join(dir, "removed", `${name}.ts`)]));
    writeFileSync(alive, manifestOf([named]));
    writeFileSync(helper, 'export const word: string = "third-version";\n');
    const past = new Date(Date.now() - 2_000);
    utimesSync(helper, past, past);
    const bundle = await makeWorkerBundle(pathToFileURL(named));
    expect(readFileSync(bundle!, "utf8"), "a new bundle was made").toContain("third-version");
    expect(existsSync(gone), "the manifest of a checkout that is gone").toBe(false);
    expect(existsSync(alive), "the manifest of a checkout still there").toBe(true);
    expect(existsSync(manifestPath(name)), "this checkout's own").toBe(true);
  });
});

describe("workerCodeVersion", () => {
  it("names the bundle's code and the packages installed, which the bundle imports", async () => {
    const packages = createHash("sha256").update(readFileSync(INSTALLED_PACKAGES)).digest("hex");
    expect(installedPackagesVersion(), "a hash of npm's record of node_modules").toBe(packages);
    const version = await workerCodeVersion(pathToFileURL(ENTRY));
    const bundle = await makeWorkerBundle(pathToFileURL(ENTRY));
    expect(version).toBe(`${path.basename(bundle!)}\0${packages}`);
  });
});
