/**
 * The arithmetic of interleaved pairs (bench/pairs.ts): two builds run in turn, alternating which
 * goes first, so that both meet the machine in the same minute; each pair gives the ratio of B's
 * time to A's, and the median of those ratios says how B compares with A. Hours of this machine
 * differ by more than most changes (README "Performance"); the two builds of one pair do not.
 */
import { median } from "./child.ts";

/** What each build of a pair reports (bench/build-child.ts prints more). */
export interface PairRun {
  processMs: number;
  cpuMs: number;
  peakRssBytes: number;
}

export interface Pair {
  a: PairRun;
  b: PairRun;
}

export interface PairSummary {
  pairs: number;
  /** Medians of B's time over A's, pair by pair: below 1, B is faster. */
  wallRatio: number;
  cpuRatio: number;
  /** Pairs in which B took less wall time than A. */
  bFaster: number;
  /** Medians of each side's own figures. */
  wallA: number;
  wallB: number;
  peakRssA: number;
  peakRssB: number;
}

/** Which build of pair number `index` (from 0) goes first: A, then B, then A… */
export const firstOfPair = (index: number): "a" | "b" => (index % 2 === 0 ? "a" : "b");

/** The summary of `pairs`; throws when there are none. */
export function summarizePairs(pairs: readonly Pair[]): PairSummary {
  if (pairs.length === 0) throw new RangeError("summarizePairs needs at least one pair, got none");
  return {
    pairs: pairs.length,
    wallRatio: median(pairs.map(({ a, b }) => b.processMs / a.processMs)),
    cpuRatio: median(pairs.map(({ a, b }) => b.cpuMs / a.cpuMs)),
    bFaster: pairs.filter(({ a, b }) => b.processMs < a.processMs).length,
    wallA: median(pairs.map(({ a }) => a.processMs)),
    wallB: median(pairs.map(({ b }) => b.processMs)),
    peakRssA: median(pairs.map(({ a }) => a.peakRssBytes)),
    peakRssB: median(pairs.map(({ b }) => b.peakRssBytes)),
  };
}
