import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { startTypeScriptWorker } from "../../src/worker.ts";

const ENTRY = path.resolve(import.meta.dirname, "../fixtures/worker/echo.ts");

describe("startTypeScriptWorker", () => {
  it("runs a TypeScript module that keeps its own address, reads files beside it and imports the project", async () => {
    const worker = await startTypeScriptWorker(pathToFileURL(ENTRY), 1399);
    const message = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(message).toEqual({
      url: pathToFileURL(ENTRY).href,
      dirname: path.dirname(ENTRY),
      beside: "read next to the worker module\n",
      digits: "۱۳۹۹",
    });
  });

  it("fails naming the module when it does not compile", async () => {
    await expect(
      startTypeScriptWorker(pathToFileURL(path.join(path.dirname(ENTRY), "missing.ts")), null),
    ).rejects.toThrow(/missing\.ts/u);
  });
});
