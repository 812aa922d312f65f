/**
 * The entries kept between builds (src/pack-cache.ts), as such: the checked articles' cache
 * (tests/unit/article-cache.test.ts) and the search records' (tests/unit/record-cache.test.ts)
 * test what they keep in it. Here: reading entries one by one and a pack at a time agree, and
 * what is saved is what the next build reads.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPackCache, savePackCache, type PackCache } from "../../src/pack-cache.ts";

let folder: string;
beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), "sarkhat-pack-cache-")), "version");
});
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

const keyOf = (name: string) => createHash("sha256").update(name).digest("hex");
// Enough entries that several share a pack (256 packs): 600 names.
const names = Array.from({ length: 600 }, (_, index) => `entry ${index}`);
const keys = names.map(keyOf);
const entryOf = (name: string) =>
  Buffer.from(`the bytes of ${name} `.repeat(1 + (name.length % 7)));

/** `readEach` of `keys`, each entry copied (a view is valid during its call only), in order. */
function readAll(cache: PackCache, keys: readonly string[]): (Buffer | undefined)[] {
  const entries: (Buffer | undefined)[] = keys.map(() => undefined);
  cache.readEach(keys, (index, entry) => (entries[index] = Buffer.from(entry)));
  return entries;
}

/** A build that made every entry of `made` and used `used`, saved. */
function saveBuild(made: readonly string[], used: readonly string[] = made): void {
  const cache = openPackCache(folder);
  for (const name of made) {
    const entry = entryOf(name);
    cache.keep(keyOf(name), entry.length, (target, offset) => entry.copy(target, offset));
  }
  savePackCache(folder, new Set(used.map(keyOf)), [cache.fresh]);
}

describe("openPackCache and savePackCache", () => {
  it("give the next build each entry saved, one by one or a pack at a time", () => {
    saveBuild(names);
    const byOne = openPackCache(folder);
    const all = openPackCache(folder);
    const expected = names.map(entryOf);
    // Each copied: an entry `read` gives is valid until the next `read`.
    expect(
      keys.map((key) => Buffer.from(byOne.read(key) ?? "missing")),
      "read",
    ).toEqual(expected);
    expect(readAll(all, keys), "readEach").toEqual(expected);
    expect(all.used, "every key asked for counts as used").toEqual(keys);
  });

  it("give nothing for a key never saved, or no longer used when its pack was written", () => {
    saveBuild(names.slice(0, 300));
    // The next build uses the first 200 only and makes one more entry in the pack of entry 250.
    const packOf = (name: string) => keyOf(name).slice(0, 2);
    let newcomer = "newcomer 0";
    for (let index = 1; packOf(newcomer) !== packOf(names[250]!); index++)
      newcomer = `newcomer ${index}`;
    saveBuild([newcomer], [...names.slice(0, 200), newcomer]);
    const read = readAll(openPackCache(folder), [keyOf(names[250]!), keyOf(newcomer), keys[599]!]);
    expect(read, "250 dropped with its pack rewritten, the newcomer kept, 599 never saved").toEqual(
      [undefined, entryOf(newcomer), undefined],
    );
    expect(readAll(openPackCache(folder), keys.slice(0, 200)), "the used ones kept").toEqual(
      names.slice(0, 200).map(entryOf),
    );
  });

  it.each([
    ["cut short", (pack: Buffer) => pack.subarray(0, pack.length >> 1)],
    ["that is no pack", () => Buffer.from("not a pack")],
  ])("reads a pack %s as holding nothing it cannot read whole", (_, damage) => {
    saveBuild(names);
    for (const pack of readdirSync(folder))
      writeFileSync(path.join(folder, pack), damage(readFileSync(path.join(folder, pack))));
    const read = readAll(openPackCache(folder), keys);
    const whole = read.filter((entry, index) => entry?.equals(entryOf(names[index]!)));
    expect(whole.length, "some entries lost").toBeLessThan(names.length);
    expect(
      read.every((entry, index) => entry === undefined || entry.equals(entryOf(names[index]!))),
      "and none read wrong",
    ).toBe(true);
  });

  it("reads entries larger than its read buffer, between small ones", () => {
    const big = (seed: number) => Buffer.alloc(200_000 + seed, seed);
    const cache = openPackCache(folder);
    const made: [string, Buffer][] = [
      [keys[0]!, entryOf(names[0]!)],
      [keys[1]!, big(1)],
      [keys[2]!, entryOf(names[2]!)],
      [keys[3]!, big(3)],
    ];
    for (const [key, entry] of made)
      cache.keep(key, entry.length, (target, offset) => entry.copy(target, offset));
    savePackCache(folder, new Set(made.map(([key]) => key)), [cache.fresh]);
    const again = openPackCache(folder);
    for (const [key, entry] of made)
      expect(Buffer.from(again.read(key) ?? "missing"), `${entry.length} bytes`).toEqual(entry);
  });

  it("reads nothing, without throwing, from a folder that does not exist", () => {
    const cache = openPackCache(path.join(folder, "none"));
    expect(readAll(cache, keys.slice(0, 3))).toEqual([undefined, undefined, undefined]);
    expect(cache.read(keys[0]!)).toBeUndefined();
  });
});
