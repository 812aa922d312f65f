/**
 * A page writer in a worker thread, for builds: `write` queues the page and returns, and the
 * thread writes it as `createPageWriter` (src/page-writer.ts) does.
 *
 * Why a thread: profiled at 10,000 articles, the other core is busy with the search index and the
 * typography lint for most of a build, but the main thread renders alone for its last fifth
 * (README, "Performance"); writing 35,000 pages was 1.8 s of it. Why batches: one message per
 * page cost this thread about as much as writing the page (47 µs each, profiled: the page is
 * copied, and flattened first); pages sent in batches of about a megabyte cost it half of what
 * writing them does. Measured in interleaved pairs against writing on this thread: 0.94 of the
 * wall time at 10,000 articles.
 */
import { registerBackgroundWriter } from "./background-writes.ts";
import type { PageWriter } from "./page-writer.ts";
import { startTypeScriptWorker } from "./worker.ts";

/** What the background writer's thread is sent: a batch of pages, or `close`. */
export type BackgroundWriterMessage =
  readonly (readonly [file: string, content: string])[] | "close";

/** What it answers: a batch written (its length in UTF-16 code units), closed, or the first error. */
export type BackgroundWriterReply = { written: number } | { closed: true } | { error: string };

export interface BackgroundWriterOptions {
  /** Pages are sent once a batch holds this many UTF-16 code units (by default 2^20, 2 MiB). */
  batchLength?: number;
  /** `write` returns a promise while more than this is sent and not yet written. */
  backlogLength?: number;
}

/** A page writer in a worker thread: `write` queues the page and returns (see the top). */
export async function startBackgroundPageWriter(
  options: BackgroundWriterOptions = {},
): Promise<PageWriter> {
  const batchLength = options.batchLength ?? 1 << 20;
  // 128 batches, 256 MiB of text. The writer falls behind while the other core is shared with the
  // search index and the lint, and this thread must not wait for it then (at 32 batches it did,
  // and the gain was lost); but pages rendered and not yet written need a bound (50,000 articles
  // render faster than they are written).
  const backlogLength = options.backlogLength ?? 128 * batchLength;
  const worker = await startTypeScriptWorker(
    new URL("./page-writer-worker.ts", import.meta.url),
    null,
  );
  const unregister = registerBackgroundWriter(async () => {
    await worker.terminate();
  });
  let batch: [string, string][] = [];
  let batchSize = 0;
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
  worker.on("message", (reply: BackgroundWriterReply) => {
    if ("error" in reply) fail(new Error(reply.error));
    else if ("closed" in reply) closed?.();
    else {
      backlog -= reply.written;
      if (drained && backlog <= drained.below) drained.resolve();
    }
  });
  worker.once("error", fail);
  worker.once("exit", (code) =>
    fail(new Error(`the page writer stopped (exit code ${code}) before it finished`)),
  );
  const send = () => {
    if (!batch.length) return;
    worker.postMessage(batch satisfies BackgroundWriterMessage);
    backlog += batchSize;
    batch = [];
    batchSize = 0;
  };
  const stop = async () => {
    stopping = true;
    unregister();
    await worker.terminate();
  };
  return {
    write(file, content) {
      if (failure) throw failure;
      batch.push([file, content]);
      batchSize += content.length;
      if (batchSize < batchLength) return undefined;
      send();
      if (backlog <= backlogLength) return undefined;
      return new Promise<void>((resolve) => {
        drained = { below: backlogLength / 2, resolve };
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
