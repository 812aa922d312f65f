/**
 * Writes a build makes in the background (the search index, written by a worker thread while the
 * pages render). A build stopped by a signal must stop them, and wait until the last one has
 * landed, before it removes its temporary folder: otherwise a late write puts a file back into the
 * folder just removed (scripts/build.ts).
 */

const stoppers = new Set<() => Promise<void>>();

/** Register how to stop one background writer; returns the way to unregister it. */
export function registerBackgroundWriter(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Stop every background writer and resolve once none can write any more. */
export async function stopBackgroundWrites(): Promise<void> {
  await Promise.all([...stoppers].map((stop) => stop()));
}
