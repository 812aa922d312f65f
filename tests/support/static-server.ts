/**
 * A small static file server for the built site, on 127.0.0.1 and a free port, for browser tests.
 * It serves like a plain static host: `/x/` → `x/index.html`, unknown paths → `404.html` with 404.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

function resolveFile(root: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.resolve(root, `.${decoded}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) {
    const index = path.join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return existsSync(candidate) ? candidate : undefined;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    let file = resolveFile(absoluteRoot, urlPath);
    let status = 200;
    if (!file) {
      status = 404;
      file = resolveFile(absoluteRoot, "/404.html");
    }
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(status, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    // Every connection ends now: `close()` alone waits for those with no request yet (a browser's
    // preconnection), which Node drops only at its headers timeout, a minute; a test that stopped
    // the server to go offline timed out waiting (tests/browser/search.test.ts, once in a full run).
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
