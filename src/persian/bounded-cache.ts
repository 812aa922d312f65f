/**
 * A memo of bounded size for per-word decisions. News copy repeats a few thousand words, so a
 * memo answers nearly every lookup; an archive of unusual text (or a dictionary fed in whole)
 * would grow an unbounded one by millions of entries. This one keeps two generations: when the
 * newer fills up, the older is dropped, so at most 2 × `generationSize` entries are held and
 * what is still in use survives (it is copied forward on its next lookup).
 */
export class BoundedCache<Key, Value> {
  #newer = new Map<Key, Value | typeof UNDEFINED>();
  #older = new Map<Key, Value | typeof UNDEFINED>();
  readonly #generationSize: number;

  constructor(generationSize: number) {
    if (!Number.isInteger(generationSize) || generationSize < 1)
      throw new RangeError(`BoundedCache needs a positive whole size, got ${generationSize}`);
    this.#generationSize = generationSize;
  }

  /** The remembered value of `key`, or else `compute(key)`, remembered. */
  get(key: Key, compute: (key: Key) => Value): Value {
    let stored = this.#newer.get(key);
    if (stored === undefined) {
      stored = this.#older.get(key);
      if (stored === undefined) {
        const value = compute(key);
        stored = value === undefined ? UNDEFINED : value;
      }
      this.#remember(key, stored);
    }
    return stored === UNDEFINED ? (undefined as Value) : (stored as Value);
  }

  /** Entries held, both generations together (a key may be counted twice). */
  get size(): number {
    return this.#newer.size + this.#older.size;
  }

  #remember(key: Key, stored: Value | typeof UNDEFINED): void {
    if (this.#newer.size >= this.#generationSize) {
      this.#older = this.#newer;
      this.#newer = new Map();
    }
    this.#newer.set(key, stored);
  }
}

// Stored for a computed `undefined` (most words need no repair), so that one `get` tells a
// remembered answer from a missing one.
const UNDEFINED: unique symbol = Symbol("undefined");
