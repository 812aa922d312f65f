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
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleContents, cachedBundle, type CachedBundle } from "../../src/bundle-cache.ts";
import {
  BUNDLES,
  INSTALLED_PACKAGES,
  manifestPath,
  type BundleManifest,
} from "../../src/worker-bundles.mjs";

// A folder of the project (bundles resolve the project's imports), removed afterwards; the
// bundles are named after it, so that parallel test runs never share a manifest.
const dir = mkdtempSync(path.join(import.meta.dirname, "../fixtures/worker/browser-"));
const name = `${path.basename(dir)}-page`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const file of readdirSync(BUNDLES))
    if (file.startsWith(`${name}.`)) rmSync(path.join(BUNDLES, file));
});

const entry = path.join(dir, "page.ts");
const helper = path.join(dir, "helper.ts");
// Stands for the module that gives the options (src/search/assets.ts, src/worker.ts…).
const optionsModule = path.join(dir, "options.ts");
const options: Parameters<typeof cachedBundle>[2] = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  minify: true,
};

function fileOf(bundle: CachedBundle): string {
  if (bundle.file === undefined) throw new Error(`${name} was not written`);
  return bundle.file;
}

// Stamps in the past: files saved while esbuild runs are not trusted (src/bundle-cache.ts).
function writeSource(file: string, text: string, secondsAgo: number): void {
  writeFileSync(file, text);
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

describe("cachedBundle", () => {
  it("reuses a browser bundle while its files are unchanged, and bundles again when one changes", async () => {
    writeSource(optionsModule, "export const minify = true;\n", 3);
    writeSource(helper, 'export const word: string = "first-version";\n', 3);
    writeSource(entry, 'import { word } from "./helper.ts";\nconsole.log(word);\n', 3);

    const first = fileOf(await cachedBundle(name, entry, options, optionsModule));
    expect(path.extname(first), "a browser bundle is a .js file").toBe(".js");
    expect(readFileSync(first, "utf8"), "the helper is bundled in").toContain("first-version");
    const written = statSync(manifestPath(name)).mtimeMs;

    const second = fileOf(await cachedBundle(name, entry, options, optionsModule));
    expect(second, "the same bundle, unchanged files").toBe(first);
    expect(statSync(manifestPath(name)).mtimeMs, "the manifest was not written again").toBe(
      written,
    );

    writeSource(helper, 'export const word: string = "second-version";\n', 2);
    const third = fileOf(await cachedBundle(name, entry, options, optionsModule));
    expect(third, "a new bundle for the new code").not.toBe(first);
    expect(readFileSync(third, "utf8")).toContain("second-version");
    expect(existsSync(first), "the older bundle stays for builds still using it").toBe(true);
  });

  it("bundles again when the module that gives the options changes", async () => {
    writeSource(optionsModule, "export const minify = true;\n", 3);
    writeSource(helper, 'export const word: string = "options";\n', 3);
    writeSource(entry, 'import { word } from "./helper.ts";\nconsole.log(word);\n', 3);
    fileOf(await cachedBundle(name, entry, options, optionsModule));
    const before = readFileSync(manifestPath(name), "utf8");
    fileOf(await cachedBundle(name, entry, options, optionsModule));
    expect(readFileSync(manifestPath(name), "utf8"), "unchanged: reused").toBe(before);

    // Options edited: the bundle's own files are the same, the options' module is not.
    writeSource(optionsModule, "export const minify = false;\n", 2);
    fileOf(await cachedBundle(name, entry, options, optionsModule));
    const manifest = JSON.parse(readFileSync(manifestPath(name), "utf8")) as BundleManifest;
    expect(
      manifest.inputs.find(([file]) => file === optionsModule),
      "made again, with the options' module as it is now",
    ).toEqual([optionsModule, statSync(optionsModule).mtimeMs, statSync(optionsModule).size]);
  });

  it("bundles again when the packages installed change (esbuild among them)", async () => {
    writeSource(optionsModule, "export const minify = true;\n", 3);
    writeSource(helper, 'export const word: string = "packages";\n', 3);
    writeSource(entry, 'import { word } from "./helper.ts";\nconsole.log(word);\n', 3);
    fileOf(await cachedBundle(name, entry, options, optionsModule));
    const manifest = JSON.parse(readFileSync(manifestPath(name), "utf8")) as BundleManifest;
    const record = manifest.inputs.find(([file]) => file === INSTALLED_PACKAGES);
    expect(record, "npm's record of node_modules is one of the bundle's inputs").toEqual([
      INSTALLED_PACKAGES,
      statSync(INSTALLED_PACKAGES).mtimeMs,
      statSync(INSTALLED_PACKAGES).size,
    ]);

    // As if `npm install` had rewritten the record since: its size no longer matches.
    record![2] += 1;
    writeFileSync(manifestPath(name), JSON.stringify(manifest));
    fileOf(await cachedBundle(name, entry, options, optionsModule));
    const remade = JSON.parse(readFileSync(manifestPath(name), "utf8")) as BundleManifest;
    expect(
      remade.inputs.find(([file]) => file === INSTALLED_PACKAGES)?.[2],
      "the bundle was made again, with the record as it is",
    ).toBe(statSync(INSTALLED_PACKAGES).size);
  });

  it("gives a bundle's bytes from its file, or as made when it could not be written", () => {
    const file = path.join(dir, "made.js");
    writeFileSync(file, "console.log(1);\n");
    expect(bundleContents({ file }).toString("utf8"), "read from the file").toBe(
      "console.log(1);\n",
    );
    const contents = new TextEncoder().encode("console.log(2);\n");
    expect(bundleContents({ contents }).toString("utf8"), "the bytes as made").toBe(
      "console.log(2);\n",
    );
  });
});
