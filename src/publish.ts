/**
 * The atomic publish of a build: the site is made in a temporary folder beside the output and
 * swapped in whole. Apart from the build itself (src/build.ts) and free of its imports, so
 * `npm run build` can clean up after an interrupted build without loading Eleventy.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

// Temporary folders sit beside the output (a rename within one file system is atomic) and carry
// the id of the process that made them, so a later build can tell an abandoned one (the build was
// killed) from one another build is still writing.
export const STAGING = ".building-";
const RETIRED = ".previous-";

export function temporaryName(outputDir: string, kind: string): string {
  return `${outputDir}${kind}${process.pid}-${randomBytes(4).toString("hex")}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary folders of `outputDir` left by builds that no longer run (or, with
 * `ownedBy`, those of that process: a build interrupted by a signal cleans up after itself).
 */
export function removeBuildLeftovers(outputDir: string, ownedBy?: number): string[] {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const kind = [STAGING, RETIRED].find((candidate) => name.startsWith(base + candidate));
    if (!kind) continue;
    const pid = Number(name.slice(base.length + kind.length).split("-")[0]);
    const abandoned =
      ownedBy === undefined ? Number.isInteger(pid) && !isRunning(pid) : pid === ownedBy;
    if (!abandoned) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Swap the finished `staging` folder in as `outputDir`; the previous site goes only once it did. */
export function publish(staging: string, outputDir: string): void {
  const retired = temporaryName(outputDir, RETIRED);
  const hadPrevious = existsSync(outputDir);
  if (hadPrevious) renameSync(outputDir, retired);
  try {
    renameSync(staging, outputDir);
  } catch (error) {
    // Put the previous site back: a failed swap must not leave no site at all.
    if (hadPrevious) renameSync(retired, outputDir);
    throw error;
  }
  if (hadPrevious) rmSync(retired, { recursive: true, force: true });
}
