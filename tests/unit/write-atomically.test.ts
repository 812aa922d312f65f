import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/write-atomically.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomically", () => {
  it("writes a new file and replaces an old one, leaving no temporary file", () => {
    const file = path.join(dir, "cache.bin");
    writeFileAtomically(file, "first");
    expect(readFileSync(file, "utf8")).toBe("first");
    writeFileAtomically(file, new Uint8Array([0x73, 0x65, 0x63, 0x6f, 0x6e, 0x64]));
    expect(readFileSync(file, "utf8"), "the new bytes replace the old").toBe("second");
    expect(readdirSync(dir), "only the file itself").toEqual(["cache.bin"]);
  });

  it("writes a list of buffers one after the other, as one file", () => {
    const file = path.join(dir, "pack");
    // More buffers than one writev call takes (IOV_MAX, 1,024 on Linux), and an empty one.
    const parts = Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index},`));
    parts.splice(7, 0, Buffer.alloc(0));
    writeFileAtomically(file, parts);
    expect(readFileSync(file), "every buffer, in order").toEqual(Buffer.concat(parts));
    expect(readdirSync(dir), "only the file itself").toEqual(["pack"]);
  });

  it("throws when the file cannot be replaced, and removes what it had written", () => {
    // A folder where the file should go: the rename fails after the bytes were written.
    const file = path.join(dir, "taken");
    mkdirSync(file);
    writeFileSync(path.join(file, "inside"), "kept");
    expect(() => writeFileAtomically(file, "bytes")).toThrow(/taken/u);
    expect(readdirSync(dir), "no temporary file left beside it").toEqual(["taken"]);
    expect(readFileSync(path.join(file, "inside"), "utf8"), "what was there is untouched").toBe(
      "kept",
    );
  });
});
