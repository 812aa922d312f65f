import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ITrie } from "cspell-trie-lib";
import { afterAll, describe, expect, it } from "vitest";
import {
  faIrDictionarySource,
  loadDictionaryTrie,
  type DictionarySource,
} from "../../src/persian/dictionary-cache.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "sarkhat-dictionary-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const fromText = loadDictionaryTrie({ ...faIrDictionarySource(), cacheDirectory: undefined });
const words = [...fromText.words()];

function source(name: string): DictionarySource {
  return { ...faIrDictionarySource(), cacheDirectory: path.join(scratch, name) };
}

function cacheFiles(directory: string): string[] {
  return readdirSync(directory).filter((file) => file.endsWith(".btrie"));
}

/** Words that are not in the dictionary but look like its words: endings added and cut. */
function nearMisses(sample: readonly string[]): string[] {
  return sample.flatMap((word) => [`${word}ها`, `${word}\u200Cها`, word.slice(0, -1), `ن${word}`]);
}

/** Every word of the dictionary and near misses of a twelfth of them, or a sample of both. */
function expectSameAnswers(trie: ITrie, every = 1): void {
  const checked = words.filter((_, index) => index % every === 0);
  const differences = [...checked, ...nearMisses(checked.filter((_, index) => index % 12 === 0))]
    .filter((word) => trie.has(word) !== fromText.has(word))
    .slice(0, 10);
  expect(differences).toEqual([]);
}

describe("loadDictionaryTrie", () => {
  it("reads the dictionary's text form when no cache is given", () => {
    expect(words.length).toBeGreaterThan(500_000);
    expect(fromText.has("تروریستها")).toBe(true);
    expect(fromText.has("تروریست\u200Cها")).toBe(false);
  });

  it("writes the binary form on first use and answers exactly as the text form", () => {
    const cached = source("first");
    expectSameAnswers(loadDictionaryTrie(cached));
    expect(cacheFiles(cached.cacheDirectory!)).toHaveLength(1);
  });

  it("reads the binary form on later use and answers exactly as the text form", () => {
    const cached = source("later");
    loadDictionaryTrie(cached);
    const [file] = cacheFiles(cached.cacheDirectory!);
    const written = readFileSync(path.join(cached.cacheDirectory!, file!));
    expectSameAnswers(loadDictionaryTrie(cached), 10);
    // Read, not rewritten.
    expect(readFileSync(path.join(cached.cacheDirectory!, file!)).equals(written)).toBe(true);
  });

  it.each([
    ["a truncated", (bytes: Buffer) => bytes.subarray(0, bytes.length - 1000)],
    [
      "a damaged",
      (bytes: Buffer) =>
        Buffer.concat([
          bytes.subarray(0, 500),
          Buffer.from([bytes[500]! ^ 0xff]),
          bytes.subarray(501),
        ]),
    ],
    ["an empty", () => Buffer.alloc(0)],
  ])("refuses %s cache file and writes a good one", (name, damage) => {
    const cached = source(name.replaceAll(" ", "-"));
    loadDictionaryTrie(cached);
    const file = path.join(cached.cacheDirectory!, cacheFiles(cached.cacheDirectory!)[0]!);
    const good = readFileSync(file);
    writeFileSync(file, damage(good));
    expectSameAnswers(loadDictionaryTrie(cached), 50);
    expect(readFileSync(file).equals(good)).toBe(true);
  });

  it("still loads when the cache cannot be written", () => {
    const blocked = path.join(scratch, "a-file-not-a-folder");
    writeFileSync(blocked, "");
    const trie = loadDictionaryTrie({ ...faIrDictionarySource(), cacheDirectory: blocked });
    expect(trie.has("تروریستها")).toBe(true);
  });
});
