/**
 * Worker-thread entry of the background page writer (src/background-page-writer.ts): writes the
 * pages of each batch in order and hands the batch's buffer back with how much it wrote; after a
 * failure it writes nothing more and reports the failure once.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import type {
  BackgroundWriterMessage,
  BackgroundWriterReply,
  WrittenBatch,
} from "./background-page-writer.ts";
import { createPageWriter } from "./page-writer.ts";

const writer = createPageWriter();
const port = parentPort!;
const reply = (message: BackgroundWriterReply) => port.postMessage(message);
let returns: MessagePort | undefined;
let failed = false;
port.on("message", (message: BackgroundWriterMessage) => {
  if (message === "close") return reply({ closed: true });
  if ("returns" in message) return void (returns = message.returns);
  if (failed) return;
  const { buffer, files, ends } = message;
  const bytes = new Uint8Array(buffer);
  try {
    files.forEach((file, index) =>
      writer.write(file, bytes.subarray(ends[index - 1] ?? 0, ends[index])),
    );
  } catch (error) {
    failed = true;
    return reply({ error: error instanceof Error ? error.message : String(error) });
  }
  const back: WrittenBatch = { buffer, written: ends.at(-1) ?? 0 };
  returns!.postMessage(back, [buffer]);
});
