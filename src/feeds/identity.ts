import { createHash } from "node:crypto";

// A fixed namespace for Sarkhat's item ids (itself a random v4 UUID, generated once).
const NAMESPACE = "6f1c9a52-3d2e-4b8f-9a41-0c7e5d2b8e13";

/** An RFC 9562 version-5 UUID: the SHA-1 of a namespace and a name, stable forever. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of an article in every feed: derived from its news code only, so it survives a new
 * title, a new URL scheme or a new domain, and a feed reader never shows the story twice.
 */
export function articleFeedId(code: number): string {
  return `urn:uuid:${uuidV5(`news/${code}`)}`;
}

/**
 * The id of a feed (Atom's feed-level `<id>`): derived from the path of the page it follows,
 * never from the domain, so moving the site keeps every subscription's identity.
 */
export function feedId(pagePath: string): string {
  return `urn:uuid:${uuidV5(`feed${pagePath}`)}`;
}
