/**
 * One built site served locally, one Chromium, one page with a PageWatch on it: the setup the
 * browser suites share.
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { PageWatch } from "./page-checks.ts";
import { serveStatic } from "./static-server.ts";

export interface WatchedSite {
  origin: string;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
}

export async function openWatchedSite(
  siteDir: string,
  options: BrowserContextOptions = {},
): Promise<WatchedSite> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser(options);
  const page = await browser.context.newPage();
  const watch = await PageWatch.attach(page, server.origin);
  return {
    origin: server.origin,
    page,
    watch,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
