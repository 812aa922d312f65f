import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFully } from "../../src/read-fully.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-read-fully-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Larger than Node's pool of small buffers, and than one page of memory.
const bytes = Buffer.from("متن خبر ".repeat(20_000));

function readFrom(length: number, into = Buffer.alloc(bytes.length + 10)): [number, Buffer] {
  const file = path.join(dir, "file");
  writeFileSync(file, bytes);
  const fd = openSync(file, "r");
  try {
    return [readFully(fd, into, length), into];
  } finally {
    closeSync(fd);
  }
}

describe("readFully", () => {
  it("reads the whole file when asked for its length", () => {
    const [read, into] = readFrom(bytes.length);
    expect(read, "how many bytes").toBe(bytes.length);
    expect(into.subarray(0, read), "the bytes").toEqual(bytes);
  });

  it("stops at the end of a file shorter than asked", () => {
    const [read, into] = readFrom(bytes.length + 10);
    expect(read, "the file's length, not the length asked").toBe(bytes.length);
    expect(into.subarray(0, read), "the bytes").toEqual(bytes);
  });

  it("reads no more than asked, from the start", () => {
    const [read, into] = readFrom(1000);
    expect(read, "the length asked").toBe(1000);
    expect(into.subarray(0, 1000), "the file's first bytes").toEqual(bytes.subarray(0, 1000));
    expect(into.subarray(1000, 1010), "nothing past them").toEqual(Buffer.alloc(10));
  });
});
