import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const Z = "\u200C";
const run = promisify(execFile);
const cli = new URL("../../scripts/lint-fa.ts", import.meta.url).pathname;
const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
let root: string;

async function lintFa(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "lint-fa-cli-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("scripts/lint-fa.ts", () => {
  it("reports findings as file:line:col and exits 1", async () => {
    const file = join(root, "a.md");
    await writeFile(file, "سطر اول\nمتن با تروریستها\n");
    const { code, stdout } = await lintFa(root);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:2:8 تروریستها → تروریست${Z}ها (zwnj-plural)`);
    expect(stdout).toContain("Persian typography: 1 file, 1 finding (0 warnings).");
  });

  it("with --fix, fixes in place and exits 0 when nothing is left", async () => {
    const file = join(root, "a.md");
    await writeFile(file, "متن با تروریستها\n");
    const { code, stdout } = await lintFa(file, "--fix");
    expect(code).toBe(0);
    expect(stdout).toContain(`fixed ${file}`);
    expect(await readFile(file, "utf8")).toBe(`متن با تروریست${Z}ها\n`);
  });

  it("with --fix, keeps low-confidence findings as warnings and exits 1", async () => {
    const file = join(root, "a.md");
    await writeFile(file, "در نامهای\n");
    const { code, stdout } = await lintFa(file, "--fix");
    expect(code).toBe(1);
    expect(stdout).toContain("(zwnj-ambiguous) [warning]");
    expect(await readFile(file, "utf8")).toBe("در نامهای\n");
  });

  it("rejects an unknown option with exit code 2", async () => {
    const { code, stderr } = await lintFa("--frobnicate");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option --frobnicate");
  });
}, 60_000);
