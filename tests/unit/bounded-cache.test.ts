import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/persian/bounded-cache.ts";

/** A compute function that counts its calls. */
function counting<T>(compute: (key: string) => T): {
  calls: string[];
  compute: (key: string) => T;
} {
  const calls: string[] = [];
  return {
    calls,
    compute: (key) => {
      calls.push(key);
      return compute(key);
    },
  };
}

describe("BoundedCache", () => {
  it("computes a value once and then remembers it", () => {
    const cache = new BoundedCache<string, number>(10);
    const { calls, compute } = counting((key) => key.length);
    expect(cache.get("سلام", compute)).toBe(4);
    expect(cache.get("سلام", compute)).toBe(4);
    expect(calls).toEqual(["سلام"]);
  });

  it("remembers undefined as an answer", () => {
    const cache = new BoundedCache<string, number | undefined>(10);
    const { calls, compute } = counting(() => undefined);
    expect(cache.get("a", compute)).toBeUndefined();
    expect(cache.get("a", compute)).toBeUndefined();
    expect(calls).toEqual(["a"]);
  });

  it("holds at most two generations of entries", () => {
    const cache = new BoundedCache<number, number>(3);
    for (let key = 0; key < 100; key++) cache.get(key, (k) => k * 2);
    expect(cache.size).toBeLessThanOrEqual(6);
  });

  it("keeps an entry that is still used when its generation is dropped", () => {
    const cache = new BoundedCache<string, string>(2);
    const { calls, compute } = counting((key) => key.toUpperCase());
    cache.get("hot", compute);
    for (const key of ["a", "b", "c", "d", "e", "f"]) {
      cache.get(key, compute);
      cache.get("hot", compute);
    }
    expect(calls.filter((key) => key === "hot")).toEqual(["hot"]);
  });

  it("forgets what was not used for two generations", () => {
    const cache = new BoundedCache<string, string>(2);
    const { calls, compute } = counting((key) => key);
    for (const key of ["old", "a", "b", "c", "d", "e", "old"]) cache.get(key, compute);
    expect(calls.filter((key) => key === "old")).toEqual(["old", "old"]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a generation size of %s", (size) => {
    expect(() => new BoundedCache(size)).toThrow(RangeError);
  });
});
