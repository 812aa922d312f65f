/**
 * Entries kept between builds, by key, in a folder per version of the code that made them: the
 * storage of the checked articles (src/content/article-cache.ts) and of the search index's
 * records (src/search/record-cache.ts). What an entry holds is its user's business; a key is a
 * SHA-256 in hexadecimal.
 *
 * Entries live in 256 packs named by their key's first byte. Not a file per entry: creating
 * 10,000 files on this machine's disk took 5 s of CPU, which made a build with the cache cold 1.4
 * times as long as one without it. With packs, a build that made one new entry rewrites one pack
 * of a few hundred kilobytes.
 *
 * Each thread reads the packs it needs itself and keeps the entries it made (`fresh`) in a few
 * large buffers; one thread writes them (`savePackCache`) with the keys every thread used.
 */
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
import { readFully } from "./read-fully.ts";
import { writeFileAtomically } from "./write-atomically.ts";

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

// A pack: the number of entries (32-bit, little-endian), then for each its key, offset and length
// in the file (32 and two 32-bit numbers), then the entries. The table at the head lets a thread
// read the entries it needs alone: holding whole packs cost each thread their size in memory.
const KEY_BYTES = 32;
const ROW_BYTES = KEY_BYTES + 8;

/** The name of a key's pack: its first byte, as the key's first two hexadecimal digits. */
const packName = (key: string) => key.slice(0, 2);

/**
 * The keys' indexes by the name of their pack. Keys are grouped by name, and a pack's path made
 * once per pack, not once per key: a path per key was about 40 ms of the index worker at 10,000
 * articles, profiled.
 */
function byPackName(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const name = packName(key);
    const indexes = groups.get(name);
    if (indexes) indexes.push(index);
    else groups.set(name, [index]);
  });
  return groups;
}

const packFile = (folder: string, name: string) => path.join(folder, `${name}.pack`);

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

/** A pack opened for reading: its table, and the file left open to read entries from. */
interface OpenPack {
  table: PackTable;
  /** Undefined when the pack is missing, damaged or could not be kept open. */
  fd: number | undefined;
}

const NO_PACK: OpenPack = { table: new Map(), fd: undefined };

/**
 * `pack` opened, its table read from its head alone; no entries when it is missing or damaged.
 * The file is left open for `readPackEntry` unless `keepOpen` is false.
 */
function openPack(pack: string, keepOpen: boolean): OpenPack {
  let fd: number | undefined;
  try {
    fd = openSync(pack, "r");
    const size = fstatSync(fd).size;
    const count = Buffer.alloc(4);
    readSync(fd, count, 0, 4, 0);
    const head = Buffer.alloc(Math.min(size, 4 + count.readUInt32LE(0) * ROW_BYTES));
    if (readSync(fd, head, 0, head.length, 0) < head.length) return NO_PACK;
    const table = parsePackTable(head, size);
    if (!keepOpen || table.size === 0) return { table, fd: undefined };
    const open = { table, fd };
    fd = undefined;
    return open;
  } catch (error) {
    // Out of files while keeping packs open: the caller lets go of them and asks again.
    if (keepOpen && isOutOfFiles(error)) throw error;
    // No pack yet, or one that cannot be read: no entries.
    return NO_PACK;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether `error` says this process (EMFILE) or the system (ENFILE) has no file left to open. */
const isOutOfFiles = (error: unknown) =>
  error instanceof Error && "code" in error && (error.code === "EMFILE" || error.code === "ENFILE");

/**
 * The bytes of one entry, read into the start of `into` (at least as long) from the pack open as
 * `fd`, or from the file `pack` opened for this read alone; `undefined` if they cannot be read whole.
 */
function readPackEntry(
  pack: string,
  fd: number | undefined,
  [offset, length]: [number, number],
  into: Buffer,
): Buffer | undefined {
  let own: number | undefined;
  try {
    if (fd === undefined) fd = own = openSync(pack, "r");
    const entry = into.subarray(0, length);
    return readSync(fd, entry, 0, length, offset) === length ? entry : undefined;
  } catch {
    return undefined;
  } finally {
    if (own !== undefined) closeSync(own);
  }
}

/** A pack of `entries`, in the format `openPack` reads: its table, then the entries. */
function encodePack(entries: readonly (readonly [key: string, entry: Uint8Array])[]): Uint8Array[] {
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
  return [head, ...entries.map(([, entry]) => entry)];
}

export interface PackCache {
  /**
   * The entry kept under `key`, if it can be read whole; the key counts as used either way. The
   * entry is a view of one buffer that every `read` of this cache reads into, valid until the
   * next: copy what is kept.
   */
  read(key: string): Buffer | undefined;
  /**
   * `read` of each of `keys`, given to `use` with its index (keys with no entry are skipped):
   * each pack they fall in is read whole and once, into one buffer used again for the next pack,
   * for a thread that wants most entries of every pack. An entry is a view of that buffer, valid
   * during its call only: copy what is kept.
   */
  readEach(keys: readonly string[], use: (index: number, entry: Buffer) => void): void;
  /**
   * Keep an entry of `length` bytes under `key` for `savePackCache` (a key `read` found nothing
   * under), written in place by `write` at `offset` in `target`.
   */
  keep(key: string, length: number, write: (target: Buffer, offset: number) => void): void;
  /** The keys this thread asked for: what the next build will ask for again. */
  readonly used: readonly string[];
  /** The entries this thread made. */
  readonly fresh: FreshEntries;
  /**
   * Close the packs `read` keeps open. A `read` after it opens them again; `readEach`, `keep`,
   * `used` and `fresh` are not affected.
   */
  close(): void;
}

/** The entries in `folder`, read as they are asked for. Never throws. */
export function openPackCache(folder: string): PackCache {
  const packs = new Map<string, OpenPack & { file: string }>();
  // A pack `read` opens stays open until `close`, for up to 256 files held open per thread: with
  // an open and a close for each entry, reading 10,000 entries took 110–154 ms against 47–74 ms
  // (measured). Should the process run out of files, packs are opened for each read again.
  let keepOpen = true;
  const closeAll = () => {
    for (const pack of packs.values()) if (pack.fd !== undefined) closeSync(pack.fd);
    packs.clear();
  };
  const used: string[] = [];
  const fresh: FreshEntries = { entries: [], chunks: [] };
  let chunk: Buffer | undefined;
  let filled = 0;
  // Entries are read into one buffer, grown as needed: a new buffer each (10,000 entries of
  // about 8 KB at 10,000 articles) had the kernel fill new pages at every read, as in `readEach`.
  let scratch = Buffer.allocUnsafeSlow(1 << 16);
  return {
    used,
    fresh,
    read(key) {
      used.push(key);
      const name = packName(key);
      let pack = packs.get(name);
      if (!pack) {
        const file = packFile(folder, name);
        let opened: OpenPack;
        try {
          opened = openPack(file, keepOpen);
        } catch {
          // Out of files (see `openPack`): let go of the kept ones and open a pack per read.
          keepOpen = false;
          closeAll();
          opened = openPack(file, keepOpen);
        }
        packs.set(name, (pack = { file, ...opened }));
      }
      const place = pack.table.get(key);
      if (!place) return undefined;
      if (place[1] > scratch.length)
        scratch = Buffer.allocUnsafeSlow(Math.max(place[1], 2 * scratch.length));
      return readPackEntry(pack.file, pack.fd, place, scratch);
    },
    close: closeAll,
    readEach(keys, use) {
      used.push(...keys);
      // One buffer for every pack. With a fresh one each (readFileSync), the reads took 0.23 s of
      // the index worker at 10,000 articles, profiled, the kernel filling new pages; now 9 ms.
      let bytes = Buffer.allocUnsafeSlow(1 << 20);
      for (const [name, indexes] of byPackName(keys)) {
        let size: number;
        try {
          const fd = openSync(packFile(folder, name), "r");
          try {
            size = fstatSync(fd).size;
            if (size > bytes.length) bytes = Buffer.allocUnsafeSlow(size);
            size = readFully(fd, bytes, size);
          } finally {
            closeSync(fd);
          }
        } catch {
          // No pack yet, or one that cannot be read: no entries.
          continue;
        }
        const table = parsePackTable(bytes.subarray(0, size), size);
        for (const index of indexes) {
          const place = table.get(keys[index]!);
          if (place) use(index, bytes.subarray(place[0], place[0] + place[1]));
        }
      }
    },
    keep(key, length, write) {
      if (!chunk || filled + length > chunk.length) {
        // allocUnsafeSlow: a buffer of its own, not a slice of Node's pool, so it can be transferred.
        chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length));
        fresh.chunks.push(chunk);
        filled = 0;
      }
      write(chunk, filled);
      fresh.entries.push([key, fresh.chunks.length - 1, filled, length]);
      filled += length;
    },
  };
}

// Another version's folder may belong to a build still running with other code (a test, a second
// checkout's build): left for an hour after its last write, as src/worker.ts leaves old bundles.
const OTHER_VERSIONS_KEPT_MS = 60 * 60 * 1000;

/**
 * Keep the entries a build made (`fresh`, from every thread) for the next build. Each pack they
 * fall in is written again with the entries of the keys this build used only (`used`, from every
 * thread): an edited article's earlier entries and those of articles no longer in the archive go
 * as their pack is next written. Other versions' folders are removed an hour after their last
 * write. Never throws: a disk that cannot be written means the next build makes those entries again.
 */
export function savePackCache(
  folder: string,
  used: ReadonlySet<string>,
  fresh: readonly FreshEntries[],
): void {
  const byPack = new Map<string, [key: string, entry: Uint8Array][]>();
  for (const { entries, chunks } of fresh) {
    for (const [key, chunk, offset, length] of entries) {
      const name = packName(key);
      const made = byPack.get(name) ?? [];
      made.push([key, chunks[chunk]!.subarray(offset, offset + length)]);
      byPack.set(name, made);
    }
  }
  if (byPack.size === 0) return;
  try {
    removeOtherVersions(folder);
    mkdirSync(folder, { recursive: true });
    for (const [name, made] of byPack) {
      const pack = packFile(folder, name);
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
