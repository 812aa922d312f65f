/**
 * Eleventy in watch mode (the rebuild path of `npm start`; without the dev server unless asked,
 * so no port is taken), in a process of its own, for tests and the benchmark.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface WatchedBuild {
  /** Resolves once the build or rebuild under way when called has finished ("Watching…"). */
  nextBuild(timeoutMs?: number): Promise<void>;
  /** Everything Eleventy printed so far. */
  log(): string;
  /** With `serve`: the dev server's address once it listens (it moves on if the port is taken). */
  serverUrl(timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Start `eleventy --watch` (or `--serve` on `serve.port`) writing into `outputDir`, reading
 * articles from `articlesDir` (the project's own when empty), in the project at `root`.
 */
export function watchBuild(options: {
  outputDir: string;
  articlesDir: string;
  root?: string;
  serve?: { port: number };
}): WatchedBuild {
  const root = options.root ?? ROOT;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=.eleventy.ts",
      ...(options.serve ? ["--serve", `--port=${options.serve.port}`] : ["--watch"]),
      `--output=${options.outputDir}`,
    ],
    {
      cwd: root,
      env: { ...process.env, SARKHAT_ARTICLES: options.articlesDir },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  let seen = 0;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const waitForLog = async <T>(
    find: () => T | undefined,
    what: string,
    timeoutMs: number,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (child.exitCode !== null)
        throw new Error(`Eleventy exited (code ${child.exitCode}):\n${log.slice(-3000)}`);
      if (Date.now() > deadline)
        throw new Error(`no ${what} within ${timeoutMs} ms:\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return {
    log: () => log,
    async nextBuild(timeoutMs = 60_000) {
      await waitForLog(
        () => {
          const at = log.indexOf("Watching…", seen);
          if (at < 0) return undefined;
          seen = at + 1;
          return true;
        },
        "build finished",
        timeoutMs,
      );
    },
    serverUrl: (timeoutMs = 60_000) =>
      waitForLog(
        () => /Server at (http:\/\/localhost:\d+\/)/u.exec(log)?.[1],
        "dev server",
        timeoutMs,
      ),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
