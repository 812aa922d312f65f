/**
 * The atomic publish (src/publish.ts): the new site replaces the old in one rename, the old one is
 * removed by a process of its own, and leftovers are told apart by whether their owner still runs.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publish, removeBuildLeftovers, STAGING, temporaryName } from "../../src/publish.ts";

let dir: string;
let output: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-publish-"));
  output = path.join(dir, "site");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder holding one `index.html` with `text`, with many files beside it when `files` says so. */
function makeSite(folder: string, text: string, files = 0): void {
  mkdirSync(path.join(folder, "news"), { recursive: true });
  writeFileSync(path.join(folder, "index.html"), text);
  for (let index = 0; index < files; index++)
    writeFileSync(path.join(folder, "news", `${index}.html`), text);
}

const besideTheSite = () => readdirSync(dir).filter((name) => name !== "site");

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe("publish", () => {
  it("puts the first site in place and leaves nothing beside it", () => {
    const staging = temporaryName(output, STAGING);
    makeSite(staging, "first");
    publish(staging, output);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("first");
    expect(besideTheSite(), "no temporary folder").toEqual([]);
  });

  it("replaces a site at once and removes the previous one in the background", async () => {
    const first = temporaryName(output, STAGING);
    makeSite(first, "first", 2_000);
    publish(first, output);
    const second = temporaryName(output, STAGING);
    makeSite(second, "second");
    publish(second, output);
    // A Node process takes tens of milliseconds to start: publish has returned well before.
    expect(
      besideTheSite(),
      "publish did not wait for the previous site to be removed",
    ).toHaveLength(1);
    expect(readFileSync(path.join(output, "index.html"), "utf8"), "the new site, at once").toBe(
      "second",
    );
    expect(readdirSync(path.join(output, "news")), "none of the previous site's files").toEqual([]);
    expect(
      await waitUntil(() => besideTheSite().length === 0, 15_000),
      `the previous site is removed by its own process (left: ${besideTheSite().join(", ")})`,
    ).toBe(true);
  });
});

describe("removeBuildLeftovers", () => {
  it("removes the folders of builds that no longer run and leaves those of running ones", () => {
    // The id of a process that has just ended.
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    const abandoned = [`site.building-${ended}-aaaa`, `site.previous-${ended}-removing`];
    const running = [`site.building-${process.pid}-bbbb`, `site.previous-${process.pid}-removing`];
    for (const name of [...abandoned, ...running]) makeSite(path.join(dir, name), name);
    makeSite(path.join(dir, "other.building-1-cccc"), "another site's folder");

    expect(removeBuildLeftovers(output).sort(), "the abandoned folders, removed").toEqual(
      [...abandoned].sort(),
    );
    expect(readdirSync(dir).sort(), "what is left").toEqual(
      [...running, "other.building-1-cccc"].sort(),
    );
    expect(
      removeBuildLeftovers(output, process.pid).sort(),
      "this process's own folders, when it asks (an interrupted build)",
    ).toEqual([...running].sort());
  });
});
