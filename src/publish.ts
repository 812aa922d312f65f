/**
 * The atomic publish of a build: the site is made in a temporary folder beside the output and
 * swapped in whole. Apart from the build itself (src/build.ts) and free of its imports, so
 * `npm run build` can clean up after an interrupted build without loading Eleventy.
 */
import { spawn } from "node:child_process";
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
    try {
      rmSync(path.join(parent, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Being removed by someone else as well (a remover that just exited): the next build retries.
    }
  }
  return removed;
}

// The previous site is removed by a Node process of its own (plain JavaScript, nothing of this
// project), which first renames the folder after itself: a build starting meanwhile sees an owner
// still running and leaves the folder to it (removeBuildLeftovers).
const REMOVER = `
const fs = require("node:fs");
const [folder, outputDir, kind] = process.argv.slice(1);
const own = outputDir + kind + process.pid + "-removing";
try { fs.renameSync(folder, own); } catch { process.exit(0); }
fs.rmSync(own, { recursive: true, force: true });
`;

/**
 * Remove `folder`, a retired site, in a detached process that outlives this one. Deleting the
 * previous site is most of the time between "published" and the command's end: 35,000 files
 * (10,000 articles) took 1.3 s on tmpfs and about 3 s on this machine's disk, and the new site is
 * already in place by then. If the remover is stopped, the next build removes what is left.
 */
function removeInBackground(folder: string, outputDir: string): void {
  try {
    const remover = spawn(process.execPath, ["-e", REMOVER, folder, outputDir, RETIRED], {
      detached: true,
      stdio: "ignore",
    });
    // A remover that could not start leaves the folder to the next build's removeBuildLeftovers.
    remover.on("error", () => undefined);
    remover.unref();
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Swap the finished `staging` folder in as `outputDir`. The previous site is moved aside only
 * once the new one is complete, and removed in the background after the swap.
 */
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
  if (hadPrevious) removeInBackground(retired, outputDir);
}
