/**
 * The SHA-256 of every file of a folder, to prove a folder byte-for-byte unchanged or two builds
 * identical, and to say which files differ when they are not.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Relative path (with `/`) → SHA-256 of the file's bytes, sorted by path. */
export function hashTree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
  return new Map(
    files.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** The files that are missing on one side or differ, one line each; empty when the trees are equal. */
export function treeDifferences(before: Map<string, string>, after: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [file, hash] of before) {
    if (!after.has(file)) differences.push(`${file}: only in the first`);
    else if (after.get(file) !== hash) differences.push(`${file}: differs`);
  }
  for (const file of after.keys())
    if (!before.has(file)) differences.push(`${file}: only in the second`);
  return differences;
}
