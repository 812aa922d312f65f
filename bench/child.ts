/**
 * Running a benchmark's child process and printing its figures, for `npm run bench`
 * (bench/run.ts) and `npm run bench:pairs` (bench/pairs.ts).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildMeasurement } from "./build-child.ts";
import { buildCommandPrefix } from "./build-flags.ts";

/**
 * Where the benchmarks work: tmpfs where there is one. On a shared virtual disk, creating and
 * deleting tens of thousands of folders takes seconds and varies with whatever else the machine
 * writes, which would measure the disk, not the build.
 */
export const BENCH_DIR = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();

/**
 * Run `script` (a bench/ file, or an absolute path) in a child process with the Node flags
 * `nodeFlags` and parse the JSON of its last stdout line. The build child starts as
 * `npm run build` does (buildCommandPrefix); the floor from its bundle (bench/floor-bundle.ts)
 * and the stock Eleventy site under plain `node`.
 */
export function runChild<T>(
  projectDir: string,
  script: string,
  args: string[],
  nodeFlags: string[],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeFlags, path.resolve(projectDir, "bench", script), ...args],
      {
        cwd: projectDir,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0)
        return reject(
          new Error(`${script} ${args.join(" ")} exited with code ${code}:\n${stdout}`),
        );
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(
          new Error(
            `${script} printed no measurement; its output ended with ${JSON.stringify(last.slice(-500))}`,
          ),
        );
      }
    });
  });
}

/** One build of `corpusDir` into `outputDir` by the project copy `projectDir`, as `npm run build`. */
export function runBuildChild(
  projectDir: string,
  corpusDir: string,
  outputDir: string,
): Promise<BuildMeasurement> {
  return runChild<BuildMeasurement>(
    projectDir,
    "build-child.ts",
    ["--articles", corpusDir, "--output", outputDir],
    buildCommandPrefix(projectDir),
  );
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const mebibytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
export const thousands = (value: number) => value.toLocaleString("en-US");
