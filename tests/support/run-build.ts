/**
 * Run a build in a child process (tests/support/child-build.ts) and collect what it printed.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { buildCommandPrefix } from "../../bench/build-flags.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT = path.join(ROOT, "tests/support/child-build.ts");

export interface ChildBuild {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ChildBuildOptions {
  outputDir: string;
  articlesDir?: string;
  /** Added to (and overriding) the test process's environment. */
  env?: Record<string, string | undefined>;
}

export function buildInChild(options: ChildBuildOptions): Promise<ChildBuild> {
  const args = [
    "--import",
    "tsx",
    SCRIPT,
    options.outputDir,
    ...(options.articlesDir ? [options.articlesDir] : []),
  ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** Like `buildInChild`, but fails with what the build printed when it did not succeed. */
export async function buildInChildOrFail(options: ChildBuildOptions): Promise<ChildBuild> {
  const result = await buildInChild(options);
  if (result.exitCode !== 0)
    throw new Error(
      `The build into ${options.outputDir} failed (exit ${result.exitCode}):\n${result.stderr}`,
    );
  return result;
}

/**
 * The arguments of Node that run `npm run build` with `args` (package.json's Node flags and
 * script, without npm): for tests of the command itself, which runs its program from a bundle
 * (src/main-bundle.mjs). Run from `root`.
 */
export function npmRunBuildArgs(args: readonly string[], root = ROOT): string[] {
  return [...buildCommandPrefix(root), "scripts/build.ts", ...args];
}
