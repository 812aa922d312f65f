/**
 * A page writer in a worker thread, for builds: `write` queues the page and returns, and the
 * thread writes it as `createPageWriter` (src/page-writer.ts) does.
 *
 * Why a thread: profiled at 10,000 articles, the other core is busy with the search index and the
 * typography lint for most of a build, but the main thread renders alone for its last fifth
 * (bench/HISTORY.md); writing 35,000 pages was 1.8 s of it. Why batches: one message per
 * page cost this thread about as much as writing the page (47 µs each, profiled: the page is
 * copied, and flattened first); pages sent in batches of about a megabyte cost it half of what
 * writing them does. Measured in interleaved pairs against writing on this thread: 0.94 of the
 * wall time at 10,000 articles.
 *
 * Why bytes in buffers that come back: a batch of strings is copied into a new buffer of V8's, and
 * on this machine the kernel's filling of new pages of memory was most of that copy's cost. Pages
 * are now encoded as UTF-8 (what is written anyway) into a buffer handed over whole and handed
 * back once written, taken back without waiting for the event loop (`receiveMessageOnPort`: the
 * render loop does not yield). Microbenchmark, 17,000 pages of 9,000 UTF-16 code units: 228–264
 * ms of this thread against 471–621 ms for batches of strings.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { registerBackgroundWriter } from "./background-writes.ts";
import type { PageWriter } from "./page-writer.ts";
import { startTypeScriptWorker } from "./worker.ts";

/**
 * What the background writer's thread is sent: first the port its buffers go back on, then
 * batches (pages as UTF-8, each ending at its `ends` offset in `buffer`), then `close`.
 */
export type BackgroundWriterMessage =
  | { returns: MessagePort }
  | { buffer: ArrayBuffer; files: readonly string[]; ends: readonly number[] }
  | "close";

/** What it answers: closed, or the first error. */
export type BackgroundWriterReply = { closed: true } | { error: string };

/** What comes back on the returns port: a batch's buffer, its `written` bytes on disk. */
export interface WrittenBatch {
  buffer: ArrayBuffer;
  written: number;
}

export interface BackgroundWriterOptions {
  /** The size of a batch's buffer, in bytes (by default 2 MiB); a larger page gets one of its own. */
  batchBytes?: number;
  /** `write` returns a promise while more than this many bytes are sent and not yet written. */
  backlogBytes?: number;
}

/** The most bytes a string's UTF-8 can take: three per UTF-16 code unit (a pair takes four). */
const mostBytes = (text: string) => 3 * text.length;

/** A page writer in a worker thread: `write` queues the page and returns (see the top). */
export async function startBackgroundPageWriter(
  options: BackgroundWriterOptions = {},
): Promise<PageWriter> {
  const batchBytes = options.batchBytes ?? 2 << 20;
  // 128 batches, 256 MiB. The writer falls behind while the other core is shared with the search
  // index and the lint, and this thread must not wait for it then (at 32 batches it did, and the
  // gain was lost); but pages rendered and not yet written need a bound (50,000 articles render
  // faster than they are written).
  const backlogBytes = options.backlogBytes ?? 128 * batchBytes;
  const worker = await startTypeScriptWorker(
    new URL("./page-writer-worker.ts", import.meta.url),
    null,
  );
  const unregister = registerBackgroundWriter(async () => {
    await worker.terminate();
  });
  const { port1: returns, port2 } = new MessageChannel();
  worker.postMessage({ returns: port2 } satisfies BackgroundWriterMessage, [port2]);
  const encoder = new TextEncoder();
  // Buffers written and handed back, ready for another batch.
  const spare: ArrayBuffer[] = [];
  let buffer: Uint8Array | undefined;
  let files: string[] = [];
  let ends: number[] = [];
  let backlog = 0;
  let failure: Error | undefined;
  let drained: { below: number; resolve: () => void } | undefined;
  let closed: (() => void) | undefined;
  let stopping = false;
  const fail = (error: Error) => {
    if (stopping) return;
    failure ??= error;
    drained?.resolve();
    closed?.();
  };
  const takeBack = ({ buffer: written, written: bytes }: WrittenBatch) => {
    backlog -= bytes;
    if (written.byteLength === batchBytes) spare.push(written);
    if (drained && backlog <= drained.below) drained.resolve();
  };
  returns.on("message", takeBack);
  worker.on("message", (reply: BackgroundWriterReply) => {
    if ("error" in reply) fail(new Error(reply.error));
    else closed?.();
  });
  worker.once("error", fail);
  worker.once("exit", (code) =>
    fail(new Error(`the page writer stopped (exit code ${code}) before it finished`)),
  );
  const newBuffer = (bytes: number) => {
    if (bytes > batchBytes) return new Uint8Array(bytes);
    for (let back; (back = receiveMessageOnPort(returns));) takeBack(back.message as WrittenBatch);
    return new Uint8Array(spare.pop() ?? new ArrayBuffer(batchBytes));
  };
  const send = () => {
    if (!buffer || !files.length) return;
    const batch = { buffer: buffer.buffer as ArrayBuffer, files, ends };
    worker.postMessage(batch satisfies BackgroundWriterMessage, [batch.buffer]);
    backlog += ends.at(-1)!;
    buffer = undefined;
    files = [];
    ends = [];
  };
  const stop = async () => {
    stopping = true;
    unregister();
    returns.close();
    await worker.terminate();
  };
  return {
    write(file, content) {
      if (failure) throw failure;
      const filled = ends.at(-1) ?? 0;
      if (buffer && filled + mostBytes(content) > buffer.length) send();
      buffer ??= newBuffer(mostBytes(content));
      const start = ends.at(-1) ?? 0;
      const end = start + encoder.encodeInto(content, buffer.subarray(start)).written;
      files.push(file);
      ends.push(end);
      // A page with a buffer of its own goes at once; others when the next does not fit.
      if (buffer.length > batchBytes) send();
      if (backlog <= backlogBytes) return undefined;
      return new Promise<void>((resolve) => {
        drained = { below: backlogBytes / 2, resolve };
      }).then(() => {
        drained = undefined;
        if (failure) throw failure;
      });
    },
    async close() {
      send();
      const done = new Promise<void>((resolve) => (closed = resolve));
      if (!failure) worker.postMessage("close" satisfies BackgroundWriterMessage);
      else closed?.();
      await done;
      await stop();
      if (failure) throw failure;
    },
    abandon: stop,
  };
}
