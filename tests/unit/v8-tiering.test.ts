/**
 * The build's V8 tier-up flags (src/v8-tiering.mjs): which V8 gets which, and that the running
 * Node accepts the ones it gets (an unknown flag set at run time only prints an error, so a typo
 * would be silently lost there).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildTieringFlags } from "../../src/v8-tiering.mjs";

describe("buildTieringFlags", () => {
  it.each([
    ["11.3.244.8-node.33", "Node 20", ["--interrupt-budget=300000"]],
    ["11.3.244.8-node.19", "another Node 20", ["--interrupt-budget=300000"]],
    ["12.4.254.21-node.57", "Node 22 (no --interrupt-budget there)", []],
    ["13.6.233.17-node.63", "Node 24", []],
    ["11.8.172.17-node.21", "Node 21, not measured", []],
  ])("V8 %s (%s) gets %j", (version, _node, flags) => {
    expect(buildTieringFlags(version), `flags for V8 ${version}`).toEqual(flags);
  });

  const flags = buildTieringFlags(process.versions.v8);
  it.skipIf(flags.length === 0)(
    `this Node (V8 ${process.versions.v8}) accepts its flags on the command line`,
    () => {
      const result = spawnSync(process.execPath, [...flags, "-e", "process.exit(0)"], {
        encoding: "utf8",
      });
      expect(result.stderr, "what Node said about the flags").toBe("");
      expect(result.status, "exit code of node with the flags").toBe(0);
    },
  );
});
