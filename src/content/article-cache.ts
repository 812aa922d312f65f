/**
 * Checked articles kept between builds, as the typography lint keeps its findings
 * (src/persian/lint-cache.ts): a file with the same name and bytes, checked by the same code, gives
 * the same article and the same problems. Reading, validating and rendering the archive was a
 * third of a large build's CPU time (10,000 articles: 4.5 s over two threads, README
 * "Performance"); taking an unchanged file's result from here costs a hash of its bytes and the
 * reading of its entry, a sixth of that.
 *
 * An entry is keyed by the SHA-256 of the file's name and bytes and holds the result in V8's
 * serialisation (what a worker's message is made of, so an entry is exactly what a load worker
 * posts: dates, absent fields and all). Entries live in a folder per version of the code
 * (article-cache-folder.mjs), in 256 packs named by their key's first byte. Not a file per entry:
 * creating 10,000 files on this machine's disk took 5 s of CPU, which made a build with the cache
 * cold 1.4 times as long as one without it. With packs, a build that checked one new article
 * rewrites one pack of a few hundred kilobytes.
 *
 * Each thread of a parallel load reads the packs it needs itself; the entries it had to make go
 * back to the main thread with its results, and the main thread alone writes (`saveArticleCache`).
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomically } from "../write-atomically.ts";
import type { CheckedFile } from "./load-articles.ts";

/**
 * The entries a thread made this build: each key (hexadecimal) and where its serialised result
 * is, in a few large buffers rather than one small buffer each, which a worker hands to the main
 * thread without a copy (80 MB at 10,000 articles with the cache cold).
 */
export interface FreshEntries {
  entries: [key: string, chunk: number, offset: number, length: number][];
  chunks: Uint8Array[];
}

const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ArticleCache {
  /**
   * What checking the file `file` (its name as reports give it) with these bytes gives: a kept
   * result, or `check`'s (given the bytes as UTF-8 text), kept for `saveArticleCache`.
   * `bytesKey` is the hash of the bytes (src/persian/content-key.ts), which the caller has anyway:
   * the entry's key is made from it and the name, so the bytes are hashed once.
   */
  checked(
    file: string,
    bytes: Buffer,
    bytesKey: string,
    check: (source: string) => CheckedFile,
  ): CheckedFile;
  /** The keys this thread asked for: what the next build will ask for again. */
  readonly used: readonly string[];
  /** The entries this thread had to make, one per file it checked. */
  readonly fresh: FreshEntries;
}

// A pack: the number of entries (32-bit, little-endian), then for each its key, offset and length
// in the file (32 and two 32-bit numbers), then the entries. The table at the head lets a thread
// read the entries it needs alone: holding whole packs cost each thread their size in memory.
const KEY_BYTES = 32;
const ROW_BYTES = KEY_BYTES + 8;

/** The pack of a key: its first byte, as the key's first two hexadecimal digits. */
const packOf = (folder: string, key: string) => path.join(folder, `${key.slice(0, 2)}.pack`);

type PackTable = Map<string, [offset: number, length: number]>;

/**
 * The table at the head of a pack (`head`: its first bytes, or all of them) whose file holds
 * `size` bytes; empty when the head is damaged. An entry that would run past the file is left out.
 */
function parsePackTable(head: Buffer, size: number): PackTable {
  const table: PackTable = new Map();
  if (head.length < 4) return table;
  const end = 4 + head.readUInt32LE(0) * ROW_BYTES;
  if (end > Math.min(size, head.length)) return table;
  for (let row = 4; row < end; row += ROW_BYTES) {
    const offset = head.readUInt32LE(row + KEY_BYTES);
    const length = head.readUInt32LE(row + KEY_BYTES + 4);
    if (offset + length <= size)
      table.set(head.toString("hex", row, row + KEY_BYTES), [offset, length]);
  }
  return table;
}

/** The table of `pack`, reading its head only; empty when the pack is missing or damaged. */
function readPackTable(pack: string): PackTable {
  let fd: number | undefined;
  try {
    fd = openSync(pack, "r");
    const size = fstatSync(fd).size;
    const count = Buffer.alloc(4);
    readSync(fd, count, 0, 4, 0);
    const head = Buffer.alloc(Math.min(size, 4 + count.readUInt32LE(0) * ROW_BYTES));
    if (readSync(fd, head, 0, head.length, 0) < head.length) return new Map();
    return parsePackTable(head, size);
  } catch {
    // No pack yet, or one that cannot be read: no entries.
    return new Map();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The bytes of one entry of `pack`; `undefined` if they cannot be read whole. */
function readPackEntry(pack: string, [offset, length]: [number, number]): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(pack, "r");
    const entry = Buffer.alloc(length);
    return readSync(fd, entry, 0, length, offset) === length ? entry : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A pack of `entries`, in the format `readPackTable` reads. */
function encodePack(entries: readonly (readonly [key: string, entry: Uint8Array])[]): Buffer {
  const head = Buffer.alloc(4 + entries.length * ROW_BYTES);
  head.writeUInt32LE(entries.length, 0);
  let offset = head.length;
  entries.forEach(([key, entry], index) => {
    const row = 4 + index * ROW_BYTES;
    head.write(key, row, KEY_BYTES, "hex");
    head.writeUInt32LE(offset, row + KEY_BYTES);
    head.writeUInt32LE(entry.length, row + KEY_BYTES + 4);
    offset += entry.length;
  });
  return Buffer.concat([head, ...entries.map(([, entry]) => entry)]);
}

/** The cache in `folder`, read as entries are asked for. Never throws. */
export function openArticleCache(folder: string): ArticleCache {
  const tables = new Map<string, PackTable>();
  const used: string[] = [];
  const fresh: FreshEntries = { entries: [], chunks: [] };
  let chunk: Buffer | undefined;
  let filled = 0;
  const keep = (key: string, entry: Buffer) => {
    if (!chunk || filled + entry.length > chunk.length) {
      // allocUnsafeSlow: a buffer of its own, not a slice of Node's pool, so it can be transferred.
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, entry.length));
      fresh.chunks.push(chunk);
      filled = 0;
    }
    entry.copy(chunk, filled);
    fresh.entries.push([key, fresh.chunks.length - 1, filled, entry.length]);
    filled += entry.length;
  };
  return {
    used,
    fresh,
    checked(file, bytes, bytesKey, check) {
      const key = createHash("sha256").update(file).update("\0").update(bytesKey).digest("hex");
      used.push(key);
      const pack = packOf(folder, key);
      let table = tables.get(pack);
      if (!table) tables.set(pack, (table = readPackTable(pack)));
      const place = table.get(key);
      const kept = place && readEntry(readPackEntry(pack, place));
      if (kept) return kept;
      const result = check(bytes.toString("utf8"));
      keep(key, serialize(result));
      return result;
    },
  };
}

function readEntry(entry: Uint8Array | undefined): CheckedFile | undefined {
  if (!entry) return undefined;
  try {
    const value: unknown = deserialize(entry);
    return isCheckedFile(value) ? value : undefined;
  } catch {
    // A damaged entry: the file is checked again, and the entry made anew.
    return undefined;
  }
}

function isCheckedFile(value: unknown): value is CheckedFile {
  const candidate = value as Partial<CheckedFile> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    Array.isArray(candidate.problems) &&
    typeof candidate.codeLine === "number" &&
    (candidate.article === undefined ||
      (typeof candidate.article === "object" && candidate.article.date instanceof Date))
  );
}

// Another version's folder may belong to a build still running with other code (a test, a second
// checkout's build): left for an hour after its last write, as src/worker.ts leaves old bundles.
const OTHER_VERSIONS_KEPT_MS = 60 * 60 * 1000;

/**
 * Keep the entries a load made (`fresh`, from every thread) for the next build. Each pack they
 * fall in is written again with the entries of this build's files only (`used`, from every
 * thread): an edited article's earlier entries and those of files no longer in the archive go as
 * their pack is next written. Other versions' folders are removed an hour after their last write.
 * Never throws: a disk that cannot be written means the next build checks those files again.
 */
export function saveArticleCache(
  folder: string,
  used: ReadonlySet<string>,
  fresh: readonly FreshEntries[],
): void {
  const byPack = new Map<string, [key: string, entry: Uint8Array][]>();
  for (const { entries, chunks } of fresh) {
    for (const [key, chunk, offset, length] of entries) {
      const pack = packOf(folder, key);
      const made = byPack.get(pack) ?? [];
      made.push([key, chunks[chunk]!.subarray(offset, offset + length)]);
      byPack.set(pack, made);
    }
  }
  if (byPack.size === 0) return;
  try {
    removeOtherVersions(folder);
    mkdirSync(folder, { recursive: true });
    for (const [pack, made] of byPack) {
      const entries = new Map<string, Uint8Array>();
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(pack);
      } catch {
        // A pack not written yet.
      }
      if (bytes)
        for (const [key, [offset, length]] of parsePackTable(bytes, bytes.length))
          if (used.has(key)) entries.set(key, bytes.subarray(offset, offset + length));
      for (const [key, entry] of made) entries.set(key, entry);
      writeFileAtomically(pack, encodePack([...entries]));
    }
  } catch {
    // A read-only or full disk: the next build is as without these entries.
  }
}

function removeOtherVersions(folder: string): void {
  const caches = path.dirname(folder);
  let names: string[];
  try {
    names = readdirSync(caches);
  } catch {
    return;
  }
  for (const name of names) {
    const other = path.join(caches, name);
    try {
      if (other !== folder && Date.now() - statSync(other).mtimeMs >= OTHER_VERSIONS_KEPT_MS)
        rmSync(other, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}
