/**
 * Worker-thread entry of the background page writer (src/background-page-writer.ts): writes the
 * pages of each batch in order and says how much it wrote; after a failure it writes nothing
 * more and reports the failure once.
 */
import { parentPort } from "node:worker_threads";
import type { BackgroundWriterMessage, BackgroundWriterReply } from "./background-page-writer.ts";
import { createPageWriter } from "./page-writer.ts";

const writer = createPageWriter();
const port = parentPort!;
const reply = (message: BackgroundWriterReply) => port.postMessage(message);
let failed = false;
port.on("message", (message: BackgroundWriterMessage) => {
  if (message === "close") return reply({ closed: true });
  if (failed) return;
  let written = 0;
  try {
    for (const [file, content] of message) {
      writer.write(file, content);
      written += content.length;
    }
    reply({ written });
  } catch (error) {
    failed = true;
    reply({ error: error instanceof Error ? error.message : String(error) });
  }
});
