/**
 * The entries kept between builds (src/pack-cache.ts), as such: the checked articles' cache
 * (tests/unit/article-cache.test.ts) and the search records' (tests/unit/record-cache.test.ts)
 * test what they keep in it. Here: reading entries one by one and a pack at a time agree, and
 * what is saved is what the next build reads.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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

describe("the packs read keeps open", () => {
  /** The files this process has open in `folder`, from /proc (Linux). */
  const openPacks = () =>
    readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(folder + path.sep);
      } catch {
        return false; // closed since it was listed (the listing's own descriptor)
      }
    }).length;

  it.skipIf(process.platform !== "linux")(
    "are one per pack read from, until close, and reads go on after close",
    () => {
      saveBuild(names);
      const cache = openPackCache(folder);
      for (const key of keys) cache.read(key);
      const packsRead = new Set(keys.map((key) => key.slice(0, 2))).size;
      expect(openPacks(), "one open file per pack read from").toBe(packsRead);
      cache.close();
      expect(openPacks(), "none after close").toBe(0);
      expect(Buffer.from(cache.read(keys[0]!) ?? "missing"), "a read after close").toEqual(
        entryOf(names[0]!),
      );
      expect(openPacks(), "its pack open again").toBe(1);
      cache.close();
      expect(openPacks(), "and closed again").toBe(0);
    },
  );

  it("give a pack's entries as they were when it was opened, though a build rewrote it since", () => {
    saveBuild(names);
    // Two entries of one pack.
    const first = keys.findIndex((key, index) =>
      keys.some((other, later) => later > index && other.slice(0, 2) === key.slice(0, 2)),
    );
    const second = keys.findIndex(
      (key, index) => index > first && key.slice(0, 2) === keys[first]!.slice(0, 2),
    );
    const cache = openPackCache(folder);
    expect(Buffer.from(cache.read(keys[first]!) ?? "missing"), "the first entry").toEqual(
      entryOf(names[first]!),
    );
    // A build that made a new entry in that pack, and used the second of the two alone: the
    // pack is written again, its entries moved.
    const pack = keys[first]!.slice(0, 2);
    const added = Array.from({ length: 5000 }, (_, index) => `added ${index}`).find(
      (name) => keyOf(name).slice(0, 2) === pack,
    )!;
    saveBuild([added], [names[second]!, added]);
    expect(
      Buffer.from(cache.read(keys[second]!) ?? "missing"),
      "the second, read from the pack as it was",
    ).toEqual(entryOf(names[second]!));
    cache.close();
  });

  it.skipIf(process.platform !== "linux")(
    "are let go when the process runs out of files, and every entry is still read",
    () => {
      saveBuild(names);
      // A process allowed 64 files (Node can raise no limit past the hard one `ulimit -n` sets)
      // reads 600 entries from about 230 packs.
      const script = `
        import { openPackCache } from ${JSON.stringify(path.resolve("src/pack-cache.ts"))};
        const keys = ${JSON.stringify(keys)};
        const cache = openPackCache(${JSON.stringify(folder)});
        const entries = keys.map((key) => cache.read(key)?.toString("latin1"));
        cache.close();
        process.stdout.write(JSON.stringify(entries));`;
      const child = spawnSync(
        "sh",
        [
          "-c",
          'ulimit -n 64 && exec "$0" --import tsx --input-type=module -e "$1"',
          process.execPath,
          script,
        ],
        { encoding: "utf8" },
      );
      expect(child.status, `the child's exit (stderr: ${child.stderr})`).toBe(0);
      expect(
        JSON.parse(child.stdout),
        "every entry, read in a process that could not keep every pack open",
      ).toEqual(names.map((name) => entryOf(name).toString("latin1")));
    },
  );
});
