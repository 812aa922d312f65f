import { createHash } from "node:crypto";

/**
 * A file's key in the typography lint's cache (lint-cache.ts): the hash of its bytes. Apart from
 * the cache, which loads the dictionary's word lists, because the article load computes it too,
 * as it reads each file, so that a build whose files are all in the cache needs no worker for its
 * typography summary (src/typography-summary.ts).
 */
export function contentKey(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}
