/**
 * Debian's Chromium driven by playwright-core (Playwright cannot download its own browser here).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type BrowserContextOptions } from "playwright-core";

const CANDIDATES = [
  process.env.CHROME_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** The Chromium to test with, or undefined when none is installed. */
export const chromiumPath = CANDIDATES.find(
  (candidate): candidate is string => !!candidate && existsSync(candidate),
);

// Flags for a closed network: no background connections that would fail and add noise.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Chromium draws its own XSLT deprecation banner into the feed preview (/feed.xml): browser UI,
  // not the site's page, and it would otherwise be what accessibility checks and Tab meet first.
  "--disable-features=GenerateXSLTWarningBanner",
];

/** The same flags, for tools that start Chromium themselves (`npm run audit`). */
export const chromiumArgs: readonly string[] = ARGS;

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with an empty profile of its own, removed on close. */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  if (!chromiumPath)
    throw new Error(
      "No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH",
    );
  const profile = mkdtempSync(path.join(tmpdir(), "sarkhat-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Browser tests run when a Chromium is installed; otherwise they are skipped, loudly. In CI
 * (`CI=true`) a missing Chromium is an error, so a skip can never pass for a success there.
 */
export function browserAvailability(): { run: boolean } {
  if (chromiumPath) return { run: true };
  if (process.env.CI)
    throw new Error("CI=true but no Chromium is installed: .ci/run must apt-get install chromium");
  console.warn(
    "\n*** SKIPPED: browser tests need Chromium (apt-get install chromium); none was found. ***\n",
  );
  return { run: false };
}
