/**
 * `npm run build`'s program as a bundle (src/main-bundle.mjs, src/bundled-modules.mjs,
 * src/module-addresses.mjs, scripts/run-bundled.mjs), on a small project of its own: which modules are entries, one
 * instance of each module whichever entry imports it, reuse while nothing changed, a new bundle
 * when something did. tests/site/reproducible.test.ts checks that `npm run build` run from the
 * bundle writes the same bytes as the build run through tsx.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import {
  eleventyLoaderIsKnown,
  mainBundleEntries,
  makeMainBundle,
  reusableMainBundle,
} from "../../src/main-bundle.mjs";
import { withModuleAddress } from "../../src/module-addresses.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN_BUNDLE = pathToFileURL(path.join(ROOT, "src/main-bundle.mjs")).href;
const BUNDLED_MODULES = path.join(ROOT, "src/bundled-modules.mjs");
const RUN_BUNDLED = path.join(ROOT, "scripts/run-bundled.mjs");

const project = mkdtempSync(path.join(tmpdir(), "sarkhat-main-bundle-"));
const cache = path.join(project, "cache");
afterAll(() => rmSync(project, { recursive: true, force: true }));

function write(file: string, source: string): string {
  const full = path.join(project, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, source);
  return full;
}

// A module with state, imported by the script and by a template; a template that reads its own
// address; an article folder and a declaration file, neither of them entries. The script imports
// the files named on its command line by path, as Eleventy imports templates.
const script = write(
  "scripts/run.ts",
  [
    'import { visits, visit } from "../src/state.ts";',
    `import { importModule } from ${JSON.stringify(BUNDLED_MODULES)};`,
    'import { pathToFileURL } from "node:url";',
    "visit();",
    "const [template, config] = await Promise.all(process.argv.slice(2).map((file) => importModule(pathToFileURL(file).href)));",
    "console.log(JSON.stringify({ visits: visits(), template: template.render(), config: config.default() }));",
  ].join("\n"),
);
// Runs the script from its bundle as scripts/run-bundled.mjs does, from this folder's bundle.
const runner = write(
  "run-bundled.mjs",
  [
    `import { prepareMainBundle } from ${JSON.stringify(MAIN_BUNDLE)};`,
    "const [script] = process.argv.splice(2, 1);",
    `const bundle = await prepareMainBundle(script, ${JSON.stringify({ root: project, cache: path.join(project, "cache") })});`,
    "await import(bundle.program);",
  ].join("\n"),
);
write(
  "src/state.ts",
  "let count = 0;\nexport const visit = (): void => void count++;\nexport const visits = (): number => count;\n",
);
write(
  ".eleventy.ts",
  'import { visit, visits } from "./src/state.ts";\nexport default (): number => (visit(), visits());\n',
);
const template = write(
  "content/page.11ty.ts",
  'import { visits } from "../src/state.ts";\nexport const render = (): string => `${visits()} ${import.meta.filename}`;\n',
);
write("content/feeds/feed.11ty.ts", "export const render = (): string => 'feed';\n");
write("layouts/base.ts", "export const layout = (body: string): string => body;\n");
write("layouts/types.d.ts", "export type Page = string;\n");
write("content/news/1405/article.md", "---\ntitle: x\n---\n");
write("content/news/stray.ts", "export {};\n");

const place = { root: project, cache };

describe("mainBundleEntries", () => {
  it("lists the script, the configuration, then the TypeScript of content/ and layouts/", () => {
    expect(mainBundleEntries(script, project)).toEqual(
      [
        "scripts/run.ts",
        ".eleventy.ts",
        "content/feeds/feed.11ty.ts",
        "content/page.11ty.ts",
        "layouts/base.ts",
      ].map((file) => path.join(project, file)),
    );
  });
});

describe("makeMainBundle and reusableMainBundle", () => {
  const entries = mainBundleEntries(script, project);
  let outputs: Record<string, string>;

  it("bundles every entry into a module of its own", async () => {
    outputs = await makeMainBundle(script, entries, place);
    expect(Object.keys(outputs).sort(), "one bundled module per entry").toEqual(
      entries.map((file) => pathToFileURL(file).href).sort(),
    );
    for (const output of Object.values(outputs))
      expect(existsSync(fileURLToPath(output)), `${output} is written`).toBe(true);
  });

  it("runs, with one instance of a module that two entries import, and each module's own address", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      runner,
      script,
      template,
      path.join(project, ".eleventy.ts"),
    ]);
    expect(JSON.parse(stdout), "what the bundled script printed").toEqual({
      visits: 1,
      // The template sees the script's visit, and the configuration adds its own: one counter.
      template: `1 ${template}`,
      config: 2,
    });
  });

  it("says which TypeScript module it was asked for and does not hold", async () => {
    const stray = path.join(project, "content/news/stray.ts");
    const failed = await promisify(execFile)(process.execPath, [
      runner,
      script,
      stray,
      path.join(project, ".eleventy.ts"),
    ]).then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed, "the error names the file").toContain(`${stray} is not in the bundle`);
  });

  it("is reused while nothing changed", () => {
    expect(reusableMainBundle(script, entries, place)).toEqual(outputs);
  });

  it("is not reused once a module it holds changed", async () => {
    const state = path.join(project, "src/state.ts");
    writeFileSync(state, readFileSync(state, "utf8").replace("count = 0", "count = 10"));
    expect(reusableMainBundle(script, entries, place), "after an edit").toBeUndefined();
    const again = await makeMainBundle(script, entries, place);
    expect(again, "a new bundle in a new folder").not.toEqual(outputs);
    expect(reusableMainBundle(script, entries, place)).toEqual(again);
    outputs = again;
  });

  it("is not reused once a template was added", () => {
    const added = write("content/added.11ty.ts", "export const render = (): string => '';\n");
    const now = mainBundleEntries(script, project);
    expect(now, "the new template is an entry").toContain(added);
    expect(reusableMainBundle(script, now, place)).toBeUndefined();
    rmSync(added);
  });

  it("removes, as it makes a bundle, those of any script unused for an hour, and their manifests", async () => {
    const stale = path.join(cache, "main-0123456789abcdef.0123456789abcdef");
    const recent = path.join(cache, "main-fedcba9876543210.fedcba9876543210");
    const staleManifest = path.join(cache, "main-0123456789abcdef.manifest.json");
    for (const folder of [stale, recent]) mkdirSync(folder, { recursive: true });
    writeFileSync(staleManifest, JSON.stringify({ folder: stale }));
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    const state = path.join(project, "src/state.ts");
    writeFileSync(state, readFileSync(state, "utf8").replace("count = 10", "count = 20"));
    // A file stamped in the millisecond the bundling starts is not trusted (no manifest then), and
    // the next test reuses this bundle: stamp the edit a few seconds in the past.
    const past = new Date(Date.now() - 3_000);
    utimesSync(state, past, past);
    outputs = await makeMainBundle(script, entries, place);
    expect(existsSync(stale), "a folder two hours old").toBe(false);
    expect(existsSync(staleManifest), "its manifest").toBe(false);
    expect(existsSync(recent), "a folder made just now").toBe(true);
  });

  it("keeps the folder of the bundle in use from the next bundle's cleanup", () => {
    // The configuration's module is at the top of the bundle's folder.
    const config = outputs[pathToFileURL(path.join(project, ".eleventy.ts")).href]!;
    const folder = path.dirname(fileURLToPath(config));
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(folder, twoHoursAgo, twoHoursAgo);
    expect(reusableMainBundle(script, entries, place)).toEqual(outputs);
    expect(statSync(folder).mtimeMs, "touched as it is reused").toBeGreaterThan(
      Date.now() - 60_000,
    );
  });
});

describe("makeMainBundle on code that does not compile", () => {
  it("fails with the file and the line, and writes no bundle", async () => {
    const broken = mkdtempSync(path.join(tmpdir(), "sarkhat-main-bundle-broken-"));
    try {
      const brokenScript = path.join(broken, "run.ts");
      writeFileSync(brokenScript, "export const x = ;\n");
      writeFileSync(path.join(broken, ".eleventy.ts"), "export default (): void => {};\n");
      const brokenCache = path.join(broken, "cache");
      await expect(
        makeMainBundle(brokenScript, mainBundleEntries(brokenScript, broken), {
          root: broken,
          cache: brokenCache,
        }),
      ).rejects.toThrow(/run\.ts:1:\d+: ERROR/u);
      expect(existsSync(brokenCache), "nothing written").toBe(false);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("is reported by `npm run build`'s launcher in two lines, with exit code 1", async () => {
    const brokenScript = write("broken/run.ts", "export const x = ;\n");
    const failed = await promisify(execFile)(process.execPath, [RUN_BUNDLED, brokenScript], {
      cwd: ROOT,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code, "the exit code").toBe(1);
    expect(failed?.stderr.trim().split("\n"), "what the editor reads").toEqual([
      "The build's code does not compile. Build failed with 1 error:",
      expect.stringMatching(/run\.ts:1:\d+: ERROR: /u),
      "The build failed; nothing was built.",
    ]);
  });
});

describe("eleventyLoaderIsKnown", () => {
  it("knows the installed Eleventy's loader, whose one import the bundle rewrites", () => {
    expect(eleventyLoaderIsKnown(ROOT)).toBe(true);
  });

  it("does not know a loader that imports otherwise, so that the build runs through tsx", () => {
    const loader = write(
      "node_modules/@11ty/eleventy/src/Util/Require.js",
      "export const load = (urlPath) => import(urlPath, { with: {} });\n",
    );
    expect(eleventyLoaderIsKnown(project)).toBe(false);
    rmSync(path.join(project, "node_modules"), { recursive: true });
    expect(existsSync(loader)).toBe(false);
    expect(eleventyLoaderIsKnown(project), "a folder without Eleventy").toBe(true);
  });
});

describe("withModuleAddress", () => {
  const file = "/project/node_modules/pkg/lib/index.js";
  const url = JSON.stringify(pathToFileURL(file).href);
  const dirname = JSON.stringify(path.dirname(file));
  it.each([
    ["import.meta.url", "new URL('./a.json', import.meta.url)", `new URL('./a.json', ${url})`],
    ["import.meta.dirname", "join(import.meta.dirname, 'x')", `join(${dirname}, 'x')`],
    ["CommonJS's __dirname", "join(__dirname, 'x')", `join(${dirname}, 'x')`],
    [
      "a module that declares __dirname itself",
      "const __dirname = dirname(fileURLToPath(import.meta.url)); join(__dirname, 'x')",
      `const __dirname = dirname(fileURLToPath(${url})); join(__dirname, 'x')`,
    ],
    ["a name inside a string", 'log("import.meta.url")', 'log("import.meta.url")'],
    ["a property of another object", "options.__dirname", "options.__dirname"],
  ])("%s", (_, source, expected) => {
    expect(withModuleAddress(file, source)).toBe(expected);
  });

  it("leaves __dirname alone in TypeScript, which is an ES module here", () => {
    expect(withModuleAddress("/project/src/a.ts", "join(__dirname, 'x')")).toBe(
      "join(__dirname, 'x')",
    );
  });
});
