/**
 * Worker-thread entry: lint the given paths and post back the one-line summary.
 */
import { parentPort, workerData } from "node:worker_threads";
import { lintContentFiles, summarizeFindings } from "./lint-files.ts";

const result = await lintContentFiles(workerData as string[]);
parentPort?.postMessage(summarizeFindings(result));
