/**
 * `npm run build`: build `_site/` atomically. On bad content it prints every problem and exits 1.
 * `--output <dir>` and `--articles <dir>` build elsewhere or from other articles (tests, benchmark).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { stopBackgroundWrites } from "../src/background-writes.ts";
import { runBuildCommand } from "../src/build-command.ts";
import { removeBuildLeftovers } from "../src/publish.ts";

const { values } = parseArgs({
  options: { output: { type: "string" }, articles: { type: "string" } },
});

// Ctrl-C or a CI timeout mid-build: take this build's temporary folder with it. (A build killed
// outright leaves it behind; the next build removes it, see removeBuildLeftovers.)
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, async () => {
    // The search index is written by a worker thread: stop it and let its writes under way land
    // first, or one could recreate the folder just removed.
    await stopBackgroundWrites();
    removeBuildLeftovers(path.resolve(values.output ?? "_site"), process.pid);
    console.error(`The build was interrupted (${signal}); the previous site was left untouched.`);
    process.exit(code);
  });
}

process.exitCode = (await runBuildCommand(values)).exitCode;
