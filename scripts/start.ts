/**
 * `npm start [-- Eleventy options]`: build the site, serve it on http://localhost:8080/ and rebuild
 * on every change, for previewing (drafts included).
 *
 * Articles, pages and styles are rebuilt by Eleventy's own watcher, in the same process, writing
 * only the pages an edit changed (src/plugins/streamed-pages.ts). Code is another matter: Node
 * cannot unload a module, and Eleventy follows the imports of JavaScript files only, not of
 * TypeScript ones, so an edited layout would otherwise be half reloaded. When a TypeScript file
 * changes (`.eleventy.ts`, src/, layouts/, content/**.11ty.ts), this script restarts Eleventy
 * instead: a full build, and the browser reloads when the server is back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
// tsx, registered once Eleventy and the other packages are loaded (see the script).
const REGISTER_TSX = path.join(ROOT, "scripts/register-tsx.mjs");
const CODE_FOLDERS = ["src", "layouts", "content"];
const RESTART_DELAY_MS = 100;

let child: ChildProcess | undefined;
let restarting: ReturnType<typeof setTimeout> | undefined;

function startEleventy(): ChildProcess {
  return spawn(
    process.execPath,
    [
      "--import",
      REGISTER_TSX,
      ELEVENTY,
      "--config=.eleventy.ts",
      "--serve",
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
}

function stop(eleventy: ChildProcess | undefined): Promise<void> {
  if (!eleventy || eleventy.exitCode !== null || eleventy.signalCode !== null)
    return Promise.resolve();
  return new Promise((resolve) => {
    eleventy.once("exit", () => resolve());
    eleventy.kill("SIGTERM");
  });
}

function restart(file: string): void {
  clearTimeout(restarting);
  // An editor's save may touch several files: one restart for all of them.
  restarting = setTimeout(async () => {
    console.log(`[sarkhat] ${file} changed: restarting Eleventy to load the new code`);
    await stop(child);
    child = startEleventy();
  }, RESTART_DELAY_MS);
}

const isCode = (file: string) => file.endsWith(".ts") && !file.endsWith(".d.ts");

for (const folder of CODE_FOLDERS) {
  watch(path.join(ROOT, folder), { recursive: true }, (_event, name) => {
    if (name && isCode(name)) restart(path.join(folder, name));
  });
}
watch(ROOT, (_event, name) => {
  if (name === ".eleventy.ts") restart(name);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    clearTimeout(restarting);
    await stop(child);
    process.exit(0);
  });
}

child = startEleventy();
